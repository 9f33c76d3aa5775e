import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, signInAndWait, test } from "./support";
import { TOWNSHIPS } from "../../lib/demo/data";

// These journeys read the demo's 2025 campaign (decided as 明组发〔2025〕36号, announced 3–10 December 2025).
const TITLE_2025 = "2025年度组织工作改革创新评比表彰";

/** The demo 2025 campaign's id, found the way the public finds it: through the list of announcements. */
async function campaign2025(page: Page) {
  await page.goto("/announcements");
  await page.getByRole("link", { name: `${TITLE_2025}拟表彰对象公示` }).click();
  await expect(page).toHaveURL(/\/announcements\/[^/]+$/);
  return page.url().split("/").pop()!;
}

/** A township's demo account: townships are numbered in the county's order (城关镇 is z001). */
const townshipUser = (name: string) => `z${String(TOWNSHIPS.indexOf(name) + 1).padStart(3, "0")}`;

test("管理员打开表彰决定、打印、下载 Excel；乡镇打开本单位证书，别的乡镇打不开", async ({ page, openPage }) => {
  await signInAndWait(page, "admin");
  const id = await campaign2025(page);

  await page.goto(`/awards/${id}/decision`);
  const title = page.getByRole("heading", { level: 1, name: "中共明澜县委组织部关于表彰2025年度组织工作改革创新先进集体和先进个人的决定" });
  await expect(title).toBeVisible();
  const decision = page.getByRole("article");
  await expect(decision).toContainText("明组发〔2025〕36号");
  await expect(decision.getByRole("heading", { name: "一、创新性工作" })).toBeVisible();
  await expect(decision).toContainText("2025年12月26日");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印 / 另存为 PDF" })).toBeHidden();
  await expect(title).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Excel 名单" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${TITLE_2025}表彰名单.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet("表彰名单")!;
  expect(sheet.getCell("A1").value).toBe(`${TITLE_2025}表彰名单`);
  expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(["类别", "层级", "奖次", "单位", "项目/姓名", "职务", "综合得分", "推荐理由"]));
  expect([sheet.getCell("B3").value, sheet.getCell("C3").value, sheet.getCell("D3").value]).toEqual(["创新性工作", "全县党务干部", "一等奖"]);
  expect(typeof sheet.getCell("I3").value).toBe("number");

  // A township on the list: its first certificate in the all-in-one print.
  await page.goto(`/awards/${id}/certificates`);
  const links = page.getByRole("link", { name: /^单独打印：/ });
  await expect(links.first()).toBeVisible();
  const texts = await links.allTextContents();
  const index = texts.findIndex((text) => TOWNSHIPS.some((name) => text.startsWith(`单独打印：${name}：`)));
  expect(index).toBeGreaterThanOrEqual(0);
  const [, township, project] = texts[index].match(/^单独打印：(.+?)：(.+)$/)!;
  const href = (await links.nth(index).getAttribute("href"))!;

  const clerk = await openPage();
  await signInAndWait(clerk, townshipUser(township));
  await clerk.goto(href);
  const certificate = clerk.getByRole("article", { name: "荣誉证书" });
  await expect(certificate.getByRole("heading", { name: "荣誉证书" })).toBeVisible();
  await expect(certificate).toContainText(`${township}：`);
  await expect(certificate).toContainText(`你单位“${project}”被评为2025年度组织工作改革创新评比创新性工作`);
  await expect(certificate).toContainText("特发此证，以资鼓励。");
  await expect(certificate).toContainText("中共明澜县委组织部");

  const other = await openPage();
  await signInAndWait(other, townshipUser(TOWNSHIPS.find((name) => name !== township)!));
  await other.goto(href);
  await expect(other.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(other.getByText("你单位")).toHaveCount(0);
});

test("没有账号的人可以查看公示，公示期满后不再受理异议", async ({ openPage }) => {
  const visitor = await openPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "公示公告" }).click();
  await expect(visitor.getByRole("heading", { name: "公示公告" })).toBeVisible();
  await campaign2025(visitor);
  await expect(visitor.getByRole("heading", { level: 1, name: "关于2025年度组织工作改革创新评比表彰拟表彰对象的公示" })).toBeVisible();
  const notice = visitor.getByRole("article");
  await expect(notice).toContainText("公示期为 5 个工作日，自2025年12月3日至2025年12月10日");
  await expect(notice.getByRole("heading", { name: "二、创新性人才" })).toBeVisible();
  await expect(visitor.getByText("公示期已满，不再受理异议。")).toBeVisible();
  await expect(visitor.getByLabel("异议内容")).toHaveCount(0);
  await expect(visitor.getByRole("button", { name: "提交异议" })).toHaveCount(0);
});
