import { devices, type Page } from "@playwright/test";
import { expect, signInAndWait, test } from "./support";

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth + 1);
}

test("乡镇填报员在页头搜索两个字的词，看到本单位项目和案例库，打开结果", async ({ page }) => {
  await signInAndWait(page, "unit");
  await page.getByRole("searchbox", { name: "全站搜索" }).fill("轮岗");
  await page.getByRole("searchbox", { name: "全站搜索" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=%E8%BD%AE%E5%B2%97/);
  await expect(page.getByRole("heading", { name: "搜索", exact: true })).toBeVisible();

  const projects = page.getByTestId("search-projects");
  await expect(projects.getByRole("link", { name: "年轻干部一线轮岗锻炼" }).first()).toBeVisible();
  await expect(projects.locator("mark").first()).toHaveText("轮岗");
  // Only its own unit's projects, never the suggestions box.
  await expect(page.getByTestId("search-suggestions")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "案例库" })).toBeVisible();

  // 查看全部 opens the projects list with the same word and year.
  await projects.getByRole("link", { name: /查看全部 2026 年度/ }).click();
  await expect(page).toHaveURL(/\/projects\?q=.*year=2026/);
  await expect(page.getByRole("link", { name: "年轻干部一线轮岗锻炼" }).first()).toBeVisible();
  await page.goBack();

  await projects.getByRole("link", { name: "年轻干部一线轮岗锻炼" }).first().click();
  await expect(page).toHaveURL(/\/projects\/[a-z0-9]+$/);
  await expect(page.getByText("年轻干部一线轮岗锻炼").first()).toBeVisible();
});

test("组工干部搜到群众建议，打开它；单位搜不到另一个单位的项目", async ({ page, openPage }) => {
  await signInAndWait(page, "staff");
  await page.getByRole("searchbox", { name: "全站搜索" }).fill("评议 承诺");
  await page.getByRole("button", { name: "查找" }).click();
  const suggestions = page.getByTestId("search-suggestions");
  await expect(suggestions.getByRole("link").filter({ hasText: "承诺" }).first()).toBeVisible();
  await suggestions.getByRole("link").filter({ hasText: "承诺" }).first().click();
  await expect(page).toHaveURL(/\/suggestions\/[a-z0-9]+$/);

  const other = await openPage();
  await signInAndWait(other, "unit2");
  await other.goto(`/search?q=${encodeURIComponent("青石镇")}`);
  await expect(other.getByTestId("search-count-projects")).toHaveText("0 条");
});

const { defaultBrowserType: _browser, ...phone } = devices["Pixel 7"];

test.describe("手机", () => {
  test.use(phone);

  test("手机上从页头进入搜索，输入词语查到结果，页面不横向溢出", async ({ page }) => {
    await signInAndWait(page, "unit");
    const link = page.getByRole("link", { name: "搜索", exact: true });
    await expect(link).toBeInViewport();
    await expect(page.getByRole("searchbox", { name: "全站搜索" })).toBeHidden();
    await link.click();
    await expect(page).toHaveURL(/\/search$/);
    const box = page.getByRole("searchbox", { name: "搜索关键词" });
    await expect(box).toBeInViewport();
    // The page's box hints as one types, on a phone too, and the hints fit the screen.
    await box.pressSequentially("轮岗", { delay: 30 });
    const hints = page.getByRole("list", { name: "搜索建议" });
    await expect(hints.getByRole("link", { name: /年轻干部一线轮岗锻炼/ }).first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await expect(page.getByTestId("search-projects").getByRole("link", { name: "年轻干部一线轮岗锻炼" }).first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});

test("页头搜索框边输入边提示：本单位能看的几条结果，向下键选中后回车打开", async ({ page }) => {
  await signInAndWait(page, "unit");
  const box = page.getByRole("searchbox", { name: "全站搜索" });
  await box.pressSequentially("轮岗", { delay: 30 });
  const hints = page.getByRole("list", { name: "搜索建议" });
  await expect(hints.getByRole("link", { name: /年轻干部一线轮岗锻炼/ }).first()).toBeVisible();
  // Every hint names its kind; a township is never shown the suggestions box.
  for (const text of await hints.getByRole("link").allTextContents()) expect(text).toMatch(/^(项目|选题|案例)/);
  await box.press("ArrowDown");
  await expect(hints.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/(projects|topics|cases)\/[a-z0-9]+$/);

  // A word nothing contains says so, and Enter still opens the full results page.
  await box.fill("没有这样的词语");
  await expect(page.getByRole("list", { name: "搜索建议" })).toContainText("没有找到");
  await box.press("Escape");
  await expect(page.getByRole("list", { name: "搜索建议" })).toHaveCount(0);
});
