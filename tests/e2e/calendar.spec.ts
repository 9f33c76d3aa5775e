import { expect, fieldError, signInAndWait, test } from "./support";

test.describe.configure({ retries: 0 });

test("管理员在工作日历中看到国家节假日和调休，添加本县放假日（先错后改）并删除", async ({ page }) => {
  await signInAndWait(page, "admin");
  await page.goto("/years");
  await page.getByRole("link", { name: "工作日历（节假日与调休）" }).click();
  await expect(page.getByRole("heading", { name: "工作日历" })).toBeVisible();
  // The national calendar knows 2026's 调休: 10月10日 is a Saturday worked for 国庆节.
  await expect(page.getByText("10月10日 周六 调休上班（国庆节）")).toBeVisible();

  // A far-off date so that no other journey's period meets it.
  await page.getByLabel("日期").fill("2026-12-28");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(fieldError(page.getByLabel("说明"))).toHaveText("请填写说明");
  await page.getByLabel("说明").fill("县庆放假");
  await page.getByRole("button", { name: "保存" }).click();
  const row = page.getByRole("row").filter({ hasText: "2026-12-28" });
  await expect(row).toContainText("工作日");
  await expect(row).toContainText("休息");
  await expect(row).toContainText("县庆放假");

  await row.getByRole("button", { name: "删除 2026-12-28 的本地调整" }).click();
  await expect(page.getByText("还没有本县调整，全部按国家安排计算")).toBeVisible();
});
