import type { Page } from "@playwright/test";
import { expect, expectStage, fieldError, newYear, signInAndWait, test, unique } from "./support";
import { decide, newMeeting, submittedProjects } from "./support/projects";

/** A datetime-local value for now, Beijing time. */
const now = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);

/** On the reviewer's task list, scores every open task of the hearing with `points` on each standard. */
async function scoreAll(page: Page, hearingTitle: string, points: number, verdict: "立项" | "修改后再审" | "不予立项") {
  await page.goto("/reviews");
  const rows = page.getByRole("row").filter({ hasText: hearingTitle });
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await page.goto("/reviews");
    await page.getByRole("row").filter({ hasText: hearingTitle }).filter({ hasText: "未评" }).first().getByRole("link", { name: "评分" }).click();
    const inputs = page.getByRole("spinbutton");
    for (let k = 0; k < 5; k++) await inputs.nth(k).fill(String(points));
    await expect(page.getByTestId("live-total")).toContainText(`${(points * 10).toFixed(2)} 分`);
    await page.getByRole("radio", { name: verdict, exact: true }).check();
    // A draft first, then the submission from the same sheet without reloading: the sheet keeps the version the
    // save returned (the action does not re-render the page), so the second save is not refused as stale.
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("草稿已保存。")).toBeVisible();
    await page.getByRole("button", { name: "提交评分" }).click();
    await expect(page.getByText(`评分已提交，总分 ${(points * 10).toFixed(2)} 分`)).toBeVisible();
    await expect(page.getByRole("button", { name: "修改并提交" })).toBeVisible();
  }
  return count;
}

