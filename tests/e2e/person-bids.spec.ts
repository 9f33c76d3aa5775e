// 个人投标 (issue 19 point 4): cadres bid for a topic in their own name, on a desk and on a phone; the admin compares
// the bids side by side, holds a defence scored by a reviewer with the year's rubric, and awards the topic to one
// person, whose 四个一 page then shows the topic won and who writes and submits the project's proposal.
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, expectStage, fieldError, signInAndWait, test, unique } from "./support";
import { field, fillProposal } from "./proposal-support";
import { beijingInput, openTopic, publishDrafts } from "./topic-support";

async function nameOf(page: Page) {
  return (await page.getByTestId("current-user").innerText()).split(" · ")[0].trim();
}

/** On the admin's page: drafts a bidding topic open to individual cadres and returns its code. */
async function draftPersonTopic(page: Page, title: string) {
  await page.goto("/topics/new");
  await page.getByLabel("选题名称").fill(title);
  await page.getByLabel("选题说明").fill(`${title}：面向年轻干部招标，答辩择优，中标人牵头实施。`);
  await page.getByLabel("类别").selectOption({ label: "干部工作" });
  await page.getByLabel("着眼领域").selectOption({ label: "重点领域" });
  await page.getByLabel("目标层次").selectOption({ label: "创新工作出精品" });
  await page.getByLabel("认领方式").selectOption({ label: "招投标" });
  await page.getByLabel("认领截止时间").fill(beijingInput(7));
  await page.getByRole("checkbox", { name: /同时接受干部个人投标/ }).check();
  await page.getByRole("button", { name: "保存草稿" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(title);
  return (await heading.innerText()).split(" ")[0];
}

async function bid(page: Page, plan: { approach: string; steps: string; expected: string }) {
  const form = page.getByRole("form", { name: "个人投标" });
  await form.getByLabel("工作思路").fill(plan.approach);
  await form.getByLabel("实施步骤").fill(plan.steps);
  await form.getByLabel("预期成效").fill(plan.expected);
  await form.getByRole("button", { name: "提交个人投标" }).click();
  await expect(page.getByTestId("own-person-bid")).toContainText("已投标");
}

test("干部在电脑和手机上个人投标，管理员比较、组织答辩、评审打分后定标，中标人的四个一页面显示中标选题", async ({ page, openPage, browser }) => {
  // Five people at once (two bidders, the admin, a reviewer, the winner again): a long journey.
  test.setTimeout(240_000);
  const title = unique("年轻干部擂台");
  await signInAndWait(page, "admin");
  const code = await draftPersonTopic(page, title);
  await expect(page.getByText("接受干部个人投标")).toBeVisible();
  await publishDrafts(page);

  // A department cadre at the desk: a missing field is named next to it, what was typed stays.
  const staff = await openPage();
  await signInAndWait(staff, "staff");
  const staffName = await nameOf(staff);
  await openTopic(staff, code);
  const form = staff.getByRole("form", { name: "个人投标" });
  await form.getByLabel("工作思路").fill("擂台比武，公开答辩");
  await form.getByRole("button", { name: "提交个人投标" }).click();
  await expect(fieldError(form.getByLabel("实施步骤"))).toHaveText("请填写实施步骤");
  await expect(form.getByLabel("工作思路")).toHaveValue("擂台比武，公开答辩");
  await bid(staff, { approach: "擂台比武，公开答辩，现场比拼", steps: "三月征题，五月擂台，十一月运用", expected: "发现一批想干事能干事的年轻干部" });
  await staff.getByRole("button", { name: "修改投标" }).click();
  await staff.getByRole("form", { name: "个人投标" }).getByLabel("预期成效").fill("擂台结果纳入年度考核，发现一批年轻干部");
  await staff.getByRole("button", { name: "保存修改" }).click();
  await expect(staff.getByTestId("own-person-bid")).toContainText("擂台结果纳入年度考核");
  // The bidder's own step bar: where the bid stands, who holds it, what they may do and by when.
  const myBar = staff.getByRole("navigation", { name: "我的投标进程" });
  await expect(myBar.locator('[aria-current="step"]')).toContainText("已投标");
  await expect(myBar).toContainText("当前：本人（截止前可修改、撤回）");
  await expect(myBar).toContainText("您可以：修改投标、撤回投标");
  await expect(myBar.getByTestId("stage-deadline")).toContainText("投标截止：");

  // A township's cadre on a phone (390×844): the form fits the screen.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const phone = await phoneContext.newPage();
    await signInAndWait(phone, "unit");
    const unitName = await nameOf(phone);
    await openTopic(phone, code);
    await bid(phone, { approach: "一人一题，驻村攻坚", steps: "三月定题，十月验收", expected: "薄弱村集体经济全部达标" });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The admin compares the bids side by side, closes the bidding and holds a defence.
    const reviewer = await openPage();
    await signInAndWait(reviewer, "reviewer");
    const reviewerName = await nameOf(reviewer);
    await openTopic(page, code);
    const comparison = page.getByRole("table", { name: "个人投标比较" });
    await expect(comparison.getByRole("columnheader")).toHaveText(["", staffName, unitName]);
    await expect(comparison).toContainText("擂台比武，公开答辩，现场比拼");
    await expect(comparison).toContainText("一人一题，驻村攻坚");
    await expect(page.getByText(/后才能答辩和评定/)).toBeVisible();
    await page.getByLabel("理由").fill("投标人已足够，进入答辩");
    await page.getByRole("button", { name: "提前截止认领" }).click();
    await expect(page.getByText("已截止")).toBeVisible();
    const arrange = page.getByRole("form", { name: "安排答辩" });
    await arrange.getByRole("button", { name: "安排答辩" }).click();
    await expect(fieldError(arrange.getByLabel("答辩地点"))).toHaveText("请填写答辩地点");
    await arrange.getByLabel("答辩时间").fill(beijingInput(1));
    await arrange.getByLabel("答辩地点").fill("县委组织部三楼会议室");
    await arrange.getByRole("checkbox", { name: `${reviewerName}（县委党校）` }).check();
    await arrange.getByRole("button", { name: "安排答辩" }).click();
    await expect(page.getByText(/答辩：.*县委组织部三楼会议室/)).toBeVisible();
    const adminDefence = page.getByRole("navigation", { name: "答辩进程" });
    await expect(adminDefence.locator('[aria-current="step"]')).toContainText("评分中");
    await expect(adminDefence).toContainText("您可以：安排答辩、结束评分");
    // The bidder now sees that the panel holds the bid, when and where, and that there is nothing for them to do.
    await staff.reload();
    await expect(myBar).toContainText("当前：评审专家答辩评分");
    await expect(myBar).toContainText("县委组织部三楼会议室");
    await expect(myBar).not.toContainText("您可以");

    // The reviewer is told, and scores both bidders with the year's rubric.
    await reviewer.goto("/notifications");
    await expect(reviewer.getByRole("listitem").filter({ hasText: `请参加选题 ${code} 个人投标答辩评分` })).toBeVisible();
    await openTopic(reviewer, code);
    await expect(reviewer.getByRole("heading", { name: "个人投标答辩评分" })).toBeVisible();
    const reviewerBar = reviewer.getByRole("navigation", { name: "答辩进程" });
    await expect(reviewerBar).toContainText("您可以：答辩评分");
    await expect(reviewerBar.getByTestId("stage-deadline")).toContainText("答辩时间：");
    for (const [person, points] of [
      [staffName, "9"],
      [unitName, "7"],
    ] as const) {
      const sheet = reviewer.getByRole("article", { name: `${person}的答辩评分` });
      const inputs = sheet.getByRole("spinbutton");
      for (let i = 0; i < (await inputs.count()); i++) {
        await inputs.nth(i).fill(points);
        await expect(inputs.nth(i)).toHaveValue(points);
      }
      await sheet.getByRole("button", { name: "提交评分" }).click();
      await expect(sheet.getByTestId("defence-total")).toHaveText(`已评分：${Number(points) * 10} 分`);
    }

    // The admin sees the ranking, ends the scoring and awards the topic to the first.
    await page.reload();
    await expect(comparison).toContainText("第 1 名 · 90.00 分（1 位评审）");
    await expect(comparison).toContainText("第 2 名 · 70.00 分");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "结束答辩评分" }).click();
    await expect(page.getByText(/答辩评分已结束（共 2 份评分）/)).toBeVisible();
    await expect(adminDefence.locator('[aria-current="step"]')).toContainText("评分已结束");
    await expect(adminDefence).toContainText("您可以：评定中标人");
    await page.getByRole("radio", { name: `${staffName}中标` }).check();
    await page.getByRole("button", { name: "确定中标人" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请写明未中标的理由" })).toBeVisible();
    await page.getByRole("textbox", { name: `${unitName}的评定意见` }).fill("答辩第二名，思路可在本镇先行探索。");
    await page.getByRole("button", { name: "确定中标人" }).click();
    await expect(comparison.getByRole("row", { name: "结果 中标 未中标", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "确定中标人" })).toHaveCount(0);

    // The person bids go out to Excel.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).last().click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await download).path());
    const sheet = workbook.getWorksheet("个人投标")!;
    expect(sheet.getRow(3).getCell(1).value).toBe(staffName);
    expect(sheet.getRow(3).getCell(10).value).toBe("中标");

    // The loser hears why (on the phone); the winner finds the topic on their record and leads the project.
    await phone.goto("/notifications");
    await expect(phone.getByText(`您未中标选题 ${code}`)).toBeVisible();
    await phone.goto("/topics/my-bids");
    await expect(phone.getByRole("row").filter({ hasText: title })).toContainText("未中标");
    await staff.goto("/practice");
    const won = staff.getByRole("list", { name: "中标选题" });
    await expect(won).toContainText(`${code} ${title}`);
    await won.getByRole("link", { name: "查看项目" }).first().click();
    await expect(staff.getByRole("heading", { level: 1 })).toContainText(title);
    // The winner, a cadre of a section (no unit account to write it for them), writes the proposal and submits it.
    await staff.getByRole("link", { name: "填写申报书" }).click();
    await expect(staff.getByLabel("项目名称")).toHaveValue(title);
    await expect(field(staff, "主要措施")).toHaveValue(/擂台比武，公开答辩，现场比拼/);
    await fillProposal(staff);
    await staff.getByRole("button", { name: "提交申报" }).click();
    await expect(staff.getByText("申报书已提交。")).toBeVisible();
    await expectStage(staff, "已申报");
    await expect(staff.getByRole("button", { name: "撤回" })).toBeVisible();
    // Their home page keeps the project in view: no unit dashboard lists it for a department cadre.
    await staff.goto("/");
    await expect(staff.getByRole("list", { name: "我牵头的项目" }).getByRole("listitem").filter({ hasText: title })).toContainText("已申报");
  } finally {
    await phoneContext.close();
  }
});
