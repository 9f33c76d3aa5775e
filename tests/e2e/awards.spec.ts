import type { Page } from "@playwright/test";
import { expect, expectStage, fieldError, signInAndWait, test } from "./support";

// The 2024 demo year has no campaign: the journey opens one, so it does not depend on the demo campaigns' state.
const YEAR = 2024;
const TITLE = `${YEAR}年度组织工作改革创新评比表彰`;
const DIGITS = "一二三四五六七八九";
const JURORS = [
  { username: "reviewer", label: "万梓萱（县委党校）" },
  { username: "reviewer3", label: "关梓睿（县政协办公室）" },
  { username: "reviewer4", label: "孙梓诚（县人大常委会办公室）" },
];
const PERSON = "林晓岚";

async function openCampaign(page: Page) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "评比表彰" }).click();
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
}

async function answerChallenge(page: Page) {
  const question = await page.getByText(/^验证题：/).innerText();
  const [, a, b] = question.match(/验证题：(.)加(.)等于几/)!;
  await page.getByLabel(/^验证题/).fill(String(DIGITS.indexOf(a) + 1 + DIGITS.indexOf(b) + 1));
}

// Serial: each journey continues the campaign the one before left. No retry: a retried group would start again
// from opening a campaign that already exists, hiding the first failure behind a second one.
test.describe.configure({ mode: "serial", retries: 0 });

let projectTitle = "";

