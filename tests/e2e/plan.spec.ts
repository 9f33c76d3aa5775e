import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, fieldError, newYear, signInAndWait, test, unique } from "./support";

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** A plan item's title line as numbered on the page: 一、… （一）… 1. … */
const itemTitle = (name: string) => new RegExp(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\\d+\\. ?|（\\d+）)${name}$`);

async function expectNoHorizontalOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}：页面宽 ${scrollWidth}px，屏幕宽 ${innerWidth}px`).toBeLessThanOrEqual(innerWidth + 1);
}

test("管理员为新年度复制上年工作要点，修改主题和条目，印发并打印《组织工作要点》", async ({ page }) => {
  test.setTimeout(180_000);
  const programme = unique("党建引领乡村振兴工程");
  const renamed = `${programme}（修订）`;
  await signInAndWait(page, "admin");
  // Below every earlier run's year: 复制 then copies the demo's plan, not one an earlier run of this journey changed.
  const year = await newYear(page, 2070, 2099, { lowest: true });

  await page.goto(`/plan?year=${year}`);
  await expect(page.getByRole("heading", { name: `${year} 年度组织工作要点` })).toBeVisible();
  await page.getByRole("button", { name: "新建空白工作要点" }).click();
  await expect(fieldError(page.getByLabel(/^年度主题/))).toHaveText("请填写年度主题");
  await page.getByRole("button", { name: /^复制 \d{4} 年度工作要点$/ }).click();
  const items = page.getByRole("region", { name: "工作要点条目" });
  await expect(items.getByText(itemTitle("素质提升工程"))).toBeVisible();
  await expect(page.getByRole("navigation", { name: "工作要点进程" })).toContainText("草拟中");

  await page.getByLabel(/^年度主题/).fill("组织工作“提质增效年”");
  await page.getByRole("button", { name: "保存主题" }).click();
  await expect(page.getByText(/主题：组织工作“提质增效年”/)).toBeVisible();

  // A new programme under 实施六项工程, with its goals and responsible section; it is checked, then added.
  await page.getByRole("button", { name: "＋ 在“实施六项工程”下添加条目" }).click();
  const form = page.getByRole("form", { name: "在“实施六项工程”下添加条目" });
  await form.getByRole("button", { name: "添加" }).click();
  await expect(fieldError(form.getByLabel(/^条目名称/))).toHaveText("请填写条目名称");
  await form.getByLabel(/^类型/).selectOption({ label: "工程（可归入项目）" });
  await form.getByLabel(/^条目名称/).fill(programme);
  await form.getByLabel(/^责任科室/).selectOption({ label: "组织科" });
  await form.getByLabel(/^目标要求/).fill("每个乡镇打造一个党建引领产业发展示范点。");
  await form.getByRole("button", { name: "添加" }).click();
  await expect(items.getByText(itemTitle(programme))).toBeVisible();
  await expect(items.getByText("每个乡镇打造一个党建引领产业发展示范点。")).toBeVisible();

  // A second one, to be removed again.
  const spare = unique("临时工程");
  await page.getByRole("button", { name: "＋ 在“实施六项工程”下添加条目" }).click();
  await form.getByLabel(/^类型/).selectOption({ label: "工程（可归入项目）" });
  await form.getByLabel(/^条目名称/).fill(spare);
  await form.getByRole("button", { name: "添加" }).click();
  await expect(items.getByText(itemTitle(spare))).toBeVisible();

  // After 服务保障工程 (the last of the copied six); one step up puts it before.
  await page.getByRole("button", { name: `上移：${programme}` }).click();
  await expect
    .poll(async () => {
      const text = await items.innerText();
      return text.indexOf(programme) < text.indexOf("服务保障工程");
    })
    .toBe(true);
  await page.getByRole("button", { name: `修改：${programme}` }).click();
  const edit = page.getByRole("form", { name: `修改条目：${programme}` });
  await edit.getByLabel(/^条目名称/).fill(renamed);
  await edit.getByRole("button", { name: "保存条目" }).click();
  await expect(items.getByText(itemTitle(renamed))).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `删除：${spare}` }).click();
  await expect(items.getByText(itemTitle(spare))).toHaveCount(0);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "印发工作要点" }).click();
  await expect(page.getByRole("button", { name: "撤回修改" })).toBeVisible();

  await page.getByRole("link", { name: "打印《组织工作要点》" }).click();
  await expect(page.getByText(`${year}年组织工作要点`).first()).toBeVisible();
  await expect(page.locator("main")).toContainText(`${year}年，全县组织工作以组织工作“提质增效年”为主题`);
  await expect(page.locator("main")).toContainText(renamed);
  await expect(page.locator("main")).toContainText("责任科室：组织科");
  await expect(page.locator("main")).not.toContainText(spare);
  for (const name of ["下载 PDF", "下载 Word"]) {
    const href = (await page.getByRole("link", { name }).getAttribute("href"))!;
    const response = await page.request.get(href);
    expect(response.status(), name).toBe(200);
  }
});

