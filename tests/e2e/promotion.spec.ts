import type { Page } from "@playwright/test";
import { expect, expectStage, fieldError, signInAndWait, test, unique } from "./support";
import { startedProjects } from "./support/projects";

/** A Beijing calendar day, `days` from today, as a date input takes it. */
const beijingDay = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** A word in the middle of the project's title: Chinese has no word breaks, the case library still finds it. */
const WORD = "设岗";

/**
 * On the admin's page: a department's project of this journey's own, taken to 已结项 (a demo project is never
 * changed by a journey); returns its address and title.
 */
async function completedProject(admin: Page, openPage: () => Promise<Page>) {
  const [project] = await startedProjects(openPage, { clerk: "b003", prefix: `无职党员${WORD}定责`, admin });
  await admin.goto(project.url);
  await admin.getByRole("button", { name: "结项" }).click();
  await admin.getByLabel(/^结项总结/).fill("全面完成年度目标，形成无职党员设岗定责办法。");
  await admin.getByRole("button", { name: "确认结项" }).click();
  await expectStage(admin, "已结项");
  return { href: project.url, title: project.title };
}

test("管理员认定示范项目，乡镇在案例库搜到并记录借鉴，项目页显示借鉴单位；领导只读；撤销后退出案例库", async ({ page, openPage }) => {
  test.setTimeout(150_000);
  const admin = page;
  await signInAndWait(admin, "admin");
  const { href, title } = await completedProject(admin, openPage);
  const projectId = href.split("/").pop()!;

  await admin.getByText("认定为品牌 / 精品 / 示范项目").click();
  const form = admin.getByRole("form", { name: "认定品牌精品示范" });
  await form.getByLabel(/^认定类型/).selectOption({ label: "示范" });
  await form.getByLabel(/^认定日期/).fill(beijingDay(-3));
  await form.getByRole("button", { name: "认定", exact: true }).click();
  await expect(fieldError(form.getByLabel(/^认定理由/))).toHaveText("请填写认定理由");
  await expect(form.getByLabel(/^认定日期/)).toHaveValue(beijingDay(-3));
  await form.getByLabel(/^认定理由/).fill("部务会研究认定：做法规范、成效明显，具有推广价值。");
  await form.getByRole("button", { name: "认定", exact: true }).click();
  const mark = admin.getByTestId("project-mark").and(admin.locator("[data-active=true]")).filter({ hasText: "示范" });
  await expect(mark).toContainText(`${beijingDay(-3)} 认定`);
  await expect(mark).toContainText("具有推广价值");

  const word = WORD;
  const clerk = await openPage();
  await signInAndWait(clerk, "z004");
  await clerk.goto("/cases");
  await clerk.getByLabel("关键词").fill(word);
  await clerk.getByRole("button", { name: "搜索" }).click();
  await expect(clerk).toHaveURL(/[?&]q=/);
  await clerk.getByRole("link", { name: title, exact: true }).click();
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(clerk.getByRole("list", { name: "认定与表彰" })).toContainText("示范");
  await expect(clerk.getByRole("link", { name: "项目详情" })).toHaveCount(0);

  const how = unique("结合本镇实际设立党员先锋岗");
  await clerk.getByText("记录借鉴", { exact: true }).click();
  const adopt = clerk.getByRole("form", { name: "记录借鉴" });
  await adopt.getByLabel(/^借鉴时间/).fill(beijingDay(-1));
  await adopt.getByLabel(/^取得成效/).fill("全镇 86 名无职党员认岗定责，群众满意度提升。");
  await adopt.getByRole("button", { name: "保存借鉴记录" }).click();
  await expect(fieldError(adopt.getByLabel(/^借鉴做法/))).toHaveText("请填写借鉴做法");
  await expect(adopt.getByLabel(/^取得成效/)).toHaveValue("全镇 86 名无职党员认岗定责，群众满意度提升。");
  await adopt.getByLabel(/^借鉴做法/).fill(how);
  await adopt.getByRole("button", { name: "保存借鉴记录" }).click();
  await expect(clerk.getByRole("status").filter({ hasText: "借鉴记录已保存。" })).toBeVisible();
  await expect(clerk.getByRole("list", { name: "借鉴单位" })).toContainText(`白沙镇${beijingDay(-1)} 借鉴`);
  await clerk.goto("/cases/adoptions");
  await expect(clerk.getByTestId("adoption").filter({ hasText: how })).toContainText(title);

  await admin.reload();
  const adopters = admin.getByRole("list", { name: "借鉴单位" });
  await expect(adopters).toContainText("白沙镇");
  await expect(adopters).toContainText(how);

  const leader = await openPage();
  await signInAndWait(leader, "leader");
  await leader.goto(`/cases?q=${encodeURIComponent(word)}&mark=DEMONSTRATION`);
  await leader.getByRole("link", { name: title, exact: true }).click();
  await expect(leader.getByRole("list", { name: "借鉴单位" })).toContainText(how);
  await expect(leader.getByText("记录借鉴", { exact: true })).toHaveCount(0);
  await leader.getByRole("link", { name: "项目详情" }).click();
  await expect(leader.getByTestId("project-mark").first()).toBeVisible();
  await expect(leader.getByText("认定为品牌 / 精品 / 示范项目")).toHaveCount(0);
  await expect(leader.getByText("撤销示范认定")).toHaveCount(0);

  // Revoked, the mark stays on the project's record and the case leaves the library.
  await admin.getByText("撤销示范认定").click();
  const revoke = admin.getByRole("form", { name: "撤销示范认定" });
  await revoke.getByRole("button", { name: "撤销认定" }).click();
  await expect(fieldError(revoke.getByLabel(/^撤销理由/))).toHaveText("请填写撤销理由");
  await revoke.getByLabel(/^撤销理由/).fill("演示结束，撤销认定。");
  await revoke.getByRole("button", { name: "撤销认定" }).click();
  await expect(admin.getByTestId("project-mark").filter({ hasText: "演示结束，撤销认定。" })).toContainText("撤销");
  await clerk.goto(`/cases/${projectId}`);
  await expect(clerk.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test.describe("手机", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  async function expectNoHorizontalOverflow(page: Page, what: string) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${what}：页面宽 ${scrollWidth}px，屏幕宽 ${innerWidth}px`).toBeLessThanOrEqual(innerWidth + 1);
  }

  test("乡镇在手机上记录借鉴外县做法并修改，案例库和借鉴记录页不横向溢出", async ({ page }) => {
    await signInAndWait(page, "z007");
    await page.goto("/cases?q=%E5%85%9A%E5%BB%BA");
    await expectNoHorizontalOverflow(page, "案例库");
    await page.getByRole("link", { name: "本单位借鉴推广" }).click();
    const name = unique("红色代办员");
    const form = page.getByRole("form", { name: "借鉴外地做法" });
    await form.getByLabel(/^做法名称/).fill(name);
    await form.getByLabel(/^借鉴时间/).fill(beijingDay(-10));
    await form.getByLabel(/^借鉴做法/).fill("每个村民小组选一名党员担任代办员，群众事务一站代办。");
    await form.getByLabel(/^取得成效/).fill("半年代办事项 300 余件。");
    await form.getByRole("button", { name: "保存借鉴记录" }).click();
    await expect(fieldError(form.getByLabel(/^来源地/))).toHaveText("请填写来源地");
    await expect(form.getByLabel(/^做法名称/)).toHaveValue(name);
    await form.getByLabel(/^来源地/).fill("某省远山县");
    await form.getByRole("button", { name: "保存借鉴记录" }).click();
    await expect(form.getByRole("status").filter({ hasText: "借鉴记录已保存。" })).toBeVisible();

    const record = page.getByTestId("adoption").filter({ hasText: name });
    await expect(record).toContainText(`${name}（某省远山县）`);
    await expectNoHorizontalOverflow(page, "借鉴推广");
    await record.getByText("修改", { exact: true }).click();
    await record.getByLabel(/^取得成效/).fill("半年代办事项 326 件，群众满意率 98%。");
    await record.getByRole("button", { name: "保存修改" }).click();
    await expect(record).toContainText("成效：半年代办事项 326 件，群众满意率 98%。");
    await expectNoHorizontalOverflow(page, "借鉴推广（修改后）");
  });
});
