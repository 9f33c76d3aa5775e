import {
  createAccount,
  expect,
  fieldError,
  firstSignIn,
  navLabels,
  openAccount,
  signIn,
  signInAndWait,
  signInError,
  strongPassword,
  test,
  unique,
} from "./support";

const ORGANIZATION_SECTION = "县委组织部组织科（部内科室）";

test("安全管理员新建组工干部，本人改密后按角色使用系统", async ({ page, openPage }) => {
  const username = unique("staff");
  await signInAndWait(page, "security");
  const temporary = await createAccount(page, { username, name: "新组工干部", phone: "0871-5550123", unit: ORGANIZATION_SECTION, roles: ["组工干部"] });

  await page.getByRole("link", { name: "返回账户列表" }).click();
  await page.getByLabel("姓名、用户名或单位").fill(username);
  await page.getByRole("button", { name: "筛选" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: username, exact: true }) });
  await expect(row).toContainText("新组工干部");
  await expect(row).toContainText("组织科");
  await expect(row).toContainText("组工干部");
  await expect(row).toContainText("待改初始密码");

  const person = await openPage();
  await firstSignIn(person, username, temporary, strongPassword());
  await expect(person.getByTestId("current-user")).toContainText(/新组工干部 · 县委组织部组织科 · 组工干部/);
  expect(await navLabels(person)).toEqual([
    "首页",
    "工作要点",
    "建言献策",
    "参考选题",
    "创新项目",
    "听证审定",
    "季度报告",
    "季度督查",
    "评比表彰",
    "案例库",
    "组织委员例会",
    "现场会与交流",
    "四个一",
    "调查研究",
    "盘点销号",
    "组工讲坛",
    "单位",
  ]);

  await page.reload();
  await expect(row).not.toContainText("待改初始密码");
});

test("新建账户：用户名重复、三权分立的错误显示在对应栏下，已填内容保留", async ({ page }) => {
  await signInAndWait(page, "security");
  await page.goto("/users/new");
  const username = page.getByLabel("用户名");
  const name = page.getByLabel("姓名");
  const phone = page.getByLabel("电话");
  const unit = page.getByLabel("所在单位");
  await username.fill("admin");
  await name.fill("重名测试");
  await phone.fill("13800000000");
  await unit.selectOption({ label: ORGANIZATION_SECTION });
  await page.getByRole("checkbox", { name: "组工干部", exact: true }).check();
  await page.getByRole("button", { name: "创建账户" }).click();

  await expect(fieldError(username)).toHaveText("该用户名已被使用");
  await expect(username).toHaveValue("admin");
  await expect(name).toHaveValue("重名测试");
  await expect(phone).toHaveValue("13800000000");
  await expect(unit.locator("option:checked")).toHaveText(ORGANIZATION_SECTION);
  await expect(page.getByRole("checkbox", { name: "组工干部", exact: true })).toBeChecked();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);

  // 管理员 and 安全管理员 on one account breaks the separation of duties.
  await username.fill(unique("dual"));
  await page.getByRole("checkbox", { name: "组工干部", exact: true }).uncheck();
  await page.getByRole("checkbox", { name: "管理员", exact: true }).check();
  await page.getByRole("checkbox", { name: "安全管理员", exact: true }).check();
  await page.getByRole("button", { name: "创建账户" }).click();
  const roles = page.getByRole("group", { name: /角色/ });
  await expect(roles.getByRole("alert")).toHaveText("管理员、安全管理员的职责必须分设在不同账户（三权分立）");
  await expect(fieldError(username)).toHaveCount(0);
  await expect(name).toHaveValue("重名测试");
  await expect(page.getByRole("checkbox", { name: "管理员", exact: true })).toBeChecked();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);
});