test("管理员不能删除已有项目归入的工程", async ({ page }) => {
  await signInAndWait(page, "admin");
  await page.goto(`/plan?year=${YEAR}`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "删除：素质提升工程" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /该工程下已归入 .+，请先将其改归其他工程后再删除/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "工作要点条目" }).getByText(itemTitle("素质提升工程"))).toBeVisible();
});

test("单位查阅已印发的工作要点，申报时把项目归入一项工程", async ({ page }) => {
  const title = unique("党员教育积分管理");
  await signInAndWait(page, "unit");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作要点" }).click();
  await expect(page.getByRole("heading", { name: `${YEAR} 年度组织工作要点` })).toBeVisible();
  await expect(page.getByText("一条主线、三个突破、五项工作、六项工程")).toBeVisible();
  await expect(page.getByRole("button", { name: /^修改：/ })).toHaveCount(0);

  await page.goto("/projects");
  await page.getByRole("button", { name: "新建申报书" }).click();
  await expect(page.getByRole("heading", { name: "填写申报书" })).toBeVisible();
  await page.getByLabel("项目名称").fill(title);
  await page.getByLabel("所属工程").selectOption({ label: "素质提升工程" });
  await expect(page.getByTestId("save-state")).toContainText("已自动保存");
  await page.reload();
  await expect(page.getByLabel("所属工程")).toHaveValue(/.+/);
  await page.goto(page.url().replace(/\/edit$/, ""));
  await expect(page.getByText("工程：素质提升工程")).toBeVisible();
});

test("组工干部按工程筛选项目并导出；县委领导在概览中看到各项工程推进情况", async ({ page, openPage }) => {
  await signInAndWait(page, "staff");
  await page.goto(`/projects?year=${YEAR}`);
  await page.getByLabel("所属工程").selectOption({ label: "精品示范工程" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/programme=/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain("精品示范工程");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出 Excel" }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await downloading).path());
  const values = JSON.stringify(workbook.worksheets[0].getSheetValues());
  expect(values).toContain("所属工程");
  expect(values).toContain("精品示范工程");
  expect(values).not.toContain("素质提升工程");

  const leader = await openPage();
  await signInAndWait(leader, "leader");
  const panel = leader.getByRole("list", { name: "各项工程" });
  await expect(panel).toBeVisible();
  for (const name of ["素质提升工程", "创新发展工程", "精品示范工程", "基础强化工程", "信息畅通工程", "服务保障工程"]) {
    await expect(panel.getByRole("listitem", { name, exact: true })).toContainText("按时报送率");
  }
  await panel.getByRole("link", { name: /^创新发展工程项目 \d+$/ }).click();
  await expect(leader).toHaveURL(/programme=/);
  for (const text of await leader.locator("tbody tr").allInnerTexts()) expect(text).toContain("创新发展工程");
});

test.describe("手机", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("手机上单位查阅工作要点并把申报书归入工程，页面不横向溢出", async ({ page }) => {
    const title = unique("手机申报");
    await signInAndWait(page, "unit2");
    await page.goto("/plan");
    await expect(page.getByText(itemTitle("素质提升工程"))).toBeVisible();
    await expectNoHorizontalOverflow(page, "工作要点");
    await page.goto("/projects");
    await page.getByRole("button", { name: "新建申报书" }).click();
    await expect(page.getByRole("heading", { name: "填写申报书" })).toBeVisible();
    await page.getByLabel("项目名称").fill(title);
    await page.getByLabel("所属工程").selectOption({ label: "服务保障工程" });
    await expect(page.getByTestId("save-state")).toContainText("已自动保存");
    await expectNoHorizontalOverflow(page, "申报书");
    await page.goto(page.url().replace(/\/edit$/, ""));
    await expect(page.getByText("工程：服务保障工程")).toBeVisible();
    await expectNoHorizontalOverflow(page, "项目页");
  });
});
