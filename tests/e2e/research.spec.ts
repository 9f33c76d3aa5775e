import ExcelJS from "exceljs";
import { expect, expectStage, fieldError, STAFF_IN_SECTION, signInAndWait, test, unique } from "./support";

test("调查研究课题：管理员设立课题，组工干部调研并提交报告，科室负责人退回后结题，领导批示建议，管理员代录批示并按科室导出", async ({ page, openPage }) => {
  test.setTimeout(240_000);
  const title = unique("村级后备力量培养机制研究");

  // The admin sets the topic: the form says what is missing, keeps what was typed.
  const admin = page;
  await signInAndWait(admin, "admin");
  await admin.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "调查研究" }).click();
  await expect(admin.getByRole("heading", { name: "调查研究课题" })).toBeVisible();
  await admin.getByRole("link", { name: "设立课题" }).click();
  await admin.getByLabel(/^课题名称/).fill(title);
  await admin.getByRole("button", { name: "设立课题" }).click();
  await expect(fieldError(admin.getByLabel(/^研究的问题/))).toHaveText("请填写研究的问题");
  await expect(fieldError(admin.getByLabel(/^牵头人/))).toHaveText("请选择牵头人");
  await expect(admin.getByLabel(/^课题名称/)).toHaveValue(title);
  await admin.getByLabel(/^研究的问题/).fill("村级后备干部为何“选不出、留不住”？");
  await admin.getByLabel(/^调研领域/).selectOption({ label: "基层组织建设" });
  const leadOption = admin.getByLabel(/^牵头人/).locator("option", { hasText: STAFF_IN_SECTION });
  const leadLabel = (await leadOption.first().textContent())!.trim();
  await admin.getByLabel(/^牵头人/).selectOption({ label: leadLabel });
  const memberOption = admin.getByLabel(/^牵头人/).locator("option", { hasText: /^(?!.*科长).*（干部科）$/ });
  const memberName = (await memberOption.first().textContent())!.trim().replace("（干部科）", "");
  await admin.getByRole("checkbox", { name: memberName, exact: true }).check();
  await admin.getByRole("button", { name: "设立课题" }).click();
  await expect(admin.getByRole("heading", { name: title })).toBeVisible();
  await expect(admin.getByText("牵头人组织开始调研")).toBeVisible();
  const topicUrl = admin.url();
  await expect(admin.getByRole("navigation", { name: "课题进度" }).getByTestId("stage-deadline")).toContainText("完成时限：");

  // The lead cadre starts, saves a draft, is told what is missing, submits.
  const cadre = await openPage();
  await signInAndWait(cadre, "staff");
  await cadre.goto("/research?mine=1");
  await cadre.getByTestId("topic-row").filter({ hasText: title }).getByRole("link", { name: title }).click();
  await expect(cadre.getByRole("navigation", { name: "课题进度" })).toContainText("您可以：开始调研");
  await cadre.getByRole("button", { name: "开始调研" }).click();
  await expect(cadre.getByLabel(/^症结性问题/)).toBeVisible();
  await cadre.getByLabel(/^症结性问题/).fill("后备力量年龄偏大，外出青年回流少。");
  await cadre.getByLabel("建议1", { exact: true }).fill("建立村级后备人才库，动态管理。");
  await cadre.getByRole("button", { name: "+ 增加一条建议" }).click();
  await cadre.getByLabel("建议2", { exact: true }).fill("实施“回引工程”，吸引在外青年返乡任职。");
  await cadre.getByRole("button", { name: "+ 增加一条建议" }).click();
  await cadre.getByLabel("建议3", { exact: true }).fill("落实村干部报酬正常增长机制。");
  await cadre.getByRole("button", { name: "保存草稿" }).click();
  await expect(cadre.getByText("报告草稿已保存。")).toBeVisible();
  await cadre.getByRole("button", { name: "提交报告" }).click();
  await expect(fieldError(cadre.getByLabel(/^原因分析/))).toHaveText("请填写原因分析");
  await cadre.getByLabel(/^原因分析/).fill("村级岗位待遇低，培养渠道单一。");
  await cadre.getByRole("button", { name: "提交报告" }).click();
  await expect(cadre.getByText(/报告已提交.*等待科室负责人审核。/)).toBeVisible();

  // The head of the cadre's section returns it with a comment; the cadre answers; the head closes the topic.
  const head = await openPage();
  await signInAndWait(head, "head");
  await head.goto(topicUrl);
  await expect(head.getByText("后备力量年龄偏大，外出青年回流少。")).toBeVisible();
  await expectStage(head, "报告已交");
  await expect(head.getByRole("navigation", { name: "课题进度" })).toContainText("当前：科室负责人审核报告");
  await expect(head.getByRole("navigation", { name: "课题进度" })).toContainText("您可以：结题、退回");
  await head.getByRole("button", { name: "退回" }).click();
  await expect(fieldError(head.getByLabel(/^审核意见/))).toHaveText("请填写退回意见");
  await head.getByLabel(/^审核意见/).fill("请补充问卷数据。");
  await head.getByRole("button", { name: "退回" }).click();
  await expect(head.getByText("审核意见：请补充问卷数据。")).toBeVisible();

  await cadre.reload();
  await expect(cadre.getByText("审核意见：请补充问卷数据。")).toBeVisible();
  await cadre.getByLabel(/^症结性问题/).fill("后备力量年龄偏大，外出青年回流少（问卷 320 份，62% 的青年有返乡意愿）。");
  await cadre.getByRole("button", { name: "提交报告" }).click();
  await expect(cadre.getByText(/报告已提交.*等待科室负责人审核。/)).toBeVisible();

  await head.reload();
  await head.getByRole("button", { name: "结题" }).click();
  await expect(head.getByText("领导批示建议")).toBeVisible();

  // The leader marks two proposals.
  const leader = await openPage();
  await signInAndWait(leader, "leader");
  await leader.goto(topicUrl);
  await expect(leader.getByRole("navigation", { name: "课题进度" })).toContainText("您可以：批示建议");
  const first = leader.getByRole("form", { name: "批示建议1" });
  await first.getByLabel("采纳情况").selectOption({ label: "采纳" });
  await first.getByLabel("批示意见").fill("同意，请抓紧落实。");
  await first.getByRole("button", { name: "保存批示" }).click();
  await expect(leader.getByTestId("proposal").first()).toContainText("同意，请抓紧落实。");
  const second = leader.getByRole("form", { name: "批示建议2" });
  await second.getByLabel("采纳情况").selectOption({ label: "未采纳" });
  await second.getByRole("button", { name: "保存批示" }).click();
  await expect(leader.getByTestId("topic-rate")).toHaveText("50.0%");

  // The admin records the third on a named leader's behalf.
  await admin.reload();
  const third = admin.getByRole("form", { name: "批示建议3" });
  await third.getByLabel("采纳情况").selectOption({ label: "部分采纳" });
  await third.getByRole("button", { name: "保存批示" }).click();
  await expect(fieldError(third.getByLabel("批示领导"))).toHaveText("请填写批示领导（代领导录入时）");
  await third.getByLabel("批示领导").fill("王书记");
  await third.getByRole("button", { name: "保存批示" }).click();
  await expect(admin.getByTestId("proposal").nth(2)).toContainText("王书记 批示");
  await expect(admin.getByTestId("topic-rate")).toHaveText("66.7%");

  // The report as a formal document.
  await admin.getByRole("link", { name: "调研报告（公文）" }).click();
  await expect(admin.getByRole("heading", { name: `关于${title}的调研报告` })).toBeVisible();
  await expect(admin.getByRole("heading", { name: "四、领导批示采纳情况" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "下载 PDF" })).toBeVisible();

  // The list filtered by section and state, with the year's 采纳率, and its Excel export.
  await admin.goto("/research");
  await admin.getByLabel("科室").selectOption({ label: "组织科" });
  await admin.getByLabel("状态").selectOption({ label: "已结题" });
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin).toHaveURL(/section=.*state=CLOSED/);
  const row = admin.getByTestId("topic-row").filter({ hasText: title });
  await expect(row).toContainText("66.7%");
  for (const text of await admin.getByTestId("topic-row").allInnerTexts()) expect(text).toContain("组织科");
  await expect(admin.getByTestId("year-rate")).toHaveText(/%$/);
  const downloading = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "导出 Excel" }).click();
  const download = await downloading;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const values = JSON.stringify(workbook.worksheets[0].getSheetValues());
  expect(values).toContain(title);
  expect(values).toContain("66.7%");
  expect(values).not.toContain("干部科");
});