test("管理员开启评比表彰：权重合计不对、评委不足时在字段旁提示，改正后开启", async ({ page }) => {
  await signInAndWait(page, "admin");
  // A new campaign starts from the year's 评比表彰推荐 window (saving it writes that window: one deadline).
  await page.goto("/years");
  await page
    .getByRole("row")
    .filter({ hasText: `${YEAR} 年度` })
    .getByRole("link", { name: "时间安排" })
    .click();
  const window = [await page.locator("#NOMINATION_start").inputValue(), await page.locator("#NOMINATION_end").inputValue()];
  expect(window[1]).toMatch(/T23:59$/);
  await page.goto(`/awards/new?year=${YEAR}`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("推荐开始时间")).toHaveValue(window[0]);
  await expect(page.getByLabel("推荐截止时间")).toHaveValue(window[1]);
  // That window is long past: opened an hour ago instead, so that a later test can close nominations at the current
  // minute, until 23:59 a fortnight on.
  await page.getByLabel("推荐开始时间").fill(new Date(Date.now() - 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16));
  await page.getByLabel("推荐截止时间").fill(`${new Date(Date.now() + 14 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)}T23:59`);
  await page.getByLabel("评委评分权重").fill("40");
  await page.getByRole("button", { name: "开启评比表彰" }).click();
  await expect(page.locator('[data-field="weights"]').getByRole("alert")).toHaveText("各项权重合计须为 100%，现为 90%");
  await expect(page.locator('[data-field="jurorIds"]').getByRole("alert")).toHaveText("评委至少 3 人");
  await expect(page.getByLabel("评委评分权重")).toHaveValue("40");
  await page.getByLabel("评委评分权重").fill("50");
  for (const juror of JURORS) await page.getByRole("checkbox", { name: juror.label }).check();
  await page.getByRole("button", { name: "开启评比表彰" }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expectStage(page, "推荐中");
  await expect(page.getByRole("list", { name: "排名公式" })).toContainText("评委评分 × 50%");
});

test("两个乡镇在名额内推荐：先错后改，所填内容不丢；各单位只看到本单位的推荐", async ({ page, openPage }) => {
  await signInAndWait(page, "z001");
  await openCampaign(page);
  await page.getByRole("link", { name: "推荐", exact: true }).click();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("推荐理由").fill("该项目在全镇推开，群众满意度高，做法可复制。");
  await page.getByRole("button", { name: "提交推荐" }).click();
  await expect(fieldError(page.getByLabel("推荐项目"))).toHaveText("请选择推荐的项目");
  await expect(page.getByLabel("推荐理由")).toHaveValue("该项目在全镇推开，群众满意度高，做法可复制。");
  await page.getByLabel("推荐项目").selectOption({ index: 1 });
  projectTitle = (await page.getByLabel("推荐项目").locator("option:checked").innerText()).trim();
  await page.getByRole("button", { name: "提交推荐" }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByRole("link", { name: projectTitle })).toBeVisible();

  const baisha = await openPage();
  await signInAndWait(baisha, "z004");
  await openCampaign(baisha);
  await baisha.getByRole("link", { name: "推荐", exact: true }).click();
  await baisha.waitForLoadState("networkidle");
  await baisha.getByRole("radio", { name: /创新性人才/ }).check();
  await baisha.getByLabel("姓名").fill(PERSON);
  await baisha.getByLabel("单位职务").fill("白沙镇党委组织委员");
  await baisha.getByLabel("主要事迹").fill("推行无职党员设岗定责。");
  await baisha.getByLabel("推荐理由").fill("敢于创新，成效明显。");
  await baisha.getByRole("button", { name: "提交推荐" }).click();
  await expect(fieldError(baisha.getByLabel("主要事迹"))).toHaveText("主要事迹至少 50 个字");
  await baisha
    .getByLabel("主要事迹")
    .fill(
      "推行无职党员设岗定责，设置政策宣传、矛盾调解、环境监督等八类岗位，全镇三百余名无职党员按岗履责，年底由群众评议，党员作用发挥明显，群众满意度测评达到百分之九十六。",
    );
  await baisha.locator('[data-field="ledProjectIds"]').getByRole("checkbox").first().check();
  await baisha.getByRole("button", { name: "提交推荐" }).click();
  await expect(baisha.getByRole("link", { name: PERSON })).toBeVisible();
  // Each unit sees its own nominations only.
  await expect(baisha.getByRole("link", { name: projectTitle })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("link", { name: PERSON })).toHaveCount(0);

  // The nominating unit's own nomination: where it stands, who holds it, what the unit may do and by when.
  await page.getByRole("link", { name: projectTitle }).click();
  const bar = page.getByRole("navigation", { name: "推荐进程" });
  await expectStage(page, "已推荐");
  await expect(bar).toContainText("当前：推荐单位（推荐截止前可以撤回）");
  await expect(bar).toContainText("您可以：撤回推荐（推荐截止前）");
  await expect(bar.getByTestId("stage-deadline")).toContainText("推荐截止：");
});

test("推荐截止后评委评分：回避本单位，漏项时提示", async ({ page, openPage }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, "admin");
  await openCampaign(page);
  await page.getByRole("link", { name: "设置" }).click();
  await page.waitForLoadState("networkidle");
  const past = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);
  await page.getByLabel("推荐截止时间").fill(past);
  await page.getByRole("button", { name: "保存设置" }).click();
  await expectStage(page, "评审中");

  for (const [index, juror] of JURORS.entries()) {
    const jury = await openPage();
    await signInAndWait(jury, juror.username);
    await jury.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "评审任务" }).click();
    for (const [entry, marks] of [
      [projectTitle, [9, 9, 8.5, 9]],
      [PERSON, [7, 7.5, 7, 6.5]],
    ] as const) {
      await jury.getByRole("link", { name: `评分：${entry}` }).click();
      await expect(jury.getByRole("heading", { name: entry })).toBeVisible({ timeout: 30_000 });
      await jury.waitForLoadState("networkidle");
      const inputs = jury.locator('[data-field="values"] input');
      if (index === 0 && entry === PERSON) {
        await inputs.nth(0).fill("7");
        await jury.getByRole("button", { name: "提交评分" }).click();
        await expect(jury.locator('[data-field="values"]').getByRole("alert")).toHaveText(/请为“.+”打分/);
      }
      for (const [i, mark] of marks.entries()) await inputs.nth(i).fill(String(mark - index * 0.5));
      await jury.getByRole("button", { name: "提交评分" }).click();
      await expect(jury.getByText(/评分已提交，总分/)).toBeVisible();
      await jury.getByRole("link", { name: "返回评审任务" }).click();
    }
  }
});

