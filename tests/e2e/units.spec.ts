import ExcelJS from "exceljs";
import type { Locator, Page } from "@playwright/test";
import { expect, fieldError, signInAndWait, test, unique } from "./support";

const COUNTY = "明澜县（县）";

async function searchUnits(page: Page, text: string) {
  await page.goto("/units");
  await page.getByLabel("名称或编码").fill(text);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/q=/);
  return page.locator("tbody tr");
}

/** The row whose 名称 cell is exactly `name` (a parent's name also shows in its children's rows). */
function rowNamed(rows: Locator, name: string) {
  return rows.filter({ has: rows.page().locator("td:nth-child(2)", { hasText: new RegExp(`^${name}$`) }) });
}

async function createUnit(page: Page, name: string, type: string, parent: string) {
  await page.goto("/units");
  await page.getByRole("link", { name: "新建单位" }).click();
  await expect(page.getByRole("heading", { name: "新建单位" })).toBeVisible();
  await page.getByLabel("单位名称").fill(name);
  await page.getByLabel("单位类型").selectOption({ label: type });
  await page.getByLabel("上级单位").selectOption({ label: parent });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/units\?saved=1/);
  await expect(page.getByText("已保存。")).toBeVisible();
}

test("管理员新建乡镇，列表中可以查到", async ({ page }) => {
  const name = unique("新设镇");
  await signInAndWait(page, "admin");
  await createUnit(page, name, "乡镇", COUNTY);

  const rows = await searchUnits(page, name);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  await expect(rows.first()).toContainText("乡镇");
  await expect(rows.first()).toContainText("明澜县");
  await expect(rows.first()).toContainText("启用");
  await expect(rows.first().locator("td").first()).toHaveText(/^Z\d{3,}$/);
});

test("部内科室挂在县下：错误显示在上级单位旁，已填名称保留", async ({ page }) => {
  const name = unique("错挂科");
  await signInAndWait(page, "admin");
  await page.goto("/units/new");
  const nameInput = page.getByLabel("单位名称");
  const parent = page.getByLabel("上级单位");
  await nameInput.fill(name);
  await page.getByLabel("单位类型").selectOption({ label: "部内科室" });
  await parent.selectOption({ label: COUNTY });
  await page.getByRole("button", { name: "保存" }).click();

  await expect(fieldError(parent)).toHaveText("部内科室的上级单位应为县直部门，不能是县");
  await expect(parent).toHaveAttribute("aria-invalid", "true");
  await expect(nameInput).toHaveValue(name);
  await expect(page.getByLabel("单位类型").locator("option:checked")).toHaveText("部内科室");
  await expect(page).toHaveURL(/\/units\/new$/);

  const rows = await searchUnits(page, name);
  await expect(rows).toHaveText(["没有符合条件的记录"]);
});

test("修改单位名称", async ({ page }) => {
  const name = unique("改名前局");
  const renamed = unique("改名后局");
  await signInAndWait(page, "admin");
  await createUnit(page, name, "县直部门", COUNTY);

  const rows = await searchUnits(page, name);
  await rows.first().getByRole("link", { name: "编辑" }).click();
  await expect(page.getByRole("heading", { name: `编辑单位：${name}` })).toBeVisible();
  await expect(page.getByLabel("单位类型").locator("option:checked")).toHaveText("县直部门");
  await page.getByLabel("单位名称").fill(renamed);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/units\?saved=1/);

  await expect(await searchUnits(page, name)).toHaveText(["没有符合条件的记录"]);
  const after = await searchUnits(page, renamed);
  await expect(after).toHaveCount(1);
  await expect(after.first()).toContainText("县直部门");
});

