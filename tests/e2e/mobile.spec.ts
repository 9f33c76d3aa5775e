import type { Page } from "@playwright/test";
import { createAccount, enterSecondFactor, expect, firstSignIn, navLabels, signIn, signInAndWait, strongPassword, test, totpFor, unique } from "./support";

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
  expect(await navLabels(page)).toEqual([
    "首页",
    "工作要点",
    "参考选题",
    "创新项目",
    "季度报告",
    "季度督查",
    "评比表彰",
    "案例库",
    "组织委员例会",
    "现场会与交流",
  ]);
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

test("手机上填写申报书：边填边自动保存，关掉页面再打开内容还在，页面不横向溢出", async ({ page, context }) => {
  await signInAndWait(page, "z011");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "创新项目" }).click();
  await page.getByRole("button", { name: "新建申报书" }).click();
  await expect(page.getByRole("heading", { name: "填写申报书" })).toBeVisible();
  await expectNoHorizontalOverflow(page, "申报书");
  await page.getByLabel(/^项目名称/).fill("手机上写的申报书");
  await page.getByLabel(/^拟解决的问题/).fill("村里年轻党员少，活动难组织。");
  await page.getByRole("checkbox", { name: /^加一加/ }).check();
  await page.getByLabel("第 1 个节点的内容").fill("摸底调查");
  await page.getByLabel("第 1 个节点的日期").fill("2026-12-31");
  await expect(page.getByTestId("save-state")).toContainText("已自动保存");
  const url = page.url();
  await page.close();

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByLabel(/^项目名称/)).toHaveValue("手机上写的申报书");
  await expect(again.getByLabel(/^拟解决的问题/)).toHaveValue("村里年轻党员少，活动难组织。");
  await expect(again.getByRole("checkbox", { name: /^加一加/ })).toBeChecked();
  await expect(again.getByLabel("第 1 个节点的日期")).toHaveValue("2026-12-31");
  await again.getByRole("button", { name: "提交申报" }).click();
  await expect(fieldErrorOf(again, "责任领导")).toHaveText("请填写责任领导");
  await expect(fieldErrorOf(again, "责任领导")).toBeInViewport();
  await expectNoHorizontalOverflow(again, "申报书");
});

function fieldErrorOf(page: Page, label: string) {
  return page.locator(`[data-field]`, { has: page.getByLabel(new RegExp(`^${label}\\*?$`)) }).getByRole("alert");
}

test("手机上乡镇推荐创新性人才，公示公告页面不横向溢出", async ({ page }) => {
  await signInAndWait(page, "z005");
  await page.goto("/awards");
  await page.getByRole("link", { name: "2026年度组织工作改革创新评比表彰" }).click();
  await expectNoHorizontalOverflow(page, "评比表彰");
  await page.getByRole("link", { name: "推荐", exact: true }).click();
  await page.waitForLoadState("networkidle");
  await page.getByRole("radio", { name: /创新性人才/ }).check();
  await page.getByLabel("姓名").fill("何小川");
  await page.getByLabel("单位职务").fill("云岭乡党委组织委员");
  await page
    .getByLabel("主要事迹")
    .fill("扎根山区一线，推行党支部加合作社发展模式，帮助六个薄弱村发展中药材种植，村集体经济收入全部超过十万元，培养村级后备力量十八名。");
  await page.getByLabel("推荐理由").fill("工作扎实，创新意识强。");
  await expectNoHorizontalOverflow(page, "推荐表");
  await page.getByRole("button", { name: "提交推荐" }).click();
  await expect(page.getByRole("link", { name: "何小川" })).toBeVisible();

  await page.goto("/announcements");
  await page
    .getByRole("link", { name: /2025年度/ })
    .first()
    .click();
  await expect(page.getByText("公示期已满，不再受理异议")).toBeVisible();
  await expectNoHorizontalOverflow(page, "公示页面");
});

