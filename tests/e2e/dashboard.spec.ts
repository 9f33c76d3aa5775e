import type { Page } from "@playwright/test";
import { expect as baseExpect, signIn, test } from "./support";
import { startedProjects } from "./support/projects";

// The home page now renders the dashboards; on a busy shared dev server a first render can take a while.
const expect = baseExpect.configure({ timeout: 30_000 });

async function signInAndWait(page: Page, username: string) {
  await signIn(page, username);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** The number a dashboard link stands for, from its label ("实施中 49"). */
async function numberOf(page: Page, name: RegExp) {
  const link = page.getByRole("main").getByRole("link", { name }).first();
  const label = (await link.getAttribute("aria-label")) ?? (await link.innerText());
  return { link, value: Number(label.match(/(\d+)\s*$/)![1]) };
}

test("管理员首页看到全县概览：图表有文字说明，点击实施中的数字进入筛选后的项目清单，条数一致", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAndWait(page, "admin");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: /全县概览 · \d{4} 年度/ })).toBeVisible();
  for (const title of ["项目状态", "推进过程：选题 → 申报 → 立项 → 结项", "项目分布", "季度按时报送率", "节点滞后项目", "乡镇一览", "历年对比"]) {
    await expect(main.getByRole("heading", { name: title, exact: true })).toBeVisible();
  }
  // Every chart is a picture with its numbers in words.
  const stateChart = main.getByRole("img", { name: /项目按状态：.*实施中 \d+个/ });
  await expect(stateChart).toBeVisible();
  await expect(stateChart.locator("title")).toHaveText(/实施中 \d+个/);
  await expect(main.getByText(/按时报送率 = 截止时间已过的季度中/)).toBeVisible();
  await expect(main.getByTestId("township-row").first()).toBeVisible();
  expect(await main.getByTestId("township-row").count()).toBeGreaterThanOrEqual(18);
  await expect(main.getByTestId("township-row").first().getByRole("img").first()).toHaveAttribute("aria-label", /历年申报项目数|项目构成/);

  const { link, value } = await numberOf(page, /^实施中 \d+$/);
  expect(value).toBeGreaterThan(0);
  await link.click();
  await expect(page).toHaveURL(/\/projects\?year=\d{4}&state=IN_PROGRESS/);
  await expect(page.getByLabel("状态")).toHaveValue("IN_PROGRESS");
  await expect(page.getByText(`共 ${value} 条`)).toBeVisible();

  // Approvals count the whole approved stage; the list's filter matches.
  await page.goto("/");
  const approved = await numberOf(page, /^已立项 \d+$/);
  await approved.link.click();
  await expect(page).toHaveURL(/stage=approved/);
  await expect(page.getByText(`共 ${approved.value} 条`)).toBeVisible();

  // Lagging projects: the report grid filtered to them.
  await page.goto("/");
  const lagging = await numberOf(page, /^节点滞后项目 \d+$/);
  await lagging.link.click();
  await expect(page).toHaveURL(/\/reports\?year=\d{4}&lagging=1/);
  await expect(page.getByLabel("只看节点滞后的项目")).toBeChecked();
  await expect(page.getByText(`共 ${lagging.value} 条`)).toBeVisible();
  await expect(
    page
      .getByTestId("grid-row")
      .first()
      .getByText(/滞后 \d+ 个节点/),
  ).toBeVisible();

  // An earlier year.
  await page.goto("/");
  await main.getByRole("combobox", { name: "年度", exact: true }).selectOption("2025");
  await main.getByRole("button", { name: "查看" }).click();
  await expect(main.getByRole("heading", { name: "全县概览 · 2025 年度" })).toBeVisible();
  const proposals = await numberOf(page, /^申报项目 \d+$/);
  await proposals.link.click();
  await expect(page).toHaveURL(/\/projects\?year=2025$/);
  await expect(page.getByText(`共 ${proposals.value} 条`)).toBeVisible();
});

test("县委领导看到同样的全县概览，只读：没有办理按钮", async ({ page }) => {
  await signInAndWait(page, "leader");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: /全县概览 · \d{4} 年度/ })).toBeVisible();
  await expect(main.getByRole("img", { name: /推进过程/ })).toBeVisible();
  // The only button is the year picker's.
  expect(await main.getByRole("button").allInnerTexts()).toEqual(["查看"]);
  await expect(main.getByText("本单位待办")).toHaveCount(0);
  const township = await numberOf(page, /^青石镇申报 \d+$/);
  await township.link.click();
  await expect(page).toHaveURL(/unitId=/);
  await expect(page.getByText(`共 ${township.value} 条`)).toBeVisible();
});

test("乡镇填报员首页看到本单位待办和截止时间，点开一项去办理", async ({ page, openPage }) => {
  test.setTimeout(120_000);
  // 青石镇's own project, started now: its current quarter's report is on the unit's to-do.
  const [project] = await startedProjects(openPage, { clerk: "unit", prefix: "待办季报" });
  await signInAndWait(page, "unit");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: "全县概览", exact: false })).toHaveCount(0);
  const todo = main.getByRole("list", { name: "待办事项" });
  await expect(todo).toBeVisible();
  const report = todo.getByTestId("todo-item").filter({ hasText: "季度报告" }).filter({ hasText: project.title });
  await expect(report).toContainText(/截止 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  // Not due yet: the countdown says how long is left.
  await expect(report).toContainText(/还剩/);
  await expect(main.getByRole("img", { name: /本单位项目按状态/ })).toBeVisible();

  await report.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/reports/${project.id}/\\d{4}/[1-4]$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(project.title);
});

test("评审专家首页看到评审进度（已评/总数），点开进入评审任务", async ({ page }) => {
  await signInAndWait(page, "reviewer");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: "评审进度" })).toBeVisible();
  const item = main.getByTestId("review-progress").first();
  await expect(item).toContainText(/已评 \d+\/\d+/);
  await expect(item.getByRole("img")).toHaveAttribute("aria-label", /已完成 \d+ 项，共 \d+ 项/);
  await expect(main.getByRole("heading", { name: /全县概览/ })).toHaveCount(0);
  await item.getByRole("link", { name: /已评/ }).click();
  await expect(page.getByRole("heading", { name: "评审任务" })).toBeVisible();
});

test.describe("手机宽度", () => {
  test.setTimeout(120_000);
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  async function expectNoHorizontalOverflow(page: Page, what: string) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${what}：页面宽 ${scrollWidth}px，屏幕宽 ${innerWidth}px`).toBeLessThanOrEqual(innerWidth + 1);
  }

  test("手机上各角色的首页看板不横向溢出", async ({ page, openPage }) => {
    await signInAndWait(page, "admin");
    await expect(page.getByRole("heading", { name: /全县概览/ })).toBeVisible();
    await expectNoHorizontalOverflow(page, "管理员首页");
    const unit = await openPage();
    await unit.setViewportSize({ width: 390, height: 844 });
    await signInAndWait(unit, "unit");
    await expect(unit.getByRole("list", { name: "待办事项" })).toBeVisible();
    await expectNoHorizontalOverflow(unit, "单位首页");
  });
});