test("从 Excel 导入单位：好的行导入，坏的行逐行说明", async ({ page }) => {
  const tag = unique("导");
  const township = `${tag}镇`;
  const village = `${tag}村`;
  const bureau = `${tag}局`;
  const section = `${tag}科`;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("单位");
  sheet.addRow(["单位名称", "单位类型", "上级单位", "单位编码", "排序"]);
  sheet.addRow([township, "乡镇", "明澜县", "", 1]); // row 2
  sheet.addRow([village, "村", township, "", 2]); // row 3: no such type
  sheet.addRow([bureau, "县直部门", "X001", "", 3]); // row 4: parent by code
  sheet.addRow([section, "部内科室", bureau, "", 1]); // row 5: parent from row 4
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await signInAndWait(page, "admin");
  await page.goto("/units");
  await page.getByRole("link", { name: "从 Excel 导入" }).click();
  await expect(page.getByRole("heading", { name: "从 Excel 导入单位" })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles({
    name: "单位导入.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByRole("button", { name: "上传并预览" }).click();

  // The preview shows every row, nothing is written yet.
  const preview = page.getByRole("region", { name: "导入预览" });
  await expect(preview.getByRole("status")).toContainText("共 4 行，3 行可以导入，1 行有误", { timeout: 30_000 });
  await expect(preview.getByRole("columnheader")).toHaveText(["行号", "单位名称", "单位类型", "上级单位", "单位编码", "排序", "检查结果"]);
  await expect(preview.locator("tbody tr")).toHaveCount(4);
  await expect(preview.locator("tbody tr").nth(0).locator("td").last()).toHaveText("✓ 可以导入");
  await expect(preview.locator("tbody tr").nth(1).locator("td").last()).toHaveText("【单位类型】单位类型「村」无法识别，应为：乡镇、县直部门、部内科室、县");
  const listed = await (await page.request.get(`/units?q=${encodeURIComponent(tag)}`)).text();
  expect(listed).toContain("没有符合条件的记录");
  expect(listed).not.toContain(township);
  await page.getByRole("button", { name: "确认导入 3 行" }).click();

  const result = page.getByRole("region", { name: "导入结果" });
  await expect(result.getByRole("status")).toHaveText("已导入 3 行，1 行有误未导入，请修改后重新导入这些行。", { timeout: 30_000 });
  const errors = result.locator("tbody tr");
  await expect(errors).toHaveCount(1);
  await expect(errors.locator("td")).toHaveText([
    "第 3 行",
    village,
    "村",
    township,
    "—",
    "2",
    "【单位类型】单位类型「村」无法识别，应为：乡镇、县直部门、部内科室、县",
  ]);

  const rows = await searchUnits(page, tag);
  await expect(rows).toHaveCount(3);
  await expect(rowNamed(rows, township)).toContainText("明澜县");
  await expect(rowNamed(rows, bureau)).toContainText("县直部门");
  await expect(rowNamed(rows, section)).toContainText(bureau);
  await expect(rowNamed(rows, village)).toHaveCount(0);
});

test("下载导入模板，照模板填写的表可以直接导入", async ({ page }) => {
  await signInAndWait(page, "admin");
  await page.goto("/units/import");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载导入模板" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("单位导入模板.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  expect(Array.from(sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["单位名称", "单位类型", "上级单位", "单位编码", "排序"]);

  // The person keeps the example rows and only gives them real names.
  const tag = unique("模");
  const names = new Map([
    ["示例镇", `${tag}镇`],
    ["示例局", `${tag}局`],
    ["示例科", `${tag}科`],
  ]);
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    for (const column of [1, 3]) {
      const text = String(row.getCell(column).value ?? "");
      if (names.has(text)) row.getCell(column).value = names.get(text)!;
    }
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await page
    .getByLabel("Excel 文件（.xlsx）")
    .setInputFiles({ name: "单位导入模板.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("region", { name: "导入预览" }).getByRole("status")).toContainText("共 3 行，3 行可以导入", { timeout: 30_000 });
  await page.getByRole("button", { name: "确认导入 3 行" }).click();
  const result = page.getByRole("region", { name: "导入结果" });
  await expect(result.getByRole("status")).toHaveText("已导入 3 行，0 行有误未导入。", { timeout: 30_000 });
  await expect(result.getByRole("table")).toHaveCount(0);

  const rows = await searchUnits(page, tag);
  await expect(rows).toHaveCount(3);
  await expect(rowNamed(rows, `${tag}科`)).toContainText(`${tag}局`);
});

test("导入非 Excel 文件时就地提示", async ({ page }) => {
  await signInAndWait(page, "admin");
  await page.goto("/units/import");
  const file = page.getByLabel("Excel 文件（.xlsx）");
  await file.setInputFiles({ name: "单位.csv", mimeType: "text/csv", buffer: Buffer.from("单位名称,单位类型\n某镇,乡镇\n") });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(fieldError(file)).toHaveText("请上传 .xlsx 格式的 Excel 文件");
  await expect(page.getByRole("region", { name: "导入预览" })).toHaveCount(0);

  // Named .xlsx but not an Excel file inside: refused by its content before it is read.
  await file.setInputFiles({
    name: "单位.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from("单位名称,单位类型\n某镇,乡镇\n"),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "文件内容不是 .xlsx 格式的 Excel 文件" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: "导入预览" })).toHaveCount(0);
});

test("停用单位后不再出现在列表和选择框中，重新启用后恢复", async ({ page }) => {
  const name = unique("停用测试局");
  await signInAndWait(page, "admin");
  await createUnit(page, name, "县直部门", COUNTY);
  await rowNamed(await searchUnits(page, name), name)
    .getByRole("link", { name: "编辑" })
    .click();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "停用单位" }).click();
  await expect(page.getByRole("button", { name: "重新启用" })).toBeVisible();
  await expect(page.getByText("该单位已停用")).toBeVisible();

  await expect(rowNamed(await searchUnits(page, name), name)).toHaveCount(0);
  await page.goto("/units/new");
  await expect(page.getByLabel("上级单位").locator("option", { hasText: name })).toHaveCount(0);

  const rows = await searchUnits(page, name);
  await page.getByLabel("状态").selectOption({ label: "已停用" });
  await page.getByRole("button", { name: "筛选" }).click();
  await rowNamed(rows, name).getByRole("link", { name: "编辑" }).click();
  await page.getByRole("button", { name: "重新启用" }).click();
  await expect(page.getByRole("button", { name: "停用单位" })).toBeVisible();
  await expect(rowNamed(await searchUnits(page, name), name)).toContainText("启用");
  await page.goto("/units/new");
  await expect(page.getByLabel("上级单位").locator("option", { hasText: name })).toHaveCount(1);
});

test("单位下还有启用的账户时不能停用，提示原因", async ({ page }) => {
  await signInAndWait(page, "admin");
  await rowNamed(await searchUnits(page, "青石镇"), "青石镇")
    .getByRole("link", { name: "编辑" })
    .click();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "停用单位" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "个启用的账户" })).toBeVisible();
  await expect(page.getByRole("button", { name: "停用单位" })).toBeVisible();
});
