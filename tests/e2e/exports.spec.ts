import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, signInAndWait, test } from "./support";

async function exported(page: Page) {
  await page.waitForLoadState("networkidle");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出 Excel" }).click();
  const download = await downloading;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return { name: download.suggestedFilename(), sheet: workbook.worksheets[0] };
}

test("组工干部按条件筛选建言后导出：文件与页面条件一致，表头为中文，日期为日期格式", async ({ page }) => {
  await signInAndWait(page, "staff");
  await page.goto("/suggestions");
  await page.getByLabel("状态").selectOption({ label: "已采纳" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=ACCEPTED/);
  const listed = Number(
    (
      await page
        .getByText(/共 \d+ 条/)
        .first()
        .innerText()
    ).match(/共 (\d+) 条/)![1],
  );
  const { name, sheet } = await exported(page);
  expect(name).toMatch(/年度建言献策\.xlsx$/);
  expect(String(sheet.getCell("A1").value)).toMatch(/年度建言献策$/);
  expect(sheet.getRow(2).getCell(1).value).toBe("回执号");
  expect(sheet.getRow(2).getCell(9).value).toBe("状态");
  expect(sheet.rowCount).toBe(2 + listed);
  for (let row = 3; row <= sheet.rowCount; row++) expect(sheet.getRow(row).getCell(9).value).toBe("已采纳");
  expect(sheet.getRow(3).getCell(2).value).toBeInstanceOf(Date);
  expect(sheet.getRow(3).getCell(2).numFmt).toBe("yyyy-mm-dd hh:mm");
});

test("乡镇在案例库按关键词搜索后导出，例会列表按乡镇筛选后导出", async ({ page }) => {
  await signInAndWait(page, "z004");
  await page.goto("/cases?q=%E5%85%9A%E5%91%98");
  const titles = await page.getByRole("table").getByRole("row").locator("td:first-child a").allInnerTexts();
  const cases = await exported(page);
  expect(cases.sheet.getCell("A1").value).toBe("案例库");
  expect(cases.sheet.getRow(2).getCell(2).value).toBe("项目名称");
  const exportedTitles = Array.from({ length: cases.sheet.rowCount - 2 }, (_, i) => String(cases.sheet.getRow(i + 3).getCell(2).value));
  expect(exportedTitles.slice(0, titles.length).sort()).toEqual([...titles].sort());
  // Every exported case matches the words: in its title, unit, problem or measures.
  for (let row = 3; row <= cases.sheet.rowCount; row++) {
    const cells = [2, 3, 7, 8].map((column) => String(cases.sheet.getRow(row).getCell(column).value ?? ""));
    expect(cells.join(" ")).toContain("党员");
  }

  await page.goto("/township-meetings");
  await page.getByLabel("乡镇").selectOption({ label: "白沙镇" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/unitId=/);
  const rows = await page.getByRole("table").getByRole("row").count();
  const meetings = await exported(page);
  expect(meetings.sheet.getRow(2).getCell(1).value).toBe("日期");
  expect(meetings.sheet.rowCount).toBe(2 + rows - 1);
  expect(String(meetings.sheet.getRow(3).getCell(5).value)).toContain("白沙镇：");
  expect(meetings.sheet.getRow(3).getCell(1).value).toBeInstanceOf(Date);
});

test("单位填报员导出本单位某状态的项目：只有本单位的，行数与列表一致", async ({ page }) => {
  await signInAndWait(page, "unit");
  await page.goto("/projects?year=2025&state=COMPLETED");
  const listed = Number(
    (
      await page
        .getByText(/共 \d+ 条/)
        .first()
        .innerText()
    ).match(/共 (\d+) 条/)![1],
  );
  const { name, sheet } = await exported(page);
  expect(name).toBe("2025年度青石镇创新项目.xlsx");
  expect(sheet.rowCount).toBe(2 + listed);
  for (let row = 3; row <= sheet.rowCount; row++) {
    expect(sheet.getRow(row).getCell(3).value).toBe("青石镇");
    expect(sheet.getRow(row).getCell(4).value).toBe("已结项");
  }
});

test("组工干部导出季度报告报送情况：只含滞后项目时与页面一致，四个季度为文字", async ({ page }) => {
  await signInAndWait(page, "staff");
  await page.goto("/reports?year=2026&lagging=1");
  const listed = Number(
    (
      await page
        .getByText(/共 \d+ 条/)
        .first()
        .innerText()
    ).match(/共 (\d+) 条/)![1],
  );
  const { name, sheet } = await exported(page);
  expect(name).toBe("2026年度创新项目季度进展报送情况.xlsx");
  expect(sheet.getRow(2).getCell(7).value).toBe("第一季度");
  expect(sheet.rowCount).toBe(2 + listed);
  for (let row = 3; row <= sheet.rowCount; row++) expect(Number(sheet.getRow(row).getCell(11).value)).toBeGreaterThan(0);
});

test("管理员导出听证会列表、评分结果和季度督查列表，行数与页面一致", async ({ page }) => {
  await signInAndWait(page, "admin");
  await page.goto("/hearings?year=2025");
  const hearings = await exported(page);
  expect(hearings.sheet.getCell("A1").value).toBe("2025年度听证会");
  expect(hearings.sheet.getRow(2).getCell(4).value).toBe("时间");
  expect(hearings.sheet.getRow(3).getCell(4).value).toBeInstanceOf(Date);
  const title = String(hearings.sheet.getRow(3).getCell(1).value);
  await page.getByRole("link", { name: title }).first().click();
  await page
    .getByRole("link", { name: /评分结果/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: `${title}：评分结果` })).toBeVisible();
  // The page shows one page of the ranking and says how many there are; the file has them all.
  const shown = (await page.getByRole("table").first().getByRole("row").count()) - 1;
  const ranked = Number((await page.getByRole("navigation", { name: "分页" }).innerText()).match(/共 (\d+) 条/)![1]);
  expect(shown).toBe(Math.min(ranked, 30));
  const results = await exported(page);
  expect(results.sheet.getRow(2).getCell(1).value).toBe("排名");
  expect(results.sheet.rowCount).toBe(2 + ranked);
  expect(results.sheet.getRow(3).getCell(1).value).toBe(1);

  await page.goto("/inspections?year=2026");
  const listed = (await page.getByRole("table").getByRole("row").count()) - 1;
  const inspections = await exported(page);
  expect(inspections.sheet.getCell("A1").value).toBe("2026年度季度督查");
  expect(inspections.sheet.rowCount).toBe(2 + listed);
});
