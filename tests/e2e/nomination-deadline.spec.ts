import { expect, signInAndWait, test } from "./support";

// Issue 20 point 6: one nomination deadline, shown the same everywhere, at a sensible time of day in Beijing time.
// The 2026 demo campaign is nominating; the journey moves its deadline to 23:59 of a day three weeks on.
const beijingDate = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));
const TITLE = "2026年度组织工作改革创新评比表彰";

test("管理员保存评比表彰的推荐截止时间：评比页、年度时间安排和单位首页的倒计时显示同一个北京时间", async ({ page, openPage }) => {
  const day = beijingDate(21);
  const deadline = `${day} 23:59`;
  await signInAndWait(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "评比表彰" }).click();
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  const campaignUrl = page.url();
  await page.getByRole("link", { name: "设置" }).click();
  await page.waitForLoadState("networkidle");
  // The form shows the stored period in whole minutes of Beijing time, as the year's windows do.
  await expect(page.getByLabel("推荐截止时间")).toHaveValue(/^\d{4}-\d{2}-\d{2}T23:59$/);
  await page.getByLabel("推荐截止时间").fill(`${day}T23:59`);
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByText(new RegExp(`推荐时间 \\d{4}-\\d{2}-\\d{2} 00:00 至 ${deadline}`))).toBeVisible();

  // The year's 评比表彰推荐 window is the same deadline.
  await page.goto("/years");
  await page.getByRole("row").filter({ hasText: "2026 年度" }).getByRole("link", { name: "时间安排" }).click();
  await expect(page.getByRole("heading", { name: /2026 年度时间安排/ })).toBeVisible();
  await expect(page.locator("#NOMINATION_end")).toHaveValue(`${day}T23:59`);

  // A township's home: the to-do's countdown and the year's windows say the same.
  const unit = await openPage();
  await signInAndWait(unit, "z007");
  const todo = unit.getByTestId("todo-item").filter({ hasText: TITLE });
  await expect(todo).toContainText(`截止 ${deadline}`);
  await expect(todo).toContainText(/还剩 2\d 天/);
  const windows = unit.locator("section").filter({ has: unit.getByRole("heading", { name: /2026 年度时间安排/ }) });
  await expect(windows.getByRole("listitem").filter({ hasText: "评比表彰推荐" })).toContainText(deadline);
  await unit.goto(campaignUrl);
  await expect(unit.getByText(`下一步：本单位推荐，截止 ${deadline}`)).toBeVisible();
});