test("手机上设置双因素认证并用动态口令登录，二维码和口令输入框都在屏幕内", async ({ page, openPage }) => {
  const security = await openPage();
  await signInAndWait(security, "security");
  const username = unique("mf");
  const temporary = await createAccount(security, { username, name: `手机${username.slice(-4)}`, unit: "柳河镇（乡镇）", roles: ["单位填报员"] });
  const password = strongPassword();
  await firstSignIn(page, username, temporary, password);

  await page.goto("/account");
  await page.getByRole("button", { name: "开始设置" }).click();
  await expect(page.getByRole("img", { name: "双因素认证二维码" })).toBeInViewport();
  await expectNoHorizontalOverflow(page, "设置双因素认证");
  const secret = await page.getByTestId("totp-secret").innerText();
  await page.getByLabel("动态口令").fill(totpFor(secret));
  await page.getByRole("button", { name: "确认启用" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expectNoHorizontalOverflow(page, "恢复码");
  await page.getByRole("link", { name: "我已保存恢复码，继续" }).click();
  await signOut(page);

  await signIn(page, username, password);
  await expect(page.getByLabel("动态口令")).toBeInViewport();
  await expect(page.getByRole("button", { name: "验证并登录" })).toBeInViewport();
  await expectNoHorizontalOverflow(page, "动态口令");
  await enterSecondFactor(page, totpFor(secret, 1));
  await expect(page.getByTestId("current-user")).toBeVisible();
});

test("手机上组工干部查看四个一并填写下半年破解难题，页面不横向溢出", async ({ page }) => {
  await signInAndWait(page, "staff2");
  await page.getByRole("link", { name: "查看本年度任务与截止时间 →" }).click();
  await expect(page.getByTestId("practice-item")).toHaveCount(7);
  await expectNoHorizontalOverflow(page, "四个一");
  await page.getByRole("link", { name: "下半年破解难题填写" }).click();
  const problem = unique("流动党员管理难");
  await page.getByLabel(/^工作难题/).fill(problem);
  await page.getByLabel(/^采取的措施/).fill("建立流动党员联络站，按月联系。");
  await page.getByLabel(/^破解成效/).fill("联系率由 60% 提高到 95%。");
  await page.getByLabel(/^确认人/).fill("张科长");
  // A photo with a long name, taken on the phone: listed without widening the page.
  const photo = `${unique("流动党员联络站挂牌仪式现场照片")}第一张.png`;
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  await page.getByLabel("选择附件").setInputFiles({ name: photo, mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "上传附件" }).click();
  await expect(page.getByRole("list", { name: "附件" }).getByRole("link", { name: photo })).toBeVisible();
  await expectNoHorizontalOverflow(page, "四个一事项附件");
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByText("已提交，等待科室负责人审核。")).toBeVisible();
  await expect(page.getByRole("list", { name: "附件" }).getByRole("link", { name: photo })).toBeVisible();
  await expectNoHorizontalOverflow(page, "四个一事项");
});

test("手机上乡镇在案例库按党组织领域“社区”筛选，只看到社区的做法，页面不横向溢出", async ({ page }) => {
  await signInAndWait(page, "unit");
  await page.goto("/cases");
  await page.getByLabel("党组织领域").selectOption({ label: "社区" });
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/sector=sector_community/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("社区");
  for (const row of await rows.all()) await expect(row).toContainText("社区");
  await expectNoHorizontalOverflow(page, "案例库");
});

test("手机上组工干部在调查研究课题卡片中找到自己的课题，开始调研并提交报告，页面不横向溢出", async ({ page, openPage }) => {
  const title = unique("返乡人才引进留用调研");
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await admin.goto("/research/new");
  await admin.getByLabel(/^课题名称/).fill(title);
  await admin.getByLabel(/^研究的问题/).fill("如何吸引和留住返乡创业人才？");
  await admin.getByLabel(/^调研领域/).selectOption({ label: "人才工作" });
  const lead = admin.getByLabel(/^牵头人/).locator("option", { hasText: /^(?!.*科长).*（干部科）$/ });
  await admin.getByLabel(/^牵头人/).selectOption({ label: (await lead.first().textContent())!.trim() });
  await admin.getByRole("button", { name: "设立课题" }).click();
  await expect(admin.getByRole("heading", { name: title })).toBeVisible();

  await signInAndWait(page, "staff2");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "调查研究" }).click();
  await page.getByLabel("只看我的课题").check();
  await page.getByRole("button", { name: "筛选" }).click();
  const card = page.getByTestId("topic-card").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(page.getByTestId("topic-row").first()).toBeHidden();
  await expectNoHorizontalOverflow(page, "调查研究课题");
  await card.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "开始调研" }).click();
  await page.getByLabel(/^症结性问题/).fill("返乡人才创业融资难，政策知晓度不高。");
  await page.getByLabel(/^原因分析/).fill("扶持政策分散在多个部门，缺少统一服务窗口。");
  await page.getByLabel("建议1", { exact: true }).fill("设立返乡创业人才服务专窗。");
  await expectNoHorizontalOverflow(page, "调研报告");
  await page.getByRole("button", { name: "提交报告" }).click();
  await expect(page.getByText(/报告已提交.*等待科室负责人审核。/)).toBeVisible();
  await expectNoHorizontalOverflow(page, "调研课题");
});