test("管理员生成拟表彰名单、说明理由调整后发布公示；群众提出异议，组工干部核实后异议成立，名单随之变化", async ({ page, openPage }) => {
  test.setTimeout(120_000);
  await signInAndWait(page, "admin");
  await openCampaign(page);
  await page.getByRole("button", { name: "生成拟表彰名单" }).click();
  await expect(page.getByText("拟表彰名单已生成。")).toBeVisible();
  const work = page.getByRole("region", { name: "创新性工作（全县党务干部）" }).getByRole("row").filter({ hasText: projectTitle });
  await expect(work).toContainText("一等奖");
  const person = page.getByRole("region", { name: "创新性人才（全县党务干部）" }).getByRole("row").filter({ hasText: PERSON });
  await expect(person).toContainText("十佳");

  await work.getByRole("button", { name: `调整${projectTitle}` }).click();
  const adjust = page.getByRole("form", { name: `调整${projectTitle}` });
  await adjust.getByLabel("调整为").selectOption({ label: "二等奖" });
  await adjust.getByRole("button", { name: "保存调整" }).click();
  await expect(fieldError(adjust.getByLabel("调整理由"))).toHaveText("请填写调整理由");
  await adjust.getByLabel("调整理由").fill("部务会研究：项目成效尚待检验，调整为二等奖");
  await adjust.getByRole("button", { name: "保存调整" }).click();
  await expect(work).toContainText("二等奖");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "发布公示" }).click();
  await expect(page.getByText(/拟表彰名单公示中，至 .+ 止，还有 5 个工作日/)).toBeVisible();
  // Which days the period counts, on the national calendar with 调休.
  const counted = page.getByTestId("announcement-days");
  await counted.getByText("计入公示期的 5 个工作日").click();
  await expect(counted.getByRole("listitem").filter({ hasText: "：计入" })).toHaveCount(5);

  // A visitor without an account reads the announcement and objects.
  const visitor = await openPage();
  await visitor.goto("/announcements");
  await visitor
    .getByRole("link", { name: new RegExp(`${YEAR}年度`) })
    .first()
    .click();
  await expect(visitor.getByText(projectTitle).first()).toBeVisible();
  const entry = await visitor.getByLabel("异议对象").locator("option", { hasText: projectTitle }).getAttribute("value");
  await visitor.getByLabel("异议对象").selectOption(entry!);
  await visitor.getByLabel("异议内容").fill("该项目第三季度的材料与实际情况不符，请组织核实。");
  await visitor.getByLabel("联系人").fill("赵先生");
  await visitor.getByLabel("联系电话").fill("12345");
  await answerChallenge(visitor);
  await visitor.getByRole("button", { name: "提交异议" }).click();
  await expect(fieldError(visitor.getByLabel("联系电话"))).toContainText("有效的手机号");
  await expect(visitor.getByLabel("异议内容")).toHaveValue("该项目第三季度的材料与实际情况不符，请组织核实。");
  await visitor.getByLabel("联系电话").fill("13800000000");
  await visitor.getByRole("button", { name: "提交异议" }).click();
  await expect(visitor.getByText("已收到您的异议，受理编号：")).toBeVisible();

  const staff = await openPage();
  await signInAndWait(staff, "staff");
  await openCampaign(staff);
  await staff.getByRole("link", { name: /异议处理（1 件待办）/ }).click();
  const handling = staff.getByRole("form", { name: "办理异议" });
  // Each objection shows its stage, who holds it, what the staff member may do and the 公示 deadline.
  const objectionBar = staff.getByRole("navigation", { name: /^异议 .+ 办理进程$/ });
  await expect(objectionBar.locator('[aria-current="step"]')).toContainText("待处理");
  await expect(objectionBar).toContainText("当前：管理员调查核实并答复");
  await expect(objectionBar).toContainText("您可以：异议成立、异议不成立");
  await expect(objectionBar.getByTestId("stage-deadline")).toContainText("公示截止：");
  await handling.getByLabel("调查核实情况").fill("经调阅季度报告并实地核查，第三季度报告所述成效与实际不符。");
  await handling.getByLabel("答复意见").fill("异议成立，撤销该项目拟表彰资格。");
  await handling.getByLabel("异议成立").check();
  await handling.getByLabel("撤销表彰").check();
  await handling.getByRole("button", { name: "办结" }).click();
  // Handled: the form is gone and the entry is off the list (only then does the admin's page change).
  await expect(staff.getByRole("form", { name: "办理异议" })).toHaveCount(0);
  await expect(staff.getByText(/已不在名单中/)).toBeVisible();
  await expect(objectionBar.locator('[aria-current="step"]')).toContainText("异议成立");
  await expect(objectionBar).not.toContainText("您可以");

  await page.reload();
  await expect(work).toContainText("未列入");
  await work.getByRole("link", { name: projectTitle }).click();
  await expect(page.getByText(/二等奖 → 不予表彰。异议成立/)).toBeVisible();
  // On the nomination's page the admin sees the campaign's stage it sits at and the deadline.
  await expectStage(page, "公示中");
  await expect(page.getByRole("navigation", { name: "推荐进程" })).toContainText("您可以在评比页面处理异议");
  await expect(page.getByRole("navigation", { name: "推荐进程" }).getByTestId("stage-deadline")).toContainText("公示截止：");
  await visitor.reload();
  await expect(visitor.getByText(projectTitle)).toHaveCount(0);
});
