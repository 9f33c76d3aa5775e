import { expect, test } from "@playwright/test";
import { navLabels, signInAndWait } from "./support";

const EXPECTED: [string, string, string[]][] = [
  [
    "admin",
    "管理员",
    [
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
      "年度安排",
      "单位",
    ],
  ],
  [
    "staff",
    "组工干部",
    [
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
    ],
  ],
  ["unit", "单位填报员", ["首页", "工作要点", "参考选题", "创新项目", "季度报告", "季度督查", "评比表彰", "案例库", "组织委员例会", "现场会与交流"]],
  ["reviewer", "评审专家", ["首页", "参考选题", "案例库", "评审任务"]],
  [
    "leader",
    "县委领导",
    [
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
    ],
  ],
  ["security", "安全管理员", ["首页", "单位", "账户与角色", "登录安全"]],
  ["auditor", "审计管理员", ["首页", "审计日志"]],
];

for (const [username, role, labels] of EXPECTED) {
  test(`${role}登录后只看到自己能用的导航`, async ({ page }) => {
    await signInAndWait(page, username);
    await expect(page.getByTestId("current-user")).toContainText(role);
    expect(await navLabels(page)).toEqual(labels);
  });
}

test("单位填报员看到本单位和当前年度的时间安排", async ({ page }) => {
  await signInAndWait(page, "unit");
  await expect(page.getByRole("heading", { name: "我的单位" })).toBeVisible();
  await expect(page.getByText("青石镇").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /2026 年度时间安排/ })).toBeVisible();
});

test("单位填报员直接输入管理页面地址被拒绝", async ({ page }) => {
  await signInAndWait(page, "unit");
  for (const path of ["/units", "/units/new", "/years", "/users", "/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  }
  const download = await page.request.get("/audit/export");
  expect(download.status()).toBe(403);
});

test("未登录访问任何页面都转到登录页", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login/);
});

test("退出后会话结束", async ({ page }) => {
  await signInAndWait(page, "staff");
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