test("调查研究课题：单位用户看不到，管理员维护调研领域", async ({ page, openPage }) => {
  const unit = await openPage();
  await signInAndWait(unit, "unit");
  expect(await unit.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "调查研究" }).count()).toBe(0);
  expect((await unit.goto("/research"))?.status()).toBe(403);

  const name = unique("党员教育管理");
  await signInAndWait(page, "admin");
  await page.goto("/research/areas");
  for (const area of ["干部选任", "基层组织建设", "领导班子思想政治建设", "人才工作"])
    await expect(page.getByRole("form", { name: `领域：${area}` })).toBeVisible();
  await page.getByRole("button", { name: "新增领域" }).click();
  await expect(fieldError(page.getByLabel("领域名称", { exact: true }).first())).toHaveText("请填写领域名称");
  await page.getByLabel("领域名称", { exact: true }).first().fill(name);
  await page.getByRole("button", { name: "新增领域" }).click();
  const row = page.getByRole("form", { name: `领域：${name}` });
  await expect(row).toBeVisible();
  await page.goto("/research/new");
  await expect(page.getByLabel(/^调研领域/).locator("option", { hasText: name })).toHaveCount(1);
  await page.goto("/research/areas");
  await row.getByRole("checkbox").uncheck();
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("status")).toHaveText("已保存");
  await page.goto("/research/new");
  await expect(page.getByLabel(/^调研领域/).locator("option", { hasText: name })).toHaveCount(0);
});
