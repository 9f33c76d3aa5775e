// Issue 20: what got in the way when each role was clicked through as a new user would.
import type { Page } from "@playwright/test";
import { expect, expectStage, fieldError, signInAndWait, test, unique } from "./support";

const year = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** A control by its label, required marker (*) or not. */
function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}\\*?$`));
}

async function newProposal(page: Page) {
  await page.goto("/projects");
  await page.getByRole("button", { name: "新建申报书" }).click();
  await expect(page.getByRole("heading", { name: "填写申报书" })).toBeVisible();
}

/** Every part of the proposal form but the fifth self-assessment (the one typed last). */
async function fillAllButLast(page: Page, title: string) {
  await field(page, "项目名称").fill(title);
  await field(page, "责任领导").fill("周书记");
  await field(page, "联系方式").fill("13900001111");
  await page.getByLabel("类别").selectOption({ label: "基层党建" });
  await page.getByLabel("着眼领域").selectOption({ label: "难点领域" });
  await page.getByLabel("目标层次").selectOption({ label: "特色工作创品牌" });
  await field(page, "拟解决的问题").fill("村级服务力量不足。");
  await page.getByRole("checkbox", { name: "机制创新" }).check();
  await page.getByRole("checkbox", { name: "社区", exact: true }).check();
  await page.getByRole("checkbox", { name: /^联一联/ }).check();
  await field(page, "目标").fill("全镇 12 个村党员志愿服务队全覆盖。");
  await field(page, "主要措施").fill("按村组建服务队，每月固定服务日。");
  await field(page, "预期成效").fill("群众满意度明显提升。");
  await page.getByLabel("第 1 个节点的内容").fill("组建服务队");
  await page.getByLabel("第 1 个节点的日期").fill(`${year()}-12-20`);
  await field(page, "人力投入").fill("专班 2 人");
  await field(page, "资金投入").fill("1 万元");
  for (const index of [1, 2, 3, 4]) await page.getByLabel(new RegExp(`^${index}\\. `)).fill("符合本镇实际，有推广价值。");
}

test("申报书：提交后标出的缺项随填写逐项消失，提示的数目随之减少", async ({ page }) => {
  await signInAndWait(page, "z008");
  await newProposal(page);
  await page.getByRole("button", { name: "提交申报" }).click();
  const banner = page.getByText(/还有 \d+ 处需要补充/);
  await expect(banner).toBeVisible();
  const count = Number((await banner.innerText()).match(/还有 (\d+) 处/)?.[1]);
  expect(count).toBeGreaterThan(10);
  await expect(fieldError(field(page, "项目名称"))).toHaveText("请填写项目名称");

  await field(page, "项目名称").fill(unique("缺项即时消失"));
  await expect(fieldError(field(page, "项目名称"))).toHaveCount(0);
  await expect(banner).toHaveText(new RegExp(`还有 ${count - 1} 处需要补充`));
  await page.getByRole("checkbox", { name: "机制创新" }).check();
  await expect(banner).toHaveText(new RegExp(`还有 ${count - 2} 处需要补充`));
  // Each field filled takes one off the count.
  await field(page, "责任领导").fill("周书记");
  await expect(banner).toHaveText(new RegExp(`还有 ${count - 3} 处需要补充`));
  await fillAllButLast(page, unique("缺项即时消失"));
  await expect(banner).toHaveText(/还有 1 处需要补充/);
  await page.getByLabel(/^5\. /).fill("有推广价值。");
  await expect(banner).toHaveCount(0);
});

test("申报书：自动保存未完成时立刻点提交，提交的是刚填的内容，不报冲突（连续几轮）", async ({ page }) => {
  test.setTimeout(150_000);
  await signInAndWait(page, "z008");
  await newProposal(page);
  // Each server action takes 0.7 s longer, as on a slow county network: the autosave is still in flight when the
  // user clicks 提交申报.
  await page.route(
    (url) => url.pathname.startsWith("/projects/"),
    async (route) => {
      if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    },
  );
  await fillAllButLast(page, unique("保存与提交"));
  for (const round of [1, 2, 3, 4]) {
    await field(page, "目标").fill(`第 ${round} 轮目标：全镇服务队全覆盖。`);
    await expect(page.getByTestId("save-state")).toContainText("正在保存");
    await page.getByLabel(/^5\. /).fill(`第 ${round} 轮自评：有推广价值。`);
    await page.getByRole("button", { name: "提交申报" }).click();
    await expect(page.getByText("申报书已提交。")).toBeVisible();
    await expect(page.getByText("该记录已被他人修改")).toHaveCount(0);
    await expectStage(page, "已申报");
    await expect(page.getByText(`第 ${round} 轮自评：有推广价值。`)).toBeVisible();
    await expect(page.getByText(`第 ${round} 轮目标：全镇服务队全覆盖。`)).toBeVisible();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "撤回" }).click();
    await expectStage(page, "草稿");
    await page.getByRole("link", { name: "填写申报书" }).click();
    await expect(page.getByRole("button", { name: "提交申报" })).toBeVisible();
  }
});
