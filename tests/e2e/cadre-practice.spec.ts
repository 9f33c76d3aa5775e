import { expect, fieldError, STAFF_IN_SECTION, signInAndWait, test, unique } from "./support";
import type { Page } from "@playwright/test";
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
  const bar = cadre.getByRole("navigation", { name: "办理进度" });
  await expect(bar).toContainText("您可以：填写并提交");
  await expect(bar.getByTestId("stage-deadline")).toContainText("提交截止：");
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
  await expect(head.getByRole("navigation", { name: "办理进度" })).toContainText("当前：科室负责人审核");
  await expect(head.getByRole("navigation", { name: "办理进度" })).toContainText("您可以：认可、退回");
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
  await expect(bar).toContainText("您可以：修改后重新提交");
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

/** A Beijing day `offsetDays` from today, as the date inputs take it. */
const beijingDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("树立典型：组工干部按名称查找实施中或已结项的项目并关联，保存后仍在", async ({ page }) => {
  // cadre4's 典型 of the year: the phone journey below writes only their 第四季度调研报告.
  await signInAndWait(page, "cadre4");
  await page.goto(`/practice/${YEAR}/exemplar-1`);
  await page.getByLabel("典型类别").selectOption({ label: "典型做法" });
  await page.getByLabel("典型名称（人、单位或做法）").fill(unique("党员积分制"));
  await page.getByLabel("典型事迹（为何可作典型）").fill("积分与评议挂钩，党员作用发挥看得见。");
  // The picker finds projects by the words typed, however many the county has; only those under way or done.
  await page.getByLabel("关联项目或案例（可选）").pressSequentially("党员", { delay: 30 });
  const choices = page.getByRole("list", { name: "可关联的项目" });
  const first = choices.getByRole("button").first();
  await expect(first).toBeVisible();
  const title = (await first.locator("span").first().innerText()).trim();
  expect(title).toContain("党员");
  await first.click();
  await expect(page.getByText(`已关联：${title}`)).toBeVisible();
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存。")).toBeVisible();
  await page.reload();
  await expect(page.getByText(`已关联：${title}`)).toBeVisible();
  // A word no project under way has: said so.
  await page.getByLabel("关联项目或案例（可选）").fill("没有这样的项目名称");
  await expect(page.getByRole("list", { name: "可关联的项目" })).toContainText("没有找到实施中或已结项的项目");
});

test("组工干部首页待办：牵头的调研课题（倒计时）和负责的遗留问题（目标日期），点开即到", async ({ page, openPage }) => {
  test.setTimeout(180_000);
  const title = unique("村级组织运转保障研究");
  const problem = unique("村务档案不全");

  // The admin sets a topic led by the cadre, due tomorrow evening.
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await admin.goto("/research/new");
  await admin.getByLabel(/^课题名称/).fill(title);
  await admin.getByLabel(/^研究的问题/).fill("村级组织运转经费为何保障不足？");
  await admin.getByLabel(/^调研领域/).selectOption({ label: "基层组织建设" });
  await admin.getByLabel(/^完成时限/).fill(`${beijingDay(1)}T18:00`);
  const lead = admin.getByLabel(/^牵头人/).locator("option", { hasText: STAFF_IN_SECTION });
  await admin.getByLabel(/^牵头人/).selectOption({ label: (await lead.first().textContent())!.trim() });
  await admin.getByRole("button", { name: "设立课题" }).click();
  await expect(admin.getByRole("heading", { name: title })).toBeVisible();

  // The cadre logs a legacy problem of their own, due in three days.
  const cadre = page;
  await signInAndWait(cadre, "staff");
  await cadre.goto("/ledger/new");
  await cadre.getByLabel(/^遗留问题/).fill(problem);
  await cadre.getByLabel(/^存在时间/).fill("2022 年以来");
  await cadre.getByLabel(/^目标销号日期/).fill(beijingDay(3));
  await cadre.getByLabel(/^整改措施/).fill("逐村清点，补齐归档。");
  await cadre.getByRole("button", { name: "登记问题" }).click();
  await expect(cadre.getByRole("heading", { name: problem })).toBeVisible();

  // Home: both in the to-do, with their countdowns; each opens its page.
  await cadre.goto("/");
  const topics = cadre.getByRole("list", { name: "调研课题待办" });
  const topicRow = topics.getByTestId("research-todo").filter({ hasText: title });
  await expect(topicRow).toContainText("立题");
  await expect(topicRow).toContainText("牵头");
  await expect(topicRow).toContainText(/还有 [12] 天/);
  const problems = cadre.getByRole("list", { name: "遗留问题待办" });
  const problemRow = problems.getByTestId("ledger-todo").filter({ hasText: problem });
  await expect(problemRow).toContainText("还有 3 天");
  await expect(problemRow).toContainText(`目标 ${beijingDay(3)}`);
  await problemRow.getByRole("link", { name: problem }).click();
  await expect(cadre.getByRole("heading", { name: problem })).toBeVisible();
  await cadre.goto("/");
  await cadre.getByRole("list", { name: "调研课题待办" }).getByRole("link", { name: title }).click();
  await expect(cadre.getByRole("heading", { name: title })).toBeVisible();

  // Once the report is in, the topic leaves the to-do.
  await cadre.getByRole("button", { name: "开始调研" }).click();
  await cadre.getByLabel(/^症结性问题/).fill("运转经费标准多年未调整。");
  await cadre.getByLabel(/^原因分析/).fill("县级财政保障机制不健全。");
  await cadre.getByLabel("建议1", { exact: true }).fill("建立运转经费正常增长机制。");
  await cadre.getByRole("button", { name: "提交报告" }).click();
  await expect(cadre.getByText(/报告已提交.*等待科室负责人审核。/)).toBeVisible();
  await cadre.goto("/");
  await expect(cadre.getByRole("heading", { name: "我的调研课题和遗留问题" })).toBeVisible();
  await expect(cadre.getByTestId("research-todo").filter({ hasText: title })).toHaveCount(0);
});