test("手机上乡镇看季度报告（卡片，带项目编号和季度）和本单位一份申报书的打印页，页面不横向溢出", async ({ page }) => {
  await signInAndWait(page, "unit");
  await page.goto("/reports");
  const cards = page.getByTestId("unit-report-card");
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toContainText(/\d{4}-\d{3,} · \d{4} 年度项目/);
  await expect(cards.first()).toContainText(/\d{4}年第[一二三四]季度/);
  await expect(page.getByTestId("unit-report-row").first()).toBeHidden();
  await expectNoHorizontalOverflow(page, "季度报告");

  await page.goto("/projects?year=2025");
  // The first of the unit's 2025 projects (submitted, so it has a version).
  await page.locator('main a[href^="/projects/c"]').first().click();
  await page.getByTestId("project-version").first().getByRole("link", { name: "打印 / 下载" }).click();
  await expect(page.getByRole("article", { name: /^申报书（第 \d+ 版）$/ })).toContainText("申报单位（盖章）");
  await expectNoHorizontalOverflow(page, "申报书");
});

/** A township whose demo to-do is longer than five items (23 in the demo county). */
const LONG_TODO_UNIT = "z002";

// Issue 20 point 11: long panels fold, lists become cards with their column names, and nothing is wider than the phone.
test("手机上单位首页的待办先列前几项，“展开其余 N 项”展开后全部可见，页面不横向溢出", async ({ page }) => {
  await signInAndWait(page, LONG_TODO_UNIT);
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "本单位待办" }) });
  const todo = card.getByRole("list", { name: "待办事项" });
  await expect(todo).toBeVisible();
  const items = todo.getByTestId("todo-item");
  const total = await items.count();
  expect(total, "演示数据中该单位的待办应多于 5 项").toBeGreaterThan(5);
  for (let i = 0; i < 5; i++) await expect(items.nth(i)).toBeVisible();
  for (let i = 5; i < total; i++) await expect(items.nth(i)).toBeHidden();
  const fold = card.getByText(`展开其余 ${total - 5} 项`);
  await expect(fold).toBeVisible();
  await expectNoHorizontalOverflow(page, "单位首页（折叠）");
  await fold.click();
  for (let i = 0; i < total; i++) await expect(items.nth(i)).toBeVisible();
  await expect(card.getByText("收起")).toBeVisible();
  await expectNoHorizontalOverflow(page, "单位首页（展开）");
});

test("手机上组工干部的项目列表变成卡片，每项前有列名；首页的季度按时报送率不把页面撑宽", async ({ page }) => {
  await signInAndWait(page, "staff");
  const width = page.viewportSize()!.width;
  // The county dashboard's quarterly on-time table: a card inside the phone's width, its rows as cards.
  const onTime = page.getByRole("heading", { name: "季度按时报送率", exact: true }).locator("xpath=..");
  await expect(onTime).toBeVisible();
  const box = (await onTime.boundingBox())!;
  expect(box.x + box.width, `季度按时报送率卡片右边缘 ${box.x + box.width}px，屏幕宽 ${width}px`).toBeLessThanOrEqual(width);
  await expect(onTime.locator("tbody tr").first()).toHaveCSS("display", "block");
  await expectNoHorizontalOverflow(page, "组工干部首页");

  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const table = page.locator("table.table-cards").first();
  const row = table.locator("tbody tr").first();
  await expect(row).toBeVisible();
  await expect(row).toHaveCSS("display", "block");
  // The header row is only for screen readers; each cell shows its column's name before its value.
  const labels = await row
    .locator("td")
    .evaluateAll((cells) => cells.filter((cell) => getComputedStyle(cell).display !== "none").map((cell) => getComputedStyle(cell, "::before").content));
  expect(labels.slice(0, 3)).toEqual(['"项目名称"', '"单位"', '"类别"']);
  expect(labels).toContain('"状态"');
  const rowBox = (await row.boundingBox())!;
  expect(rowBox.x + rowBox.width).toBeLessThanOrEqual(width);
  await expectNoHorizontalOverflow(page, "项目列表");
});
