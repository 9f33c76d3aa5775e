import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2026";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function signInAndWait(page: Page, username: string, password = DEMO_PASSWORD) {
  await signIn(page, username, password);
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function navLabels(page: Page) {
  return page.getByRole("navigation", { name: "主导航" }).getByRole("link").allTextContents();
}

/** A name no earlier run of the suite used. */
export function unique(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