test("组工干部不能打开同事的四个一；首页四个一面板不列逾期同事姓名，管理员可见", async ({ page, openPage }) => {
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await admin.goto("/practice/grid");
  const row = admin.getByTestId("grid-row").filter({ hasText: "干部科" }).first();
  const href = (await row.getByRole("link").first().getAttribute("href"))!;
  await admin.goto("/");
  await expect(admin.getByTestId("practice-panel").getByTestId("late-cadre").first()).toBeVisible();

  const cadre = page;
  await signInAndWait(cadre, "staff");
  await expect(cadre.getByTestId("practice-late-nameless")).toBeVisible();
  await expect(cadre.getByTestId("practice-panel").getByTestId("late-cadre")).toHaveCount(0);
  await cadre.goto("/practice/grid");
  await expect(cadre.getByTestId("grid-row")).toHaveCount(1);
  await expect(cadre.getByTestId("grid-row")).toContainText("组织科");
  await cadre.goto(href);
  await expect(cadre.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

/** The whole page fits the phone's width (no horizontal scrolling). */
async function expectNoHorizontalOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}：页面宽 ${scrollWidth}px，屏幕宽 ${innerWidth}px`).toBeLessThanOrEqual(innerWidth + 1);
}

test.describe("手机", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("组工干部在手机上从首页待办填写并提交第四季度调研报告，首页和事项页不横向溢出", async ({ page }) => {
    test.setTimeout(120_000);
    const topic = unique("监督提醒谈话实效调研");
    // cadre4: the demo's cadre of 干部监督科, whom no other journey uses.
    await signInAndWait(page, "cadre4");
    const todo = page.getByRole("list", { name: "四个一待办" });
    await expect(todo).toBeVisible();
    await expectNoHorizontalOverflow(page, "首页");
    await todo.getByRole("link", { name: "第四季度调研报告" }).click();
    await expect(page).toHaveURL(new RegExp(`/practice/${YEAR}/research-4$`));
    await expectNoHorizontalOverflow(page, "四个一事项");
    await page.getByRole("button", { name: "提交" }).click();
    await expect(fieldError(page.getByLabel(/^调研主题/))).toHaveText("请填写调研主题");
    await page.getByLabel(/^调研主题/).fill(topic);
    await page.getByLabel(/^调研时间/).fill(`${YEAR}年11月`);
    await page.getByLabel(/^调研地点/).fill("城关镇两个社区");
    await page.getByLabel(/^走访对象/).fill("社区党组织书记 2 人、被提醒干部 5 人");
    await page.getByLabel(/^发现的问题/).fill("提醒谈话后跟踪不够。");
    await page.getByLabel(/^对策建议/).fill("建立谈话后三个月回访制度。");
    await page.getByRole("button", { name: "提交" }).click();
    await expect(page.getByText("已提交，等待科室负责人审核。")).toBeVisible();
    await expectNoHorizontalOverflow(page, "已提交的四个一事项");
    await page.goto("/");
    await expect(page.getByRole("list", { name: "四个一待办" }).getByRole("link", { name: "第四季度调研报告" })).toHaveCount(0);
    await expectNoHorizontalOverflow(page, "提交后的首页");
  });
});
