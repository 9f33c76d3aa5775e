import { expect, fieldError, signInAndWait, test } from "./support";

const pad = (n: number) => String(n).padStart(2, "0");

test("管理员修改项目申报截止时间：先错后改，单位首页显示新的截止时间", async ({ page, openPage }) => {
  await signInAndWait(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "年度安排" }).click();
  await expect(page.getByRole("heading", { name: "年度安排" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "2026 年度" });
  await expect(row).toContainText("当前年度");
  await row.getByRole("link", { name: "时间安排" }).click();
  await expect(page.getByRole("heading", { name: "2026 年度时间安排" })).toBeVisible();

  const start = page.locator("#PROPOSAL_start");
  const end = page.locator("#PROPOSAL_end");
  const startValue = await start.inputValue();
  expect(startValue).toMatch(/^2026-\d{2}-\d{2}T\d{2}:\d{2}$/);
  const hearingEnd = await page.locator("#HEARING_end").inputValue();
  const note = `测试备注 ${Date.now()}`;
  // The current year's window is the demo's, which the journeys that submit proposals need open: put back at the end.
  const windowsUrl = page.url();
  const [originalEnd, originalNote] = [await end.inputValue(), await page.getByLabel("备注").inputValue()];

  // A deadline before the start: the error sits under 项目申报's 截止时间, nothing typed is lost.
  const before = new Date(Date.parse(`${startValue}:00Z`) - 24 * 3600 * 1000).toISOString().slice(0, 16);
  await end.fill(before);
  await page.getByLabel("备注").fill(note);
  await page.getByRole("button", { name: "保存时间安排" }).click();
  await expect(fieldError(end)).toHaveText("截止时间须晚于开始时间");
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "截止时间须晚于开始时间" })).toHaveCount(1);
  await expect(end).toHaveValue(before);
  await expect(start).toHaveValue(startValue);
  await expect(page.locator("#HEARING_end")).toHaveValue(hearingEnd);
  await expect(page.getByLabel("备注")).toHaveValue(note);
  await expect(page.getByText("已保存。")).toHaveCount(0);

  try {
    // A new deadline each run, so that the unit's page cannot show it from an earlier run.
    const day = 20 + Math.floor(Math.random() * 11);
    const hour = 8 + Math.floor(Math.random() * 10);
    const minute = Math.floor(Math.random() * 60);
    const deadline = `2026-03-${pad(day)}T${pad(hour)}:${pad(minute)}`;
    await end.fill(deadline);
    await page.getByRole("button", { name: "保存时间安排" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await expect(fieldError(end)).toHaveCount(0);

    // A second save on the same page (the record's version moved on meanwhile).
    await page.getByLabel("备注").fill(`${note} 二改`);
    await page.getByRole("button", { name: "保存时间安排" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();

    await page.reload();
    await expect(page.locator("#PROPOSAL_end")).toHaveValue(deadline);
    await expect(page.getByLabel("备注")).toHaveValue(`${note} 二改`);

    const unit = await openPage();
    await signInAndWait(unit, "unit");
    const windows = unit.locator("section").filter({ has: unit.getByRole("heading", { name: "2026 年度时间安排" }) });
    const proposal = windows.getByRole("listitem").filter({ hasText: "项目申报" });
    await expect(proposal).toContainText(`${startValue.replace("T", " ")} 至 ${deadline.replace("T", " ")}`);
  } finally {
    await page.goto(windowsUrl);
    await end.fill(originalEnd);
    await page.getByLabel("备注").fill(originalNote);
    await page.getByRole("button", { name: "保存时间安排" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
  }
});

test("管理员新建下一年度并设为当前年度，单位首页随之切换，再改回", async ({ page, openPage }) => {
  await signInAndWait(page, "admin");
  await page.goto("/years");
  const next = page.getByRole("row").filter({ hasText: "2027 年度" });
  if ((await next.count()) === 0) {
    await page.getByRole("spinbutton", { name: "年度" }).fill("2027");
    await page.getByRole("button", { name: "新建年度" }).click();
    await expect(page.getByRole("heading", { name: "2027 年度时间安排" })).toBeVisible();
    await page.goto("/years");
  }
  await page.getByRole("button", { name: "将 2027 设为当前年度" }).click();
  try {
    await expect(next).toContainText("当前年度");

    const unit = await openPage();
    await signInAndWait(unit, "unit");
    await expect(unit.getByRole("heading", { name: "2027 年度时间安排" })).toBeVisible();

    // Back to 2026, so that the other journeys see the demo year.
    await page.getByRole("button", { name: "将 2026 设为当前年度" }).click();
    await expect(page.getByRole("row").filter({ hasText: "2026 年度" })).toContainText("当前年度");
    await unit.reload();
    await expect(unit.getByRole("heading", { name: "2026 年度时间安排" })).toBeVisible();
  } finally {
    // Whatever failed above, the journeys after this one still find the demo year current (they share the database).
    await page.goto("/years");
    const back = page.getByRole("button", { name: "将 2026 设为当前年度" });
    if (await back.isVisible()) {
      await back.click();
      await expect(page.getByRole("row").filter({ hasText: "2026 年度" })).toContainText("当前年度");
    }
  }
});
