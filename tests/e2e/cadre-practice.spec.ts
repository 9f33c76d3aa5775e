import { expect, fieldError, signInAndWait, test, unique } from "./support";
import ExcelJS from "exceljs";
import fs from "node:fs";

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const NOTES = Buffer.from("%PDF-1.4\n%走访记录\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("四个一：组工干部提交调研报告，科室负责人退回后认可，管理员按科室查看完成情况并导出", async ({ page, openPage }) => {
  test.setTimeout(180_000);
  const topic = unique("乡村振兴人才调研");
  const cadre = page;
  await signInAndWait(cadre, "staff");
  await cadre.getByRole("link", { name: "查看本年度任务与截止时间 →" }).click();
  await expect(cadre.getByRole("heading", { name: `我的四个一（${YEAR} 年度）` })).toBeVisible();
  await expect(cadre.getByTestId("practice-item")).toHaveCount(7);
  await cadre.getByRole("link", { name: "第四季度调研报告填写" }).click();
  // A file before anything is saved: the upload makes the draft, and the form's next save adopts it.
  const fileName = `${unique("走访记录")}.pdf`;
  await cadre.getByLabel("选择附件").setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: NOTES });
  await cadre.getByRole("button", { name: "上传附件" }).click();
  await expect(cadre.getByRole("list", { name: "附件" }).getByRole("link", { name: fileName })).toBeVisible();
  await cadre.getByRole("button", { name: "提交" }).click();
  await expect(fieldError(cadre.getByLabel(/^调研主题/))).toHaveText("请填写调研主题");
  await cadre.getByLabel(/^调研主题/).fill(topic);
  await cadre.getByLabel(/^调研时间/).fill(`${YEAR}年11月`);
  await cadre.getByLabel(/^调研地点/).fill("青石镇三个村");
  await cadre.getByLabel(/^走访对象/).fill("村党组织书记 3 人、返乡大学生 8 人");
  await cadre.getByLabel(/^发现的问题/).fill("返乡人才缺少干事平台。");
  await cadre.getByLabel(/^对策建议/).fill("建立村级人才工作站。");
  await cadre.getByRole("button", { name: "提交" }).click();
  await expect(cadre.getByText("已提交，等待科室负责人审核。")).toBeVisible();
  // Submitted: the file is still listed, but can no longer be removed or added to.
  await expect(cadre.getByRole("list", { name: "附件" }).getByRole("link", { name: fileName })).toBeVisible();
  await expect(cadre.getByRole("button", { name: "上传附件" })).toHaveCount(0);
  await expect(cadre.getByRole("button", { name: "删除" })).toHaveCount(0);

  const head = await openPage();
  await signInAndWait(head, "head");
  await head.goto("/practice/review");
  const row = head.getByTestId("review-row").filter({ hasText: topic });
  await row.getByRole("link", { name: "审核" }).click();
  await expect(head.getByText("返乡人才缺少干事平台。")).toBeVisible();
  // The section head downloads the cadre's file, byte for byte.
  const fetching = head.waitForEvent("download");
  await head.getByRole("list", { name: "附件" }).getByRole("link", { name: fileName }).click();
  const file = await fetching;
  expect(file.suggestedFilename()).toBe(fileName);
  expect(fs.readFileSync(await file.path()).equals(NOTES)).toBe(true);
  await head.getByRole("button", { name: "退回" }).click();
  await expect(fieldError(head.getByLabel(/^审核意见/))).toHaveText("请填写退回意见");
  await head.getByLabel(/^审核意见/).fill("请补充走访数据。");
  await head.getByRole("button", { name: "退回" }).click();
  await expect(head.getByText("审核意见：请补充走访数据。")).toBeVisible();

  await cadre.goto(`/practice/${YEAR}/research-4`);
  await expect(cadre.getByText("审核意见：请补充走访数据。")).toBeVisible();
  await cadre.getByLabel(/^发现的问题/).fill("返乡人才缺少干事平台，走访 11 人中 7 人有意愿。");
  await cadre.getByRole("button", { name: "提交" }).click();
  await expect(cadre.getByText("已提交，等待科室负责人审核。")).toBeVisible();

  await head.goto("/practice/review");
  await head.getByTestId("review-row").filter({ hasText: topic }).getByRole("link", { name: "审核" }).click();
  await head.getByRole("button", { name: "认可" }).click();
  await expect(head.getByText("已认可").first()).toBeVisible();

  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await admin.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "四个一" }).click();
  await expect(admin.getByRole("heading", { name: "四个一完成情况" })).toBeVisible();
  await admin.getByLabel("科室").selectOption({ label: "组织科" });
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin).toHaveURL(/section=/);
  const rows = admin.getByTestId("grid-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain("组织科");
  const downloading = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "导出 Excel" }).click();
  const download = await downloading;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const values = JSON.stringify(sheet.getSheetValues());
  expect(values).toContain("组织科");
  expect(values).not.toContain("干部科");
  expect(values).toContain("已认可");
});
