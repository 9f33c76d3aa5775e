// 盘点销号 and 组工讲坛: a cadre logs a problem and asks for 销号, the section head sends it back, confirms it
// and reopens it, the admin reads the overdue ones and exports them; the admin records today's session and an exam,
// the cadre signs in on a phone, writes a 心得体会 and finds the figures on their year page.
import ExcelJS from "exceljs";
import { expect, fieldError, signInAndWait, test, unique } from "./support";

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const beijing = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("盘点销号：组工干部登记问题并申请销号，科室负责人退回后确认并重新打开，管理员查看逾期、导出台账", async ({ page, openPage }) => {
  test.setTimeout(180_000);
  const title = unique("村级换届遗留问题");
  const cadre = page;
  await signInAndWait(cadre, "staff");
  await cadre.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "盘点销号" }).click();
  await cadre.getByRole("link", { name: "登记遗留问题" }).click();
  await cadre.getByLabel(/^遗留问题/).fill(title);
  await cadre.getByRole("button", { name: "登记问题" }).click();
  await expect(fieldError(cadre.getByLabel(/^存在时间/))).toHaveText("请填写存在时间");
  // What was typed stays after the refusal.
  await expect(cadre.getByLabel(/^遗留问题/)).toHaveValue(title);
  await cadre.getByLabel(/^存在时间/).fill("2021 年换届以来");
  await cadre.getByLabel(/^目标销号日期/).fill(beijing(30));
  await cadre.getByLabel(/^整改措施/).fill("逐村摸排，提出补选方案，组织补选。");
  await cadre.getByRole("button", { name: "登记问题" }).click();
  await expect(cadre.getByRole("heading", { name: title })).toBeVisible();
  await expect(cadre.getByRole("navigation", { name: "销号进度" })).toContainText("在办");
  // Who holds it (the owner, by name), what the viewer may do and the target date, on the step bar.
  await expect(cadre.getByRole("navigation", { name: "销号进度" })).toContainText(/当前：.+（责任人）整改，完成后申请销号/);
  await expect(cadre.getByRole("navigation", { name: "销号进度" })).toContainText("您可以：修改、上传佐证材料、申请销号");
  await expect(cadre.getByRole("navigation", { name: "销号进度" }).getByTestId("stage-deadline")).toContainText("目标销号：");
  await cadre.getByRole("button", { name: "申请销号" }).click();
  await expect(fieldError(cadre.getByLabel(/^销号佐证/))).toHaveText("请填写销号佐证");
  await cadre.getByLabel(/^销号佐证/).fill("三个村已完成补选，选举结果报镇党委备案。");
  await cadre.getByRole("button", { name: "申请销号" }).click();
  await expect(cadre.getByText("科室负责人确认销号")).toBeVisible();

  const head = await openPage();
  await signInAndWait(head, "head");
  await head.goto("/ledger?view=confirm");
  await head.getByTestId("ledger-row").filter({ hasText: title }).getByRole("link", { name: title }).click();
  await expect(head.getByText("三个村已完成补选，选举结果报镇党委备案。")).toBeVisible();
  await expect(head.getByRole("navigation", { name: "销号进度" })).toContainText("您可以：确认销号、退回");
  await head.getByRole("button", { name: "退回" }).click();
  await expect(fieldError(head.getByLabel(/^意见/))).toHaveText("请填写退回意见");
  await head.getByLabel(/^意见/).fill("请附上补选结果的备案材料。");
  await head.getByRole("button", { name: "退回" }).click();
  await expect(head.getByText("销号申请被退回：请附上补选结果的备案材料。")).toBeVisible();

  await cadre.reload();
  await expect(cadre.getByText("销号申请被退回：请附上补选结果的备案材料。")).toBeVisible();
  await cadre.getByLabel(/^销号佐证/).fill("三个村已完成补选，备案回执已归档（镇党委 12 月文件）。");
  await cadre.getByRole("button", { name: "申请销号" }).click();
  await expect(cadre.getByText("科室负责人确认销号")).toBeVisible();

  await head.reload();
  await head.getByRole("button", { name: "确认销号" }).click();
  await expect(head.getByText(/确认销号$/).first()).toBeVisible();
  await expect(head.getByRole("navigation", { name: "销号进度" })).toContainText("已销号");

  // Another section's cadre does not see it.
  const other = await openPage();
  await signInAndWait(other, "staff2");
  await other.goto(`/ledger?q=${encodeURIComponent(title)}`);
  await expect(other.getByText("没有符合条件的遗留问题")).toBeVisible();

  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await expect(admin.getByTestId("ledger-panel")).toBeVisible();
  await admin.goto(`/ledger?q=${encodeURIComponent(title)}`);
  await admin.getByRole("link", { name: title }).click();
  // The head's confirmation cannot be reopened by the admin (the head confirms their section's problems).
  await expect(admin.getByRole("button", { name: "重新打开" })).toHaveCount(0);
  await admin.screenshot({ path: test.info().outputPath("problem-desktop.png"), fullPage: true });
  await head.getByRole("button", { name: "重新打开" }).click();
  await expect(fieldError(head.getByLabel(/^重新打开的原因/))).toHaveText("请填写重新打开的原因");
  await head.getByLabel(/^重新打开的原因/).fill("回访发现一个村班子仍不全。");
  await head.getByRole("button", { name: "重新打开" }).click();
  await expect(head.getByText(/重新打开：回访发现一个村班子仍不全。/)).toBeVisible();

  await admin.goto("/ledger?view=overdue");
  const rows = admin.getByTestId("ledger-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/逾期 \d+ 天/);
  const downloading = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "导出 Excel" }).click();
  const download = await downloading;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path())!);
  const sheet = book.worksheets[0];
  expect(sheet.getRow(1).getCell(1).value).toBe("遗留问题盘点销号台账");
  expect(sheet.getRow(2).values).toContain("遗留问题");
  // Only overdue problems, as filtered on screen.
  expect(sheet.rowCount).toBe(2 + (await rows.count()));
  for (let r = 3; r <= sheet.rowCount; r++) expect(Number(sheet.getRow(r).getCell(8).value)).toBeGreaterThan(0);
});

