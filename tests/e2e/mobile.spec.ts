import type { Page } from "@playwright/test";
import { expect, navLabels, signInAndWait, test } from "./support";

async function expectNoHorizontalOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}：页面宽 ${scrollWidth}px，屏幕宽 ${innerWidth}px`).toBeLessThanOrEqual(innerWidth + 1);
}

test("手机上单位填报员登录，看到导航和本年度时间安排，页面不横向溢出", async ({ page }) => {
  expect(page.viewportSize()!.width).toBeLessThan(500);
  await page.goto("/login");
  await expectNoHorizontalOverflow(page, "登录页");

  await signInAndWait(page, "unit");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav).toBeVisible();
  expect(await navLabels(page)).toEqual(["首页", "参考选题", "创新项目"]);
  await expect(nav.getByRole("link", { name: "首页" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "退出" })).toBeInViewport();

  const windows = page.locator("section").filter({ has: page.getByRole("heading", { name: /2026 年度时间安排/ }) });
  await expect(windows).toBeVisible();
  await expect(windows.getByRole("listitem")).toHaveCount(10);
  for (const label of ["建言献策", "项目申报", "年终评比"]) {
    await expect(windows.getByRole("listitem").filter({ hasText: label })).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  }
  await expect(page.getByRole("heading", { name: "我的单位" })).toBeVisible();
  await expectNoHorizontalOverflow(page, "首页");

  await page.getByRole("link", { name: "修改密码" }).click();
  await expect(page.getByRole("heading", { name: "修改密码" })).toBeVisible();
  await expectNoHorizontalOverflow(page, "修改密码");
});

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("手机上管理页面的宽表格在框内滚动，整页不横向溢出", async ({ page }) => {
  const pages: [string, string[]][] = [
    ["admin", ["/", "/units", "/units/new", "/units/import", "/years"]],
    ["security", ["/users", "/users/new"]],
    ["auditor", ["/audit"]],
  ];
  for (const [username, paths] of pages) {
    await signInAndWait(page, username);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page, `${username} ${path}`);
    }
    if (username === "admin") {
      await page.goto("/years");
      await page.getByRole("link", { name: "时间安排" }).first().click();
      await expect(page.getByRole("heading", { name: /年度时间安排/ })).toBeVisible();
      await expectNoHorizontalOverflow(page, "年度时间安排");
    }
    await signOut(page);
  }
});
