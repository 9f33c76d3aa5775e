import { createAccount, expect, fieldError, signIn, signInAndWait, signInError, strongPassword, test, unique } from "./support";

test("新账户首次登录须改密码，弱密码就地提示，改好后用新密码登录", async ({ page, openPage }) => {
  const username = unique("pw");
  const name = `测试${username.slice(-4)}`;
  await signInAndWait(page, "security");
  const temporary = await createAccount(page, { username, name, unit: "柳河镇（乡镇）", roles: ["单位填报员"] });
  expect(temporary.length).toBeGreaterThanOrEqual(8);

  const person = await openPage();
  await signIn(person, username, temporary);
  await expect(person).toHaveURL(/\/change-password$/);
  await expect(person.getByRole("heading", { name: "修改密码" })).toBeVisible();
  await expect(person.getByText("这是您首次登录（或密码已被重置），请先设置自己的新密码。")).toBeVisible();
  await expect(person.getByText(`${name}（${username}）`)).toBeVisible();

  // Any other page sends the person back to the password change.
  await person.goto("/");
  await expect(person).toHaveURL(/\/change-password$/);

  // A weak password: the message sits next to 新密码 and what was typed stays.
  const current = person.getByLabel("当前密码");
  const fresh = person.getByLabel(/^新密码/);
  const confirm = person.getByLabel("确认新密码");
  await current.fill(temporary);
  await fresh.fill("abcd1234");
  await confirm.fill("abcd1234");
  await person.getByRole("button", { name: "保存新密码" }).click();
  await expect(fieldError(fresh)).toHaveText("密码须包含大写字母、小写字母、数字、符号中的至少三类");
  await expect(fresh).toHaveAttribute("aria-invalid", "true");
  await expect(current).toHaveValue(temporary);
  await expect(confirm).toHaveValue("abcd1234");
  await expect(person).toHaveURL(/\/change-password$/);

  const password = strongPassword();
  await fresh.fill(password);
  await confirm.fill(password);
  await person.getByRole("button", { name: "保存新密码" }).click();
  await expect(person).toHaveURL(/\/\?password=changed$/);
  await expect(person.getByText("密码已修改。")).toBeVisible();
  await expect(person.getByRole("heading", { name: `您好，${name}` })).toBeVisible();
  await expect(person.getByTestId("current-user")).toContainText(`${name} · 柳河镇 · 单位填报员`);

  await person.getByRole("button", { name: "退出" }).click();
  await expect(person).toHaveURL(/\/login\?reason=signed-out/);

  // The temporary password is spent.
  await signIn(person, username, temporary);
  await expect(signInError(person)).toHaveText("用户名或密码错误");

  await signInAndWait(person, username, password);
  await expect(person).toHaveURL(/\/$/);
  await person.goto("/units");
  await expect(person.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await person.goto("/");
  await expect(person).not.toHaveURL(/change-password/);
  await expect(person.getByRole("heading", { name: `您好，${name}` })).toBeVisible();
});

test("修改密码：当前密码错误、两次输入不一致分别在对应栏下提示", async ({ page, openPage }) => {
  const username = unique("pw");
  await signInAndWait(page, "security");
  const temporary = await createAccount(page, { username, name: "改密测试", unit: "柳河镇（乡镇）", roles: ["单位填报员"] });

  const person = await openPage();
  await signIn(person, username, temporary);
  await expect(person).toHaveURL(/\/change-password$/);
  const current = person.getByLabel("当前密码");
  const fresh = person.getByLabel(/^新密码/);
  const confirm = person.getByLabel("确认新密码");

  await current.fill("Wrong#2026x");
  await fresh.fill("Good#2026x");
  await confirm.fill("Good#2026x");
  await person.getByRole("button", { name: "保存新密码" }).click();
  await expect(fieldError(current)).toHaveText("当前密码不正确");
  await expect(fresh).toHaveValue("Good#2026x");

  await current.fill(temporary);
  await confirm.fill("Good#2026y");
  await person.getByRole("button", { name: "保存新密码" }).click();
  await expect(fieldError(confirm)).toHaveText("两次输入的新密码不一致");
  await expect(fieldError(current)).toHaveCount(0);
  await expect(person).toHaveURL(/\/change-password$/);
});