test("组工讲坛：管理员记录今天的讲坛和一次考试，组工干部签到、写心得体会，在年度页看到出勤率和成绩", async ({ page, openPage }) => {
  test.setTimeout(180_000);
  const topic = unique("组织工作条例学习");
  const examTitle = unique("业务知识测试");
  const admin = page;
  await signInAndWait(admin, "admin");
  await admin.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "组工讲坛" }).click();
  await admin.getByRole("button", { name: "记录讲坛" }).click();
  await expect(fieldError(admin.getByLabel(/^讲坛时间/))).toBeVisible();
  const minute = String(Math.floor(Math.random() * 50) + 5).padStart(2, "0");
  await admin.getByLabel(/^讲坛时间/).fill(`${beijing()}T0${Math.floor(Math.random() * 8) + 1}:${minute}`);
  await admin.getByLabel(/^主讲人/).fill("王科长");
  await admin.getByLabel(/^专题/).fill(topic);
  await admin.getByRole("button", { name: "记录讲坛" }).click();
  await expect(admin.getByRole("heading", { name: topic })).toBeVisible();

  await admin.goto("/learning/exams");
  await admin.getByLabel(/^考试名称/).fill(examTitle);
  await admin.getByLabel(/^考试日期/).fill(beijing());
  await admin.getByLabel(/^及格分/).fill("120");
  await admin.getByRole("button", { name: "登记考试" }).click();
  await expect(fieldError(admin.getByLabel(/^及格分/))).toHaveText("及格分不能高于满分");
  await admin.getByLabel(/^及格分/).fill("60");
  await admin.getByRole("button", { name: "登记考试" }).click();
  await expect(admin.getByRole("heading", { name: examTitle })).toBeVisible();
  const cadreField = admin.getByLabel(/（组织科）$/).first();
  const cadreLabel = (await admin.locator("label", { hasText: "（组织科）" }).first().innerText()).trim();
  await cadreField.fill("101");
  await admin.getByRole("button", { name: "保存成绩" }).click();
  await expect(fieldError(cadreField)).toHaveText("成绩不能超过满分 100");
  await cadreField.fill("88");
  await admin.getByRole("button", { name: "保存成绩" }).click();
  await expect(admin.getByText(/已保存 \d+ 人的成绩。/)).toBeVisible();
  await expect(admin.getByTestId("result-row").filter({ hasText: cadreLabel.replace(/（.*$/, "") })).toContainText("88");

  const leader = await openPage();
  await signInAndWait(leader, "leader");
  await leader.goto("/learning/summary");
  await expect(leader.getByTestId("summary-row").first()).toBeVisible();
  await leader.screenshot({ path: test.info().outputPath("summary-desktop.png"), fullPage: true });
  await leader.goto("/");
  await expect(leader.getByTestId("ledger-panel")).toBeVisible();
  await leader.getByTestId("ledger-panel").screenshot({ path: test.info().outputPath("dashboard-ledger.png") });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("组工讲坛：组工干部在手机上签到并写心得体会，年度页显示学习情况", async ({ page, openPage }) => {
    test.setTimeout(180_000);
    const topic = unique("党员发展工作细则");
    const admin = await openPage();
    await signInAndWait(admin, "admin");
    await admin.goto("/learning");
    const minute = String(Math.floor(Math.random() * 50) + 5).padStart(2, "0");
    await admin.getByLabel(/^讲坛时间/).fill(`${beijing()}T1${Math.floor(Math.random() * 5)}:${minute}`);
    await admin.getByLabel(/^主讲人/).fill("李科长");
    await admin.getByLabel(/^专题/).fill(topic);
    await admin.getByRole("button", { name: "记录讲坛" }).click();
    await expect(admin.getByRole("heading", { name: topic })).toBeVisible();

    const cadre = page;
    await signInAndWait(cadre, "staff2");
    await cadre.goto("/learning");
    await cadre.getByRole("link", { name: topic }).click();
    await cadre.getByRole("button", { name: "签到" }).click();
    await expect(cadre.getByText(/^已签到/)).toBeVisible();
    const overflow = await cadre.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await cadre.getByRole("link", { name: "写心得体会 →" }).click();
    const title = unique("学习体会");
    await cadre.getByLabel(/^标题/).fill(title);
    await cadre.getByLabel(/^心得体会/).fill("太短了");
    await cadre.getByRole("button", { name: "提交心得体会" }).click();
    await expect(fieldError(cadre.getByLabel(/^心得体会/))).toHaveText("心得体会至少写 20 个字");
    await expect(cadre.getByLabel(/^标题/)).toHaveValue(title);
    await cadre.getByLabel(/^心得体会/).fill("发展党员工作要坚持标准、严格程序，把政治标准放在首位，确保发展质量。");
    await cadre.getByRole("button", { name: "提交心得体会" }).click();
    await expect(cadre.getByTestId("reflection").filter({ hasText: title })).toContainText(topic);

    await cadre.screenshot({ path: test.info().outputPath("reflections-phone.png"), fullPage: true });
    await cadre.goto("/ledger");
    await expect(cadre.getByRole("heading", { name: "盘点销号" })).toBeVisible();
    expect(await cadre.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await cadre.screenshot({ path: test.info().outputPath("ledger-phone.png"), fullPage: true });
    await cadre.goto(`/practice?year=${YEAR}`);
    const figures = cadre.getByTestId("cadre-learning");
    await expect(figures).toContainText("出勤率");
    await expect(figures).toContainText(/\d+ 篇/);
    const overflowYear = await cadre.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflowYear).toBeLessThanOrEqual(0);
    await cadre.screenshot({ path: test.info().outputPath("year-phone.png"), fullPage: true });
  });
});
