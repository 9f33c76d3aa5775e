import { expect, expectStage, fieldError, signInAndWait, test } from "./support";
import { startedProjects } from "./support/projects";

/** The current quarter, Beijing time: a project started now owes its report, not yet due (未到期). */
const beijing = () => new Date(Date.now() + 8 * 3_600_000);
const YEAR = beijing().getUTCFullYear();
const QUARTER = Math.floor(beijing().getUTCMonth() / 3) + 1;
const QUARTER_LABEL = ["第一季度", "第二季度", "第三季度", "第四季度"][QUARTER - 1];

test("乡镇报送季度进展，联系人退回，乡镇修改后重新报送", async ({ page, openPage }) => {
  test.setTimeout(120_000);
  // 青石镇's own project, started now: its current quarter's report is the one to write.
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  const [project] = await startedProjects(openPage, { clerk: "unit", prefix: "季度进展", admin });
  const clerk = page;
  await signInAndWait(clerk, "unit");
  await clerk.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "季度报告" }).click();
  await expect(clerk.getByRole("heading", { name: "季度报告" })).toBeVisible();
  const row = clerk.getByRole("row").filter({ hasText: project.title });
  await expect(row).toContainText(QUARTER_LABEL);
  await expect(row).toContainText("未到期");
  await row.getByRole("link", { name: "填报" }).click();
  await expect(clerk).toHaveURL(new RegExp(`/reports/${project.id}/${YEAR}/${QUARTER}$`));
  const projectId = project.id;
  const title = project.title;
  await expect(clerk.getByRole("heading", { level: 1 })).toContainText(title);

  // The admin makes the demo account "staff" (组织科, which has its head too) this project's liaison, by name.
  const liaison = await openPage();
  await signInAndWait(liaison, "staff");
  const staffName = (await liaison.getByTestId("current-user").innerText()).split(" · ")[0].trim();
  await admin.goto(`/projects/${projectId}`);
  const option = admin.getByLabel("联系人").locator("option", { hasText: `${staffName}（组织科）` });
  await admin.getByLabel("联系人").selectOption(await option.getAttribute("value"));
  await admin.getByRole("button", { name: "保存联系人" }).click();
  await expect(admin.getByRole("list", { name: "进程" })).toContainText("联系人");

  await clerk.getByRole("button", { name: "报送" }).click();
  await expect(fieldError(clerk.getByLabel(/^进展情况/))).toHaveText("请填写进展情况");
  await clerk.getByLabel(/^进展情况/).fill("召开推进会 2 次，完成 3 个村的试点。");
  await clerk.getByLabel(/^完成进度/).fill("70");
  const milestone = clerk.getByTestId("milestone-row").first();
  await milestone.getByRole("checkbox").check();
  await clerk.getByLabel("下步打算").fill("下季度在全镇推开。");
  // A file can go up before the first 保存草稿 (it makes the draft); what was typed stays, and the save is no conflict.
  await clerk
    .getByLabel("选择附件")
    .setInputFiles({ name: "推进会记录.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n") });
  await clerk.getByRole("button", { name: "上传附件" }).click();
  await expect(clerk.getByRole("link", { name: "推进会记录.pdf" })).toBeVisible();
  await expect(clerk.getByLabel(/^进展情况/)).toHaveValue("召开推进会 2 次，完成 3 个村的试点。");
  await clerk.getByRole("button", { name: "保存草稿" }).click();
  await expect(clerk.getByText("草稿已保存。")).toBeVisible();
  await clerk.getByRole("button", { name: "报送" }).click();
  // The confirmation says what was sent, when and to whom; the report is then read-only with its submission time.
  const sent = clerk.getByRole("status").filter({ hasText: "进展报告" });
  await expect(sent).toContainText(`已报送${YEAR}年${QUARTER_LABEL}进展报告（完成进度 70%`);
  await expect(sent).toContainText("附件 1 个");
  await expect(sent).toContainText(/报送时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(sent).toContainText("已送项目联系人");
  await expect(clerk.getByText("报送时间", { exact: true })).toBeVisible();
  await expectStage(clerk, "已报送");

  await liaison.goto("/notifications");
  await liaison
    .getByRole("link", { name: `“${title}”报送了${YEAR}年${QUARTER_LABEL}进展` })
    .first()
    .click();
  await expect(liaison.getByText("召开推进会 2 次，完成 3 个村的试点。")).toBeVisible();
  await liaison.getByRole("button", { name: "退回修改" }).click();
  await expect(fieldError(liaison.getByLabel("审核意见"))).toHaveText("请填写退回意见");
  await liaison.getByLabel("审核意见").fill("请写明三个试点村的名称和做法。");
  await liaison.getByRole("button", { name: "退回修改" }).click();
  await expectStage(liaison, "退回修改");

  await clerk.goto("/notifications");
  await clerk
    .getByRole("link", { name: new RegExp(`“${title}”.*进展被退回`) })
    .first()
    .click();
  await expect(clerk.getByText("退回意见：请写明三个试点村的名称和做法。")).toBeVisible();
  await expect(clerk.getByLabel(/^进展情况/)).toHaveValue("召开推进会 2 次，完成 3 个村的试点。");
  await clerk.getByLabel(/^进展情况/).fill("召开推进会 2 次，在东坪、南湖、石门三个村试点。");
  await clerk.getByRole("button", { name: "报送" }).click();
  await expect(clerk.getByText("报送时间", { exact: true })).toBeVisible();
  await expect(clerk.getByText("召开推进会 2 次，在东坪、南湖、石门三个村试点。")).toBeVisible();

  await liaison.goto(`/reports?liaison=me&q=${encodeURIComponent(title)}`);
  const gridRow = liaison.getByTestId("grid-row").filter({ hasText: title }).filter({ hasText: "青石镇" });
  await expect(gridRow.getByRole("link", { name: `${title}${QUARTER_LABEL}` })).toContainText("已报送");
});

