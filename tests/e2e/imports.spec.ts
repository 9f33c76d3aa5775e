import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, signInAndWait, test, unique } from "./support";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function upload(page: Page, name: string, workbook: ExcelJS.Workbook) {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await page.getByLabel("Excel 文件（.xlsx）").setInputFiles({ name, mimeType: XLSX, buffer });
  await page.getByRole("button", { name: "上传并预览" }).click();
  return page.getByRole("region", { name: "导入预览" });
}

test("安全管理员从模板导入账户：预览逐行说明问题，确认后只导入好的行", async ({ page }) => {
  await signInAndWait(page, "security");
  await page.goto("/users");
  await page.getByRole("link", { name: "从 Excel 导入" }).click();
  await expect(page.getByRole("heading", { name: "从 Excel 导入账户" })).toBeVisible({ timeout: 30_000 });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载导入模板" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("账户导入模板.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  expect(Array.from(sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["用户名", "姓名", "所在单位", "角色", "手机号码", "电子邮箱"]);
  expect(sheet.actualRowCount).toBe(2);

  // The example row is replaced by four rows: two good, an unknown unit, a user name already taken.
  const tag = unique("imp").toLowerCase();
  sheet.spliceRows(2, 1);
  sheet.addRow([`${tag}a`, "导入甲", "青石镇", "单位填报员", "13800000001", ""]); // row 2
  sheet.addRow([`${tag}b`, "导入乙", "县教育局", "单位填报员、评审专家", "", `${tag}b@example.com`]); // row 3
  sheet.addRow([`${tag}c`, "导入丙", "不存在镇", "单位填报员", "", ""]); // row 4
  sheet.addRow(["unit", "重名者", "青石镇", "单位填报员", "", ""]); // row 5
  const preview = await upload(page, "账户.xlsx", workbook);

  await expect(preview.getByRole("status")).toContainText("共 4 行，2 行可以导入，2 行有误", { timeout: 30_000 });
  await expect(preview.getByRole("status")).toContainText("尚未写入任何数据");
  const rows = preview.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).locator("td").first()).toHaveText("第 2 行");
  await expect(rows.nth(0).locator("td").last()).toHaveText("✓ 可以导入");
  await expect(rows.nth(1).locator("td").last()).toHaveText("✓ 可以导入");
  await expect(rows.nth(2).locator("td").last()).toHaveText("【所在单位】找不到单位「不存在镇」（或已停用）");
  await expect(rows.nth(3).locator("td").first()).toHaveText("第 5 行");
  await expect(rows.nth(3).locator("td").last()).toHaveText("【用户名】该用户名已被使用");
  expect(await (await page.request.get(`/users?status=all&q=${tag}`)).text()).not.toContain(`${tag}a`);

  await page.getByRole("button", { name: "确认导入 2 行" }).click();
  const result = page.getByRole("region", { name: "导入结果" });
  await expect(result.getByRole("status").first()).toHaveText("已导入 2 行，2 行有误未导入，请修改后重新导入这些行。", { timeout: 30_000 });
  await expect(result.getByTestId("temporary-password")).toHaveCount(2);
  await expect(result.getByRole("region", { name: "未导入的账户" }).locator("tbody tr")).toHaveCount(2);

  await page.goto(`/users?status=all&q=${tag}`);
  const listed = page.locator("tbody tr");
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: `${tag}a` })).toContainText("青石镇");
  await expect(listed.filter({ hasText: `${tag}b` })).toContainText("县教育局");
});

test("管理员导入参考选题：有误的行不导入，其余成为本年度草稿", async ({ page }) => {
  await signInAndWait(page, "admin");
  await page.goto("/topics");
  await page.getByRole("link", { name: "从 Excel 导入" }).click();
  await expect(page.getByRole("heading", { name: /从 Excel 导入 \d{4} 年度参考选题/ })).toBeVisible({ timeout: 30_000 });

  const nextYear = new Date().getFullYear() + 1;
  const tag = unique("导入选题");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("参考选题");
  sheet.addRow(["选题名称", "选题说明", "类别", "方面", "着眼领域", "目标层次", "认领方式", "认领截止时间", "建议单位"]);
  sheet.addRow([`${tag}甲`, "说明甲", "基层党建", "农村党建", "重点领域", "重点工作出亮点", "自主认领", `${nextYear}-03-31`, "青石镇"]);
  sheet.addRow([`${tag}乙`, "说明乙", "人才工作", "", "热点领域", "创新工作出精品", "招投标", new Date(Date.UTC(nextYear, 2, 31, 17, 0)), ""]);
  sheet.addRow([`${tag}丙`, "说明丙", "基层党建", "", "重点领域", "常规工作求规范", "抢答", `${nextYear}-03-31`, ""]);
  const preview = await upload(page, "选题.xlsx", workbook);

  await expect(preview.getByRole("status")).toContainText("共 3 行，2 行可以导入，1 行有误", { timeout: 30_000 });
  await expect(preview.locator("tbody tr").nth(2).locator("td").last()).toHaveText("【认领方式】认领方式「抢答」无法识别，应为：自主认领、招投标、发包");
  await page.getByRole("button", { name: "确认导入 2 行" }).click();
  const result = page.getByRole("region", { name: "导入结果" });
  await expect(result.getByRole("status")).toHaveText("已导入 2 行，1 行有误未导入，请修改后重新导入这些行。", { timeout: 30_000 });
  await expect(result.locator("tbody tr")).toHaveCount(1);
  await expect(result.locator("tbody tr td").first()).toHaveText("第 4 行");

  await page.goto(`/topics?q=${encodeURIComponent(tag)}`);
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expect(page.locator("tbody tr").filter({ hasText: `${tag}甲` })).toContainText("草稿");
});
