import JSZip from "jszip";
import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";

export { expect };

export const DEMO_PASSWORD = "Demo@2026";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/**
 * The code an authenticator app shows for `secret` (as the enrolment page prints it, spaces allowed).
 * `stepsAhead: 1` gives the next 30-second step's code, which the server accepts too: a code is single use,
 * so a sign-in right after the enrolment (which used the current step) needs the next one.
 */
export function totpFor(secret: string, stepsAhead = 0) {
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret.replace(/\s/g, "")), timestamp: Date.now() + stepsAhead * 30_000 });
}

/** The sign-in page's second step: a TOTP code or a recovery code. */
export async function enterSecondFactor(page: Page, code: string) {
  await expect(page.getByText("密码正确。请打开手机上的身份验证器")).toBeVisible();
  await page.getByLabel("动态口令").fill(code);
  await page.getByRole("button", { name: "验证并登录" }).click();
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

/**
 * On a page signed in as the admin: makes a new year (年度) between `from` and `to` that no journey made before (the
 * journeys that need a year of their own would otherwise meet on the same random one), and returns it.
 * `lowest: true` takes the year just below every year already taken in the range (from `to` down), so that
 * "the latest earlier year" of the new one is never another run's year of this range (the plan's 复制上年).
 */
export async function newYear(page: Page, from = 2040, to = 2069, { lowest = false } = {}) {
  await page.goto("/years");
  const taken = (await page.getByRole("row").allInnerTexts()).map((row) => Number(row.match(/(\d{4}) 年度/)?.[1])).filter((year) => year >= from && year <= to);
  let year = 0;
  if (lowest) year = Math.min(to + 1, ...taken) - 1;
  else
    do year = from + Math.floor(Math.random() * (to - from + 1));
    while (taken.includes(year));
  expect(year, `${from}–${to} 年度已用完`).toBeGreaterThanOrEqual(from);
  await page.getByRole("spinbutton", { name: "年度" }).fill(String(year));
  await page.getByRole("button", { name: "新建年度" }).click();
  await expect(page).toHaveURL(/\/years\/[^/]+$/);
  return year;
}

/** The error shown right below the labelled control (inside the same form field). */
export function fieldError(control: Locator) {
  return control.locator("xpath=ancestor::*[@data-field][1]").getByRole("alert");
}

/**
 * `test` with `openPage()`: a page in a fresh browser context (its own cookies), e.g. a second
 * person at another desk. The contexts are closed after the test.
 */
export const test = base.extend<{ openPage: () => Promise<Page> }>({
  openPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export type NewAccount = { username: string; name: string; unit: string; roles: string[]; phone?: string };

/**
 * On a page signed in as the security admin: fills 新建账户 and returns the temporary password.
 * `unit` is the option text of 所在单位, e.g. "柳河镇（乡镇）".
 */
export async function createAccount(page: Page, account: NewAccount): Promise<string> {
  await page.goto("/users/new");
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("姓名").fill(account.name);
  if (account.phone) await page.getByLabel("电话").fill(account.phone);
  await page.getByLabel("所在单位").selectOption({ label: account.unit });
  for (const role of account.roles) await page.getByRole("checkbox", { name: role, exact: true }).check();
  await page.getByRole("button", { name: "创建账户" }).click();
  const temporary = page.getByTestId("temporary-password");
  await expect(temporary).toBeVisible();
  return (await temporary.innerText()).trim();
}

/** Signs in with the temporary password and sets `newPassword` on the forced change page. */
export async function firstSignIn(page: Page, username: string, temporaryPassword: string, newPassword: string) {
  await signIn(page, username, temporaryPassword);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel("当前密码").fill(temporaryPassword);
  await page.getByLabel(/^新密码/).fill(newPassword);
  await page.getByLabel("确认新密码").fill(newPassword);
  await page.getByRole("button", { name: "保存新密码" }).click();
  // Roles that must use a second factor (the admins, in production) enrol next: read the key under the QR code.
  await expect(page.getByTestId("current-user").or(page.getByRole("button", { name: "开始设置" }))).toBeVisible();
  if (new URL(page.url()).pathname === "/two-factor") {
    await page.getByRole("button", { name: "开始设置" }).click();
    const secret = await page.getByTestId("totp-secret").innerText();
    await page.getByLabel("动态口令").fill(totpFor(secret));
    await page.getByRole("button", { name: "确认启用" }).click();
    await page.getByRole("link", { name: "我已保存恢复码，继续" }).click();
  }
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A password that meets the policy and contains no user name. */
export function strongPassword() {
  return `Qx#${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}wz`;
}

/** On a page signed in as the security admin: opens the 管理账户 page of `username`. */
export async function openAccount(page: Page, username: string) {
  await page.goto(`/users?status=all&q=${encodeURIComponent(username)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: username, exact: true }) });
  await row.getByRole("link", { name: "管理" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`（${username}）`);
}

/** The message above the sign-in form (not Next's route announcer, which is also an alert). */
export function signInError(page: Page) {
  return page.locator("form").getByRole("alert");
}

/** Opens a document page, reads its title, and downloads its Word file through the page's own link. */
export async function wordOfPage(page: Page, path: string) {
  await page.goto(path);
  const title = (await page.getByRole("article").getByRole("heading", { level: 1 }).textContent())!;
  await expect(page.getByRole("link", { name: "下载 PDF" })).toHaveAttribute("href", /^\/documents\/[a-z-]+\/[^/]+\.pdf$/);
  const href = (await page.getByRole("link", { name: "下载 Word" }).getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.status(), href).toBe(200);
  const xml = await (await JSZip.loadAsync(await response.body())).file("word/document.xml")!.async("string");
  return { title, xml };
}

/** The record page's step bar (lib/<module>/states.ts) stands at `label`. */
export async function expectStage(page: Page, label: string) {
  await expect(page.locator('nav [aria-current="step"]')).toContainText(label);
}

/** The demo account "staff" (组工干部 of 组织科) in a picker: 组织科 also has its head, 「X科长」 (lib/demo/cadre-practice.ts). */
export const STAFF_IN_SECTION = /^(?!.*科长).*（组织科）$/;