test("听证审定：自动分配（回避的专家不分配）、专家打分、排名与分歧提示、部务会立项/修改后再审/不予立项，乡镇打印通知、修改后立项", async ({
  page,
  openPage,
}) => {
  test.setTimeout(300_000);
  const title = unique("部务听证会");
  const admin = page;
  await signInAndWait(admin, "admin");
  // The agenda: a proposal of 青石镇 and two of other townships, made for this hearing (one tag finds all three).
  const tag = unique("听证议程");
  const [qingshi] = await submittedProjects(openPage, { clerk: "unit", prefix: tag });
  const others = [
    ...(await submittedProjects(openPage, { clerk: "z014", prefix: tag })),
    ...(await submittedProjects(openPage, { clerk: "z018", prefix: tag })),
  ];
  const qingshiTitle = qingshi.title;
  const otherTitles = others.map((project) => project.title);

  await admin.goto("/hearings");
  await admin.getByRole("button", { name: "创建听证会" }).click();
  await expect(fieldError(admin.getByLabel(/^名称/))).toHaveText("请填写名称");
  await admin.getByLabel(/^名称/).fill(title);
  await admin.getByLabel(/^时间/).fill(now());
  await admin.getByLabel(/^地点/).fill("县委组织部三楼会议室");
  await admin.getByLabel("其他参加人员").fill("群众代表 2 名");
  await admin.getByRole("button", { name: "创建听证会" }).click();
  await expect(admin.getByRole("heading", { name: title })).toBeVisible();

  // 查找待列入的项目 (?q=) narrows the offered proposals to this journey's own.
  await admin.goto(`${new URL(admin.url()).pathname}?q=${encodeURIComponent(tag)}`);
  const agenda = admin.locator("section").filter({ has: admin.getByRole("heading", { name: "列入议程" }) });
  await expect(agenda.getByRole("checkbox")).toHaveCount(3);
  await agenda.getByRole("checkbox", { name: `${qingshiTitle}（青石镇）` }).check();
  for (const other of otherTitles) await agenda.getByRole("checkbox", { name: new RegExp(`^${other}（`) }).check();
  await admin.getByRole("button", { name: "列入议程" }).click();
  const items = admin.getByTestId("agenda-item");
  await expect(items).toHaveCount(3);

  // Reviewers: three from county bodies, and one from 青石镇 who must not review 青石镇's proposal.
  const seats = admin.locator("section").filter({ has: admin.getByRole("heading", { name: /^评审专家/ }) });
  const conflicted = seats.getByRole("checkbox", { name: /（青石镇）$/ });
  const conflictedName = (await conflicted.locator("xpath=..").innerText()).replace(/（青石镇）$/, "").trim();
  await conflicted.check();
  for (const unit of ["县委党校", "县政协办公室", "县人大常委会办公室"]) await seats.getByRole("checkbox", { name: new RegExp(`（${unit}）$`) }).check();
  await seats.getByRole("button", { name: "保存评审专家" }).click();
  await expect(seats.getByText("已保存。")).toBeVisible();
  await admin.getByLabel("每个项目的评审人数").fill("3");
  await admin.getByRole("button", { name: "自动分配" }).click();
  await expect(admin.getByText("新分配 9 项。")).toBeVisible();
  const qingshiItem = items.filter({ hasText: qingshiTitle });
  await expect(qingshiItem).toContainText("0/3 已评");
  await expect(qingshiItem.getByTestId("assignment")).toHaveCount(3);
  await expect(qingshiItem.getByTestId("assignment").filter({ hasText: conflictedName })).toHaveCount(0);

  // Scoring: lenient, harsh and middling reviewers, so that the spread is flagged.
  const scores: [string, number][] = [
    ["reviewer", 10],
    ["reviewer3", 5],
    ["reviewer4", 8],
    ["reviewer5", 9],
  ];
  let scored = 0;
  const totals: string[] = [];
  for (const [username, points] of scores) {
    const reviewer = await openPage();
    await signInAndWait(reviewer, username);
    // The reviewer's tasks are grouped by hearing with their progress; one hearing's open tasks are a click away.
    await reviewer.goto("/reviews");
    const card = reviewer.getByRole("list", { name: "各场听证的评审进度" }).getByRole("listitem").filter({ hasText: title });
    const mine = Number((await card.innerText()).match(/已提交 0\/(\d+)/)![1]);
    await card.getByRole("link", { name: `本场未评：${title}` }).click();
    await expect(reviewer).toHaveURL(/status=todo/);
    await expect(reviewer.getByRole("row").filter({ hasText: title }).filter({ hasText: "未评" })).toHaveCount(mine);
    const count = await scoreAll(reviewer, title, points, "立项");
    if (count > 0) totals.push(`${(points * 10).toFixed(2)} 分（立项）`);
    scored += count;
    await reviewer.goto("/reviews");
    await expect(card).toContainText(`已提交 ${mine}/${mine}`);
    await expect(card).toContainText("已评完");
    await reviewer.getByLabel("评分状态").selectOption("已提交");
    await reviewer.getByRole("button", { name: "筛选" }).click();
    await expect(reviewer.getByRole("row").filter({ hasText: title })).toHaveCount(mine);
  }
  expect(scored).toBe(9);
  // The admin's next request shows every reviewer's saved score: the progress on the hearing, the totals on the results.
  await admin.reload();
  await expect(items.filter({ hasText: "3/3 已评" })).toHaveCount(3);
  await admin.getByRole("link", { name: "评分结果与排名" }).click();
  for (const total of totals) await expect(admin.getByRole("main")).toContainText(total);
  const ranking = admin.getByRole("table");
  await expect(ranking.getByRole("row")).toHaveCount(4);
  await expect(ranking).toContainText("分歧较大");
  await expect(admin.getByText(/去掉一个最高分和一个最低分/)).toBeVisible();

  // The 部务会: approve one, revise 青石镇's, reject one.
  const meeting = await newMeeting(admin, "第", "部长、副部长、各科室负责人");
  await decide(admin, meeting.url, otherTitles[0], "立项", "同意立项，按季度报送进展。");
  await decide(admin, meeting.url, qingshiTitle, "修改后再审", "请补充经费测算和试点村名单。");
  await decide(admin, meeting.url, otherTitles[1], "不予立项", "与往年项目重复，创新性不足。");
  const downloading = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "导出 Excel" }).click();
  expect((await downloading).suggestedFilename()).toBe(`部务会（${meeting.number}）创新项目审定结果.xlsx`);

  // 青石镇 reads the notice, prints it, revises and resubmits.
  const clerk = await openPage();
  await signInAndWait(clerk, "unit");
  await clerk.goto("/notifications");
  await clerk
    .getByRole("link", { name: `项目“${qingshiTitle}”修改后再审` })
    .first()
    .click();
  await clerk.getByRole("link", { name: "修改意见通知" }).click();
  const notice = clerk.getByRole("article", { name: "修改意见通知" });
  await expect(notice.getByRole("heading", { name: `关于《${qingshiTitle}》的修改意见通知` })).toBeVisible();
  await expect(notice).toContainText("请补充经费测算和试点村名单。");
  await clerk.emulateMedia({ media: "print" });
  await expect(clerk.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await clerk.emulateMedia({ media: "screen" });
  await clerk.getByRole("link", { name: "返回项目" }).click();
  await clerk.getByRole("link", { name: "修改并重新提交" }).click();
  await clerk.getByLabel(/^资金投入/).fill("5 万元（试点村 3 个，每村 1 万；宣传培训 2 万）");
  await clerk.getByRole("button", { name: "重新提交" }).click();
  await expectStage(clerk, "已申报");

  // Straight to a decision, as the admin chooses: approved at the next meeting.
  const next = await newMeeting(admin, "第");
  await decide(admin, next.url, qingshiTitle, "立项", "修改后符合要求，同意立项。");

  await clerk.reload();
  await expectStage(clerk, "已立项");
  const record = clerk.getByRole("list", { name: "审定结果" });
  await expect(record).toContainText("修改后再审");
  await expect(record).toContainText("修改后符合要求，同意立项。");
  await expect(clerk.getByRole("region", { name: "第 1 轮听证" })).toContainText("3 位专家评分");
});

