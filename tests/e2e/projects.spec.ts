import { expect, expectStage, fieldError, STAFF_IN_SECTION, signInAndWait, test, unique } from "./support";
import { draftTopic, openTopic, publishDrafts } from "./topic-support";
import { field, fillProposal } from "./proposal-support";
import { startedProjects } from "./support/projects";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

test("乡镇认领选题并据此申报（含附件）；管理员退回补充；乡镇修改后重新提交；联系人填写指导记录", async ({ page, openPage }) => {
  test.setTimeout(150_000);
  const title = unique("党员志愿服务队");
  const staff = page;
  await signInAndWait(staff, "staff");
  const code = await draftTopic(staff, { title });
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await publishDrafts(admin);

  const clerk = await openPage();
  await signInAndWait(clerk, "z007");
  await openTopic(clerk, code);
  await clerk.getByRole("button", { name: "认领该选题" }).click();
  await clerk.getByRole("button", { name: "据此申报创新项目" }).click();
  await expect(clerk.getByRole("heading", { name: `申报书：${title}` })).toBeVisible();
  await expect(clerk.getByLabel("项目名称")).toHaveValue(title);
  await expect(clerk.getByLabel("类别")).toHaveValue("PARTY_BUILDING");
  await expect(clerk.getByLabel("拟解决的问题")).toHaveValue(new RegExp(title));
  // The topic it came from is in the system: the form points to it as similar work.
  await expect(clerk.getByRole("complementary", { name: "相似的项目和选题" })).toContainText(title);

  await fillProposal(clerk, ["预期成效"]);
  await clerk.getByLabel("选择附件").setInputFiles({ name: "实施方案.pdf", mimeType: "application/pdf", buffer: PDF });
  await clerk.getByRole("button", { name: "上传附件" }).click();
  await expect(clerk.getByRole("link", { name: "实施方案.pdf" })).toBeVisible();
  await clerk.getByLabel("选择附件").setInputFiles({ name: "伪装.pdf", mimeType: "application/pdf", buffer: Buffer.from("不是 PDF") });
  await clerk.getByRole("button", { name: "上传附件" }).click();
  await expect(clerk.getByRole("alert").filter({ hasText: "不支持该文件类型" })).toBeVisible();

  await clerk.getByRole("button", { name: "提交申报" }).click();
  await expect(fieldError(field(clerk, "预期成效"))).toHaveText("请填写预期成效");
  await expect(field(clerk, "目标")).toHaveValue("全镇 12 个村党员志愿服务队全覆盖。");
  await field(clerk, "预期成效").fill("群众满意度明显提升。");
  await clerk.getByRole("button", { name: "提交申报" }).click();
  await expect(clerk.getByText("申报书已提交。")).toBeVisible();
  await expectStage(clerk, "已申报");
  await expect(clerk.getByRole("link", { name: "填写申报书" })).toHaveCount(0);
  const projectUrl = clerk.url().replace(/\?.*$/, "");

  // Before its hearing the township may take it back (撤回) and submit it again.
  clerk.once("dialog", (dialog) => dialog.accept());
  await clerk.getByRole("button", { name: "撤回" }).click();
  await expectStage(clerk, "草稿");
  // The step bar says by when the holder must act: the year's 项目申报 window.
  await expect(clerk.getByTestId("stage-deadline")).toHaveText(/^申报截止：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await clerk.getByRole("link", { name: "填写申报书" }).click();
  await clerk.getByRole("button", { name: "提交申报" }).click();
  await expectStage(clerk, "已申报");

  // 初审: the admin returns it for completion.
  await admin.goto(projectUrl);
  await expect(admin.getByRole("link", { name: "实施方案.pdf" })).toBeVisible();
  await admin.getByRole("button", { name: "退回补充" }).click();
  await admin.getByRole("button", { name: "确认退回补充" }).click();
  await expect(fieldError(admin.getByLabel("退回理由"))).toHaveText("请填写退回理由");
  await admin.getByLabel("退回理由").fill("请补充资金测算明细。");
  await admin.getByRole("button", { name: "确认退回补充" }).click();
  await expectStage(admin, "退回补充");
  // The demo account "staff" works in 组织科.
  const option = admin.getByLabel("联系人").locator("option", { hasText: STAFF_IN_SECTION });
  const liaison = (await option.innerText()).replace(/（.*$/, "");
  await admin.getByLabel("联系人").selectOption(await option.getAttribute("value"));
  await admin.getByRole("button", { name: "保存联系人" }).click();
  await expect(admin.getByText(`联系人：${liaison}`)).toBeVisible();

  await clerk.goto("/notifications");
  await clerk.getByRole("link", { name: `项目“${title}”退回补充` }).click();
  await clerk.getByRole("link", { name: "修改并重新提交" }).click();
  await expect(clerk.getByText("退回意见：请补充资金测算明细。")).toBeVisible();
  await field(clerk, "资金投入").fill("1 万元（服装 0.6 万，培训 0.4 万）");
  await clerk.getByRole("button", { name: "重新提交" }).click();
  await expectStage(clerk, "已申报");
  // Three versions now: submitted, resubmitted after 撤回, resubmitted after the return.
  await clerk.getByRole("link", { name: "与上一版比较" }).first().click();
  await expect(clerk.getByRole("heading", { name: "第 3 版申报书（与第 2 版比较）" })).toBeVisible();
  await expect(clerk.getByText("共 1 处改动")).toBeVisible();
  await expect(clerk.locator("ins")).toContainText("（服装 0.6 万，培训 0.4 万）");

  // The liaison finds the project in their list and writes guidance.
  const guide = await openPage();
  await signInAndWait(guide, "staff");
  await guide.goto("/projects?liaison=me");
  await guide.getByRole("link", { name: title }).click();
  await guide.getByLabel("指导内容").fill("建议先在两个村试点，服务日固定在每月 5 日。");
  await guide.getByRole("button", { name: "添加指导记录" }).click();
  await expect(guide.getByRole("list", { name: "指导记录" })).toContainText("服务日固定在每月 5 日");
  await clerk.goto(projectUrl);
  await expect(clerk.getByRole("list", { name: "指导记录" })).toContainText("服务日固定在每月 5 日");
  await expect(clerk.getByRole("list", { name: "进程" })).toContainText("退回补充");

  // The admins hear of new submissions in the next morning's digest rather than one notice each; they can look now.
  await admin.goto("/notifications?kind=submission");
  const held = admin.getByRole("region", { name: "待汇总" });
  await expect(held).toContainText("的每日汇总中通知您");
  await held.getByRole("link", { name: "现在查看" }).click();
  await expect(
    admin
      .getByRole("list", { name: "待汇总的通知" })
      .getByRole("link", { name: `新的申报：${title}` })
      .first(),
  ).toBeVisible();
  await expect(admin.getByText(`新的申报：${title}`)).toHaveCount(3);
  // Marking read per group: only 新提交 here.
  await admin.getByRole("button", { name: "“新提交”全部标为已读" }).click();
  await expect(admin.getByText("未读：")).toHaveCount(0);
});

test("同一草稿在两个窗口修改：后保存的一方看到冲突提示，不会悄悄覆盖", async ({ page, openPage }) => {
  await signInAndWait(page, "z008");
  await page.goto("/projects");
  await page.getByRole("button", { name: "新建申报书" }).click();
  await expect(page.getByRole("heading", { name: "填写申报书" })).toBeVisible();
  const url = page.url();
  const other = await openPage();
  await signInAndWait(other, "z008");
  await other.goto(url);

  await page.getByLabel("项目名称").fill("甲窗口的名称");
  await expect(page.getByTestId("save-state")).toContainText("已自动保存");
  await other.getByLabel("项目名称").fill("乙窗口的名称");
  await expect(other.getByTestId("save-state")).toContainText("已在别处修改");
  await other.reload();
  await expect(other.getByLabel("项目名称")).toHaveValue("甲窗口的名称");
});

test("另一个乡镇打不开别人的申报书和附件", async ({ page, openPage }) => {
  await signInAndWait(page, "z009");
  await page.goto("/projects");
  await page.getByRole("button", { name: "新建申报书" }).click();
  await expect(page.getByRole("heading", { name: "填写申报书" })).toBeVisible();
  await page.getByLabel("选择附件").setInputFiles({ name: "方案.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "上传附件" }).click();
  const link = page.getByRole("link", { name: "方案.pdf" });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  const projectUrl = page.url().replace(/\/edit$/, "");
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);

  const stranger = await openPage();
  await signInAndWait(stranger, "z010");
  expect((await stranger.goto(projectUrl))?.status()).toBe(404);
  expect((await stranger.request.get(href)).status()).toBe(404);
});

test("管理员对实施中的项目办理结项（须写总结）和终止（须写理由）", async ({ page, openPage }) => {
  test.setTimeout(120_000);
  await signInAndWait(page, "admin");
  // Two projects of its own, being implemented: one to complete, one to terminate.
  const [toComplete, toTerminate] = await startedProjects(openPage, { clerk: "z011", count: 2, prefix: "结项终止", admin: page });
  await page.goto(toComplete.url);
  await page.getByRole("button", { name: "结项" }).click();
  await page.getByRole("button", { name: "确认结项" }).click();
  await expect(fieldError(page.getByLabel(/^结项总结/))).toHaveText("请填写结项总结");
  await page.getByLabel(/^结项总结/).fill("全面完成年度目标，形成制度 2 项。");
  await page.getByRole("button", { name: "确认结项" }).click();
  await expectStage(page, "已结项");
  await expect(page.getByText("全面完成年度目标，形成制度 2 项。").first()).toBeVisible();

  // Found again in the list of projects being implemented, as the admin would.
  await page.goto(`/projects?state=IN_PROGRESS&q=${encodeURIComponent(toTerminate.title)}`);
  await page.locator("tbody tr").filter({ hasText: toTerminate.title }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`${toTerminate.url}$`));
  await page.getByRole("button", { name: "终止" }).click();
  await page.getByLabel(/^终止理由/).fill("牵头单位职责划转，经研究终止。");
  await page.getByRole("button", { name: "确认终止" }).click();
  await expectStage(page, "已终止");
  await expect(page.getByRole("list", { name: "进程" })).toContainText("牵头单位职责划转，经研究终止。");
});