test("收回角色立即生效：对方下次打开页面即无权访问，无需重新登录", async ({ page, openPage }) => {
  const username = unique("role");
  await signInAndWait(page, "security");
  const temporary = await createAccount(page, { username, name: "调岗干部", unit: ORGANIZATION_SECTION, roles: ["组工干部"] });

  const person = await openPage();
  await firstSignIn(person, username, temporary, strongPassword());
  expect(await navLabels(person)).toEqual([
    "首页",
    "工作要点",
    "建言献策",
    "参考选题",
    "创新项目",
    "听证审定",
    "季度报告",
    "季度督查",
    "评比表彰",
    "案例库",
    "组织委员例会",
    "现场会与交流",
    "四个一",
    "调查研究",
    "盘点销号",
    "组工讲坛",
    "单位",
  ]);
  const before = await person.goto("/units");
  expect(before?.status()).toBe(200);
  await expect(person.getByRole("heading", { name: "单位", exact: true })).toBeVisible();

  await openAccount(page, username);
  await page.getByRole("checkbox", { name: "组工干部", exact: true }).uncheck();
  await page.getByRole("checkbox", { name: "评审专家", exact: true }).check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page).toHaveURL(/\/users\?saved=1/);
  await expect(page.getByText("已保存。")).toBeVisible();

  // The page still open from before (its navigation still offers 单位): clicking through leads to 无权访问.
  const nav = person.getByRole("navigation", { name: "主导航" });
  await nav.getByRole("link", { name: "首页" }).click();
  await expect(person).toHaveURL(/\/$/);
  await nav.getByRole("link", { name: "单位" }).click();
  await expect(person.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await expect(person.getByRole("heading", { name: "单位", exact: true })).toHaveCount(0);

  const after = await person.goto("/units");
  expect(after?.status()).toBe(403);
  await expect(person.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await person.goto("/");
  await expect(person.getByTestId("current-user")).toContainText(/调岗干部 · 县委组织部组织科 · 评审专家/);
  expect(await navLabels(person)).toEqual(["首页", "参考选题", "案例库", "评审任务"]);
});

test("停用账户立即结束其会话，之后不能再登录", async ({ page, openPage }) => {
  const username = unique("gone");
  await signInAndWait(page, "security");
  const temporary = await createAccount(page, { username, name: "离岗人员", unit: "柳河镇（乡镇）", roles: ["单位填报员"] });
  const password = strongPassword();

  const person = await openPage();
  await firstSignIn(person, username, temporary, password);

  await openAccount(page, username);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("离岗人员");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "停用账户" }).click();
  await expect(page.getByRole("button", { name: "重新启用" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("xpath=..")).toContainText("已停用");

  // The page still open on the person's screen: the next click lands on the sign-in page.
  await person.getByRole("link", { name: "修改密码" }).click();
  await expect(person).toHaveURL(/\/login/);
  await person.goto("/");
  await expect(person).toHaveURL(/\/login/);
  await signIn(person, username, password);
  await expect(signInError(person)).toHaveText("用户名或密码错误");

  // Enabled again (a second action on the same page), the account works as before.
  await page.getByRole("button", { name: "重新启用" }).click();
  await expect(page.getByRole("button", { name: "停用账户" })).toBeVisible();
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  await signInAndWait(person, username, password);
});

test("重置密码：对方会话结束，旧密码失效，用新的临时密码登录后须再改密码", async ({ page, openPage }) => {
  const username = unique("reset");
  await signInAndWait(page, "security");
  const temporary = await createAccount(page, { username, name: "忘记密码者", unit: "柳河镇（乡镇）", roles: ["单位填报员"] });
  const password = strongPassword();

  const person = await openPage();
  await firstSignIn(person, username, temporary, password);

  await openAccount(page, username);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "重置密码" }).click();
  const reset = page.getByTestId("temporary-password");
  await expect(reset).toBeVisible();
  const second = (await reset.innerText()).trim();
  expect(second).not.toBe(temporary);

  await person.goto("/");
  await expect(person).toHaveURL(/\/login/);
  await signIn(person, username, password);
  await expect(signInError(person)).toHaveText("用户名或密码错误");
  await signIn(person, username, second);
  await expect(person).toHaveURL(/\/change-password$/);
  await expect(person.getByText("这是您首次登录（或密码已被重置），请先设置自己的新密码。")).toBeVisible();
});