test("管理员手动分配（与申报单位有隶属关系的专家被拒）、取消分配、移出议程、提醒专家、结束评分", async ({ page, openPage }) => {
  test.setTimeout(120_000);
  const title = unique("科室听证会");
  const tag = unique("科室议程");
  const [first, second] = (await submittedProjects(openPage, { clerk: "z014", count: 2, prefix: tag })).map((project) => project.title);
  await signInAndWait(page, "admin");
  await page.goto("/hearings");
  await page.getByLabel(/^名称/).fill(title);
  await page.getByLabel(/^层级/).selectOption({ label: "科室" });
  await page.getByLabel(/^时间/).fill(now());
  await page.getByLabel(/^地点/).fill("组织科会议室");
  await page.getByRole("button", { name: "创建听证会" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "听证进程" }).getByTestId("stage-deadline")).toContainText("听证时间（评分在听证会上完成）：");

  await page.goto(`${new URL(page.url()).pathname}?q=${encodeURIComponent(tag)}`);
  const agenda = page.locator("section").filter({ has: page.getByRole("heading", { name: "列入议程" }) });
  await expect(agenda.getByRole("checkbox")).toHaveCount(2);
  for (const own of [first, second]) await agenda.getByRole("checkbox", { name: new RegExp(`^${own}（`) }).check();
  await page.getByRole("button", { name: "列入议程" }).click();
  const items = page.getByTestId("agenda-item");
  await expect(items).toHaveCount(2);

  // reviewer2 sits at the county itself, directly above every township and department: never assignable.
  const seats = page.locator("section").filter({ has: page.getByRole("heading", { name: /^评审专家/ }) });
  await seats.getByRole("checkbox", { name: /（县委党校）$/ }).check();
  await seats.getByRole("checkbox", { name: /（明澜县）$/ }).check();
  await seats.getByRole("button", { name: "保存评审专家" }).click();
  await expect(seats.getByText("已保存。")).toBeVisible();
  const firstItem = items.filter({ hasText: first });
  const pickReviewer = async (unit: string) => {
    const select = firstItem.getByLabel("手动分配评审专家");
    await select.selectOption({ label: (await select.locator("option", { hasText: `（${unit}）` }).innerText()).trim() });
    await firstItem.getByRole("button", { name: "分配" }).click();
  };
  await pickReviewer("明澜县");
  await expect(firstItem.getByRole("alert")).toContainText("须回避");
  await pickReviewer("县委党校");
  await expect(firstItem.getByTestId("assignment")).toHaveCount(1);
  await firstItem.getByRole("button", { name: /^取消.*的分配$/ }).click();
  await expect(firstItem.getByTestId("assignment")).toHaveCount(0);
  await pickReviewer("县委党校");
  await expect(firstItem.getByTestId("assignment")).toHaveCount(1);

  page.once("dialog", (dialog) => dialog.accept());
  await items.filter({ hasText: second }).getByRole("button", { name: "移出议程" }).click();
  await expect(items).toHaveCount(1);

  await page.getByRole("button", { name: "提醒未完成评分的专家" }).click();
  await expect(page.getByText("已提醒 1 名专家。")).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "结束评分" }).click();
  await expect(page.getByText(/评分已于 .+ 结束/)).toBeVisible();
  await expect(page.getByRole("button", { name: "自动分配" })).toHaveCount(0);
});

test("管理员为新年度设定评分标准：权重合计须为 100%", async ({ page }) => {
  await signInAndWait(page, "admin");
  const year = await newYear(page);
  await page.goto(`/hearings/rubric?year=${year}`);
  await expect(page.getByRole("heading", { name: `${year} 年度评分标准` })).toBeVisible();
  await page.getByLabel("第 1 项权重（%）").fill("30");
  await page.getByRole("button", { name: "保存评分标准" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "权重合计须为 100%" })).toBeVisible();
  await page.getByLabel("第 2 项权重（%）").fill("10");
  await page.getByRole("button", { name: "保存评分标准" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("第 1 项权重（%）")).toHaveValue("30");
});