test("组工干部对实施中的项目记录会诊并跟进，进程中可见", async ({ page, openPage }) => {
  const [project] = await startedProjects(openPage, { clerk: "z013", prefix: "会诊" });
  await signInAndWait(page, "staff");
  await page.goto(`/projects?state=IN_PROGRESS&q=${encodeURIComponent(project.title)}`);
  await page.locator("tbody tr").filter({ hasText: project.title }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`${project.url}$`));
  // The staff member is told they may start a 会诊, and starts it from the 办理 panel.
  await expect(page.getByRole("navigation", { name: "项目进程" })).toContainText("您可以：");
  await expect(page.getByRole("navigation", { name: "项目进程" })).toContainText("发起会诊");
  await page.getByRole("button", { name: "发起会诊" }).click();
  await page.getByRole("button", { name: "记录会诊" }).click();
  await expect(fieldError(page.getByLabel(/^原因分析/))).toHaveText("请填写原因分析");
  await page.getByLabel(/^会诊时间/).fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16));
  await page.getByLabel(/^参加人员/).fill("组织科、乡镇党委书记、驻村第一书记");
  await page.getByLabel(/^存在问题/).fill("试点村推进慢，台账不全。");
  await page.getByLabel(/^原因分析/).fill("村干部力量不足，分工不明确。");
  await page.getByLabel(/^对策措施/).fill("选派驻村指导员，每周调度一次。");
  await page.getByLabel(/^跟进责任人/).fill("组织科");
  await page.getByLabel(/^跟进期限/).fill(new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16));
  await page.getByRole("button", { name: "记录会诊" }).click();
  const record = page.getByRole("list", { name: "会诊记录" }).getByRole("listitem").filter({ hasText: "选派驻村指导员，每周调度一次。" });
  await expect(record).toBeVisible();
  // The form closes once the 会诊 is recorded; the button opens a fresh one.
  await expect(page.getByRole("button", { name: "记录会诊" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "发起会诊" })).toBeVisible();
  await expect(page.getByRole("list", { name: "进程" })).toContainText("选派驻村指导员");
  await record.getByLabel("跟进结果").fill("已选派指导员，试点村进度赶上。");
  await record.getByRole("button", { name: "记录跟进结果" }).click();
  await expect(record).toContainText("跟进结果：已选派指导员，试点村进度赶上。");
});
