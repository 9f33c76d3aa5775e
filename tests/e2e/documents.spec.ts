import fs from "node:fs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import type { Download, Page } from "@playwright/test";
import { expect, signInAndWait, test, wordOfPage } from "./support";
import { TOWNSHIPS } from "../../lib/demo/data";

/** A township's demo account: townships are numbered in the county's order (城关镇 is z001). */
const townshipUser = (name: string) => `z${String(TOWNSHIPS.indexOf(name) + 1).padStart(3, "0")}`;

// The demo's 2025 campaign was decided as 明组发〔2025〕36号.
const DECISION_TITLE = "中共明澜县委组织部关于表彰2025年度组织工作改革创新先进集体和先进个人的决定";

/** PDF text as a reader would search it: Chromium's CJK fonts map some characters to their Kangxi-radical look-alikes (⼯ for 工), NFKC folds them back. */
async function pdfText(download: Download) {
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync((await download.path())!)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.normalize("NFKC").replace(/\s+/g, "");
}

async function docxXml(download: Download) {
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  return zip.file("word/document.xml")!.async("string");
}

async function download(page: Page, link: string) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  return downloading;
}

test("管理员把表彰决定下载为 PDF 和 Word，标题都在", async ({ page }) => {
  await signInAndWait(page, "admin");
  await page.goto("/announcements");
  await page.getByRole("link", { name: "2025年度组织工作改革创新评比表彰拟表彰对象公示" }).click();
  await expect(page).toHaveURL(/\/announcements\/[^/]+$/);
  const id = page.url().split("/").pop()!;
  await page.goto(`/awards/${id}/decision`);
  await expect(page.getByRole("heading", { level: 1, name: DECISION_TITLE })).toBeVisible();

  const pdf = await download(page, "下载 PDF");
  expect(pdf.suggestedFilename()).toBe(`${DECISION_TITLE}.pdf`);
  const text = await pdfText(pdf);
  expect(text).toContain(DECISION_TITLE);
  expect(text).toContain("明组发〔2025〕36号");
  expect(text).toContain("一、创新性工作");

  const word = await download(page, "下载 Word");
  expect(word.suggestedFilename()).toBe(`${DECISION_TITLE}.docx`);
  const xml = await docxXml(word);
  expect(xml).toContain(DECISION_TITLE);
  expect(xml).toContain("明组发〔2025〕36号");
});

test("参考选题目录下载为 Word；单位下载不到别的单位的审定通知（404）", async ({ page, openPage }) => {
  await signInAndWait(page, "admin");
  await page.goto("/topics/catalogue");
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const xml = await docxXml(await download(page, "下载 Word"));
  expect(xml).toContain(title);

  // A decision notice of a project of another unit than 青石镇 (the account `unit`), from a demo meeting of 2025: the
  // current year's meetings are the journeys' own (the newest may decide only a 青石镇 project).
  await page.goto("/hearings/meetings?year=2025");
  await page.goto((await page.locator('a[href^="/hearings/meetings/"]').first().getAttribute("href"))!);
  const row = page
    .getByRole("table", { name: "审定结果" })
    .getByRole("row")
    .filter({ hasNot: page.getByText("青石镇") })
    .nth(1);
  await page.goto((await row.getByRole("link").getAttribute("href"))!);
  const notice = page.locator('a[href*="/decisions/"]').first();
  const decisionId = (await notice.getAttribute("href"))!.split("/").pop()!;
  const { title: noticeTitle, xml: noticeXml } = await wordOfPage(page, (await notice.getAttribute("href"))!);
  expect(noticeTitle).toMatch(/^关于《.+》的(立项通知|修改意见通知|不予立项通知)$/);
  expect(noticeXml).toContain(noticeTitle);

  const clerk = await openPage();
  await signInAndWait(clerk, "unit");
  for (const format of ["pdf", "docx"]) {
    const response = await clerk.request.get(`/documents/decision-notice/${decisionId}.${format}`);
    expect(response.status()).toBe(404);
  }
  // Without an account: asked to sign in; the public 公示 downloads for anyone.
  const visitor = await openPage();
  expect((await visitor.request.get(`/documents/decision-notice/${decisionId}.docx`)).status()).toBe(401);
});

test("每种公文页面都有下载 PDF / 下载 Word，Word 版与页面同标题", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, "admin");
  const firstHref = async (list: string, pattern: string) => {
    await page.goto(list);
    return (await page.locator(`main a[href^="${pattern}"]`).first().getAttribute("href"))!;
  };
  const meeting = await firstHref("/hearings/meetings", "/hearings/meetings/");
  const township = await firstHref("/township-meetings", "/township-meetings/c");
  // The inspection bulletin's Word file is checked by the inspection journey, on the bulletin it publishes.
  await page.goto("/announcements");
  const announcement = (await page.getByRole("link", { name: "2025年度组织工作改革创新评比表彰拟表彰对象公示" }).getAttribute("href"))!;
  for (const path of [meeting, `${township}/minutes`, announcement, `/awards/${announcement.split("/").pop()}/decision`]) {
    const { title, xml } = await wordOfPage(page, path);
    // Word keeps the title on one run; the minutes' date is a second line.
    expect(xml, path).toContain(title.replace(/（\d{4}年\d+月\d+日）$/, ""));
  }
});

test("乡镇下载本单位荣誉证书，别的乡镇下载不到（404）；全部证书只给县级用户", async ({ page, openPage }) => {
  await signInAndWait(page, "admin");
  await page.goto("/announcements");
  const id = (await page.getByRole("link", { name: "2025年度组织工作改革创新评比表彰拟表彰对象公示" }).getAttribute("href"))!.split("/").pop()!;
  await page.goto(`/awards/${id}/certificates`);
  expect((await page.request.get(`/documents/certificates/${id}.docx`)).status()).toBe(200);
  const links = page.getByRole("link", { name: /^单独打印：/ });
  const texts = await links.allTextContents();
  const index = texts.findIndex((text) => TOWNSHIPS.some((name) => text.startsWith(`单独打印：${name}：`)));
  const [, township] = texts[index].match(/^单独打印：(.+?)：(.+)$/)!;
  const nomination = (await links.nth(index).getAttribute("href"))!.split("/").pop()!;

  const clerk = await openPage();
  await signInAndWait(clerk, townshipUser(township));
  const own = await clerk.request.get(`/documents/certificate/${nomination}.docx`);
  expect(own.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await own.body())).file("word/document.xml")!.async("string");
  expect(xml).toContain(`${township}：`);
  expect((await clerk.request.get(`/documents/certificates/${id}.docx`)).status()).toBe(404);

  const other = await openPage();
  await signInAndWait(other, townshipUser(TOWNSHIPS.find((name) => name !== township)!));
  expect((await other.request.get(`/documents/certificate/${nomination}.pdf`)).status()).toBe(404);
  expect((await other.request.get(`/documents/certificate/${nomination}.docx`)).status()).toBe(404);
});