test("专家打分超出满分或多于一位小数：字段旁说明范围，合计不显示，提交和保存都不发到服务器", async ({ page, openPage }) => {
  test.setTimeout(120_000);
  const title = unique("打分范围听证会");
  const [own] = await submittedProjects(openPage, { clerk: "z018", prefix: "打分范围" });
  await signInAndWait(page, "admin");
  await page.goto("/hearings");
  await page.getByLabel(/^名称/).fill(title);
  await page.getByLabel(/^层级/).selectOption({ label: "科室" });
  await page.getByLabel(/^时间/).fill(now());
  await page.getByLabel(/^地点/).fill("组织科会议室");
  await page.getByRole("button", { name: "创建听证会" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}?q=${encodeURIComponent(own.title)}`);
  const agenda = page.locator("section").filter({ has: page.getByRole("heading", { name: "列入议程" }) });
  await agenda.getByRole("checkbox", { name: new RegExp(`^${own.title}（`) }).check();
  await page.getByRole("button", { name: "列入议程" }).click();
  const item = page.getByTestId("agenda-item");
  await expect(item).toHaveCount(1);
  const seats = page.locator("section").filter({ has: page.getByRole("heading", { name: /^评审专家/ }) });
  await seats.getByRole("checkbox", { name: /（县委党校）$/ }).check();
  await seats.getByRole("button", { name: "保存评审专家" }).click();
  await expect(seats.getByText("已保存。")).toBeVisible();
  const select = item.getByLabel("手动分配评审专家");
  await select.selectOption({ label: (await select.locator("option", { hasText: "（县委党校）" }).innerText()).trim() });
  await item.getByRole("button", { name: "分配" }).click();
  await expect(item.getByTestId("assignment")).toHaveCount(1);

  const reviewer = await openPage();
  await signInAndWait(reviewer, "reviewer");
  await reviewer.goto("/reviews");
  await reviewer.getByRole("row").filter({ hasText: title }).getByRole("link", { name: "评分" }).click();
  await reviewer.waitForLoadState("networkidle");
  const inputs = reviewer.getByRole("spinbutton");
  await expect(inputs).toHaveCount(5);
  // Each standard's full mark, as the sheet states it next to the field.
  const fullMark = async (index: number) =>
    Number((await reviewer.locator('[data-field="values"] label').nth(index).innerText()).match(/满分 (\d+(?:\.\d+)?)/)![1]);
  const [firstMax, secondMax] = [await fullMark(0), await fullMark(1)];
  for (let k = 2; k < 5; k++) await inputs.nth(k).fill("5");
  await inputs.nth(0).fill(String(firstMax + 1));
  await inputs.nth(1).fill("3.25");
  const errorOf = async (index: number) => reviewer.locator(`[id="${(await inputs.nth(index).getAttribute("id"))!.replace(/^score-/, "error-")}"]`);
  await expect(await errorOf(0)).toHaveText(new RegExp(`的分数须在 0 至 ${firstMax} 之间$`));
  await expect(inputs.nth(0)).toHaveAttribute("aria-invalid", "true");
  await expect(await errorOf(1)).toHaveText("分数最多保留一位小数");
  await expect(reviewer.getByTestId("live-total")).toHaveText("加权总分：有分数不合要求，暂不能显示，改正后显示");

  // Neither button sends the sheet: no server action is posted, and the task is still unscored.
  const posts: string[] = [];
  reviewer.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await reviewer.getByRole("radio", { name: "立项", exact: true }).check();
  await reviewer.getByRole("button", { name: "提交评分" }).click();
  await expect(reviewer.getByText("有分数不合要求，请按各项下方的提示改正后再保存或提交。")).toBeVisible();
  await reviewer.getByRole("button", { name: "保存草稿" }).click();
  await expect(reviewer.getByText("草稿已保存。")).toHaveCount(0);
  expect(posts).toEqual([]);
  // What was typed stays for correction; once right, the total shows and the sheet goes through.
  await expect(inputs.nth(0)).toHaveValue(String(firstMax + 1));
  await inputs.nth(0).fill(String(firstMax));
  await inputs.nth(1).fill(String(Math.min(secondMax, 3.5)));
  await expect(reviewer.getByTestId("live-total")).toContainText(/加权总分：\d+\.\d{2} 分（满分 100）/);
  await expect(reviewer.getByText("有分数不合要求，请按各项下方的提示改正后再保存或提交。")).toHaveCount(0);
  await reviewer.getByRole("button", { name: "保存草稿" }).click();
  await expect(reviewer.getByText("草稿已保存。")).toBeVisible();
  expect(posts.length).toBeGreaterThan(0);
});
