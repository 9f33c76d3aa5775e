import type { Page } from "@playwright/test";
import { createAccount, enterSecondFactor, expect, firstSignIn, openAccount, signIn, signInError, strongPassword, test, totpFor, unique } from "./support";

/** On the security admin's page: whether 审计管理员 must use the second factor (the demo has it off). */
async function requireForAuditors(security: Page, required: boolean) {
  await security.goto("/users/security");
  const row = security.getByTestId("role-2fa-AUDIT_ADMIN");
  const button = row.getByRole("button", { name: required ? "要求审计管理员使用" : "不再要求审计管理员" });
  if (await button.isVisible()) await button.click();
  await expect(row.getByRole("button", { name: required ? "不再要求审计管理员" : "要求审计管理员使用" })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("双因素认证：审计管理员首次登录须先设置，之后凭动态口令或恢复码登录，安全管理员可以重置", async ({ page, openPage }) => {
  // Seven sign-ins and an enrolment: about 20 s alone, 40 s on the shared 2-core machine.
  test.setTimeout(120_000);
  const security = page;
  await signIn(security, "security");
  await expect(security.getByTestId("current-user")).toBeVisible();
  await security.goto("/users/security");
  await expect(security.getByText(/^演示环境：为便于试用公开的演示账号/)).toBeVisible();
  await requireForAuditors(security, true);
  try {
    const username = unique("tf");
    const name = `审计${username.slice(-4)}`;
    const temporary = await createAccount(security, { username, name, unit: "县委组织部干部监督科（部内科室）", roles: ["审计管理员"] });

    // First sign-in: the password change, then the enrolment before anything else.
    const person = await openPage();
    const password = strongPassword();
    await signIn(person, username, temporary);
    await expect(person).toHaveURL(/\/change-password$/);
    await person.getByLabel("当前密码").fill(temporary);
    await person.getByLabel(/^新密码/).fill(password);
    await person.getByLabel("确认新密码").fill(password);
    await person.getByRole("button", { name: "保存新密码" }).click();
    await expect(person).toHaveURL(/\/two-factor$/);
    await person.goto("/audit");
    await expect(person).toHaveURL(/\/two-factor$/);
    await expect(person.getByText(/您的角色须使用“密码 \+ 手机动态口令”登录/)).toBeVisible();

    // Scan (here: read the key under the QR code), type the code, keep the recovery codes.
    await person.getByRole("button", { name: "开始设置" }).click();
    await expect(person.getByRole("img", { name: "双因素认证二维码" })).toBeVisible();
    const secret = await person.getByTestId("totp-secret").innerText();
    await person.getByLabel("动态口令").fill(totpFor(secret) === "000000" ? "111111" : "000000");
    await person.getByRole("button", { name: "确认启用" }).click();
    await expect(person.getByRole("alert").filter({ hasText: "动态口令不正确" })).toBeVisible();
    await person.getByLabel("动态口令").fill(totpFor(secret));
    await person.getByRole("button", { name: "确认启用" }).click();
    const listed = person.getByTestId("recovery-codes").getByRole("listitem");
    await expect(listed).toHaveCount(10);
    const codes = (await listed.allInnerTexts()).map((c) => c.trim());
    await person.getByRole("link", { name: "我已保存恢复码，继续" }).click();
    await expect(person.getByTestId("current-user")).toContainText(`${name} · 县委组织部干部监督科 · 审计管理员`);
    await signOut(person);

    // The password alone is not enough; the code from the app is.
    await signIn(person, username, password);
    await enterSecondFactor(person, totpFor(secret, 1) === "123456" ? "654321" : "123456");
    await expect(signInError(person)).toHaveText("动态口令或恢复码不正确，请重新输入");
    await enterSecondFactor(person, totpFor(secret, 1));
    await expect(person.getByTestId("current-user")).toBeVisible();
    await signOut(person);

    // A recovery code instead (no phone at hand), once.
    await signIn(person, username, password);
    await enterSecondFactor(person, codes[0].toUpperCase());
    await expect(person.getByTestId("current-user")).toBeVisible();
    await person.goto("/account");
    await expect(person.getByText("未使用的恢复码：9 个")).toBeVisible();
    await expect(person.getByTestId("session-row").filter({ hasText: "当前会话" })).toBeVisible();
    await signOut(person);
    await signIn(person, username, password);
    await enterSecondFactor(person, codes[0]);
    await expect(signInError(person)).toHaveText("动态口令或恢复码不正确，请重新输入");
    await enterSecondFactor(person, codes[1]);
    await expect(person.getByTestId("current-user")).toBeVisible();

    // A lost phone: the security admin resets the factor; the session ends and the next sign-in enrols again.
    await openAccount(security, username);
    await expect(security.getByText("双因素认证已启用")).toBeVisible();
    await expect(security.getByTestId("user-session-row")).toHaveCount(1);
    security.once("dialog", (dialog) => dialog.accept());
    await security.getByRole("button", { name: "重置双因素认证" }).click();
    await expect(security.getByText("未启用（其角色要求，登录后须先设置）")).toBeVisible();
    await expect(security.getByText("当前没有登录的会话")).toBeVisible();
    await person.goto("/");
    await expect(person).toHaveURL(/\/login/);
    await signIn(person, username, password);
    await expect(person).toHaveURL(/\/two-factor$/);
  } finally {
    await requireForAuditors(security, false);
  }
});

test("用户在账户安全页查看登录的设备并结束另一台设备的会话；安全管理员结束某账户的全部会话", async ({ openPage, browser }) => {
  const security = await openPage();
  await signIn(security, "security");
  await expect(security.getByTestId("current-user")).toBeVisible();
  const username = unique("ss");
  const temporary = await createAccount(security, { username, name: `会话${username.slice(-4)}`, unit: "柳河镇（乡镇）", roles: ["单位填报员"] });
  const desk = await openPage();
  const password = strongPassword();
  await firstSignIn(desk, username, temporary, password);

  const phoneContext = await browser.newContext({
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    extraHTTPHeaders: { "X-Forwarded-For": "10.77.0.8" },
  });
  const phone = await phoneContext.newPage();
  await signIn(phone, username, password);
  await expect(phone.getByTestId("current-user")).toBeVisible();

  await desk.goto("/account");
  const rows = desk.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  const other = rows.filter({ hasText: "iPhone · Safari 浏览器" });
  await expect(other).toContainText("10.77.0.8");
  await other.getByRole("button", { name: "结束" }).click();
  await expect(rows).toHaveCount(1);
  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);

  await signIn(phone, username, password);
  await expect(phone.getByTestId("current-user")).toBeVisible();
  await openAccount(security, username);
  await expect(security.getByTestId("user-session-row")).toHaveCount(2);
  security.once("dialog", (dialog) => dialog.accept());
  await security.getByRole("button", { name: "结束全部会话" }).click();
  await expect(security.getByText("已结束 2 个会话。")).toBeVisible();
  for (const page of [desk, phone]) {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  }
  await phoneContext.close();
});
