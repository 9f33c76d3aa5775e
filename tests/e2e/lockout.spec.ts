import type { Page } from "@playwright/test";
import { expect, openAccount, signIn, signInAndWait, signInError, test, unique } from "./support";

const ACCOUNT = "z017"; // 金川镇's 填报员, used only by this file
const INVALID = "用户名或密码错误";
const LOCKED = /^登录失败次数过多，请于 \d{2}:\d{2} 后再试（北京时间），或联系安全管理员$/;
/** Another visitor's address each run (the server trusts X-Forwarded-For in the journeys, TRUST_PROXY=1). */
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

/** Leaves the account as on a fresh database, should an earlier, interrupted run have locked it. */
async function startClean(security: Page, person: Page) {
  await openAccount(security, ACCOUNT);
  const unlock = security.getByRole("button", { name: "解除锁定" });
  if (await unlock.isVisible()) {
    await unlock.click();
    await expect(unlock).toBeHidden();
  }
  // A successful sign-in clears any failures counted before.
  await signInAndWait(person, ACCOUNT);
  await person.getByRole("button", { name: "退出" }).click();
  await expect(person).toHaveURL(/\/login/);
}

test("同一地址连续五次密码错误即被挡在该账户之外，本人从别处仍能登录；安全管理员看到来源地址并解除", async ({ page, openPage }) => {
  const security = page;
  await signInAndWait(security, "security");
  const person = await openPage();
  const attacker = address();
  await person.setExtraHTTPHeaders({ "X-Forwarded-For": attacker });
  await startClean(security, person);

  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(person, ACCOUNT, `Wrong@${attempt}x`);
    await expect(signInError(person), `第 ${attempt} 次`).toHaveText(INVALID);
  }
  await signIn(person, ACCOUNT, "Wrong@5x");
  await expect(signInError(person)).toHaveText(LOCKED);
  await expect(signInError(person)).toContainText("请于");
  await expect(person).toHaveURL(/\/login/);

  // Even the right password is refused while locked.
  await signIn(person, ACCOUNT);
  await expect(signInError(person)).toHaveText(LOCKED);
  await expect(person).toHaveURL(/\/login/);

  // An unknown name gets word for word the message of a wrong password.
  await signIn(person, unique("nobody"), "Wrong@1x");
  await expect(signInError(person)).toHaveText(INVALID);

  // The owner, from the office's own address, is not locked out by someone guessing elsewhere.
  const owner = await openPage();
  await owner.setExtraHTTPHeaders({ "X-Forwarded-For": address() });
  await signInAndWait(owner, ACCOUNT);

  // The security admin sees who is attacked from where.
  await security.goto("/users/security");
  const counter = security.getByTestId("login-counter").filter({ hasText: "账户与地址" }).filter({ hasText: ACCOUNT }).filter({ hasText: attacker });
  await expect(counter).toContainText("5 / 5");
  await expect(counter).toContainText(/锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(security.getByTestId("login-counter").filter({ hasText: "来源地址" }).filter({ hasText: attacker })).toContainText("6 / 20");

  // The security admin sees the lock and lifts it.
  await security.goto("/users?status=locked");
  const row = security.getByRole("row").filter({ has: security.getByRole("cell", { name: ACCOUNT, exact: true }) });
  await expect(row).toContainText("锁定中");
  await row.getByRole("link", { name: "管理" }).click();
  await expect(security.getByRole("heading", { level: 1 })).toContainText(`（${ACCOUNT}）`);
  await expect(security.getByText(/锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible();
  await security.getByRole("button", { name: "解除锁定" }).click();
  await expect(security.getByRole("button", { name: "解除锁定" })).toBeHidden();
  await expect(security.getByText(/锁定至/)).toBeHidden();

  await security.goto("/users?status=locked");
  await expect(security.getByRole("cell", { name: ACCOUNT, exact: true })).toHaveCount(0);

  await signInAndWait(person, ACCOUNT);
  await expect(person.getByTestId("current-user")).toContainText("金川镇");
});
