import { expect, signInAndWait, test, unique } from "./support";

test("管理员维护党组织领域；单位在申报书上选择领域并自动保存；本单位项目按领域筛选", async ({ page, openPage }) => {
  test.setTimeout(120_000);
  const admin = page;
  await signInAndWait(admin, "admin");
  await admin.goto("/projects");
  await admin.getByRole("link", { name: "党组织领域设置" }).click();
  await expect(admin.getByRole("heading", { name: "党组织领域" })).toBeVisible();
  for (const name of ["农村", "社区", "非公企业", "社会组织", "机关", "学校", "流动党员"]) {
    await expect(admin.getByRole("form", { name: `领域：${name}` })).toBeVisible();
  }
  await expect(admin.getByRole("form", { name: "领域：非公企业" }).getByLabel("所属组别")).toHaveValue('"两新"组织');

  const name = unique("园区").slice(0, 20);
  await admin.getByLabel("领域名称").first().fill(name);
  await admin.getByRole("button", { name: "新增领域" }).click();
  const row = admin.getByRole("form", { name: `领域：${name}` });
  await expect(row).toBeVisible();
  // The same name twice is refused next to the field.
  await admin.getByLabel("领域名称").first().fill(name);
  await admin.getByRole("button", { name: "新增领域" }).click();
  await expect(admin.getByText("已有同名领域")).toBeVisible();

  const clerk = await openPage();
  await signInAndWait(clerk, "z009");
  await clerk.goto("/projects");
  await clerk.getByRole("button", { name: "新建申报书" }).click();
  await expect(clerk.getByRole("heading", { name: "填写申报书" })).toBeVisible();
  const title = unique("社区网格党建");
  await expect(clerk.getByRole("checkbox", { name: name })).toBeVisible();
  await clerk.getByRole("checkbox", { name: "社区", exact: true }).check();
  await clerk.getByRole("checkbox", { name: /^非公企业/ }).check();
  // Typed last, so that the autosave awaited below is the one holding the ticked sectors.
  await clerk.getByLabel(/^项目名称/).fill(title);
  await expect(clerk.getByTestId("save-state")).toContainText("已自动保存");
  await clerk.reload();
  await expect(clerk.getByRole("checkbox", { name: "社区", exact: true })).toBeChecked();
  await expect(clerk.getByRole("checkbox", { name: /^非公企业/ })).toBeChecked();
  await expect(clerk.getByRole("checkbox", { name: "农村", exact: true })).not.toBeChecked();

  // The admin deactivates the new sector: proposals no longer offer it.
  await row.getByRole("checkbox", { name: "启用" }).uncheck();
  await row.getByRole("button", { name: "保存" }).click();
  // Stored before the page is read again (a reload while the save is in flight would read the old row).
  await expect(row.getByRole("status")).toHaveText("已保存");
  await admin.reload();
  await expect(admin.getByRole("form", { name: `领域：${name}` }).getByRole("checkbox", { name: "启用" })).not.toBeChecked();
  await clerk.reload();
  await expect(clerk.getByRole("checkbox", { name: "社区", exact: true })).toBeChecked();
  await expect(clerk.getByRole("checkbox", { name: name })).toHaveCount(0);

  await clerk.goto("/projects");
  await clerk.getByLabel("党组织领域").selectOption({ label: '"两新"组织（全部）' });
  await clerk.getByRole("button", { name: "筛选" }).click();
  await expect(clerk.getByRole("link", { name: title })).toBeVisible();
  await clerk.getByLabel("党组织领域").selectOption({ label: "农村" });
  await clerk.getByRole("button", { name: "筛选" }).click();
  await expect(clerk.getByRole("link", { name: title })).toHaveCount(0);
});

test("乡镇在案例库按“社区”筛选，一下找到社区的做法", async ({ page }) => {
  await signInAndWait(page, "unit");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "案例库" }).click();
  await page.getByLabel("党组织领域").selectOption({ label: "社区" });
  await page.getByRole("button", { name: "搜索" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("社区");
  for (const row of await rows.all()) await expect(row).toContainText("社区");
});
