import fs from "node:fs";
import ExcelJS from "exceljs";
import { checkExport, type SignedExport } from "../../lib/audit/chain-format";
import { createAccount, expect, firstSignIn, signIn, signInAndWait, signInError, strongPassword, test, unique } from "./support";

test("审计管理员按人员、操作查到事件，并导出 Excel", async ({ page, openPage }) => {
  const username = unique("aud");
  const name = `审计对象${username.slice(-3)}`;
  const security = await openPage();
  await signInAndWait(security, "security");
  await createAccount(security, { username, name, unit: "柳河镇（乡镇）", roles: ["单位填报员"] });

  const person = await openPage();
  await signIn(person, username, "Wrong@2026x");
  await expect(signInError(person)).toHaveText("用户名或密码错误");

  await signInAndWait(page, "auditor");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  const filters = page.getByRole("search");

  // By person: the failed sign-in of the new account.
  await filters.getByLabel("人员").fill(username);
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(new RegExp(`person=${username}`));
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("登录失败");
  await expect(rows.first()).toContainText(`${name}（${username}）`);
  await expect(rows.first()).toContainText("密码错误");
  await expect(rows.first()).toContainText("失败");

  // By date (business days, Beijing time): today has it, up to yesterday has not.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const yesterday = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() - 24 * 3600 * 1000));
  await filters.getByLabel("起始日期").fill(today);
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("登录失败");
  await filters.getByLabel("起始日期").fill("");
  await filters.getByLabel("截止日期").fill(yesterday);
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(new RegExp(`to=${yesterday}`));
  await expect(rows).toHaveText(["没有符合条件的记录"]);
  await filters.getByLabel("截止日期").fill("");

  // By action: the creation, done by the security admin, names the account.
  await filters.getByLabel("人员").fill("");
  await filters.getByLabel("操作").selectOption({ label: "新建账户" });
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  const creation = rows.filter({ hasText: `${name}（${username}）：单位填报员` });
  await expect(creation).toHaveCount(1);
  await expect(creation).toContainText("新建账户");
  await expect(creation).toContainText("（security）");
  await expect(creation).toContainText("成功");
  await expect(rows.filter({ hasNotText: "新建账户" })).toHaveCount(0);

  // The export carries the same filter.
  const exportLink = page.getByRole("link", { name: "导出 Excel" });
  await expect(exportLink).toHaveAttribute("href", /action=user\.create/);
  const downloading = page.waitForEvent("download");
  await exportLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = test.info().outputPath("audit.xlsx");
  await download.saveAs(file);
  expect(fs.statSync(file).size).toBeGreaterThan(0);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  // The title (a merged cell), then the header, then the rows, like every list's export.
  expect(sheet.getCell(1, 1).value).toBe("审计日志");
  expect(sheet.getRow(2).values).toEqual([undefined, "时间", "用户名", "姓名", "操作", "对象", "说明", "IP 地址", "结果"]);
  const lines: string[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 2)
      lines.push(
        Array.from(row.values as unknown[])
          .slice(1)
          .map((value) => String(value ?? "")),
      );
  });
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((line) => line[3] === "新建账户")).toBe(true);
  expect(lines.some((line) => line[1] === "security" && line[5] === `${name}（${username}）：单位填报员`)).toBe(true);

  // The export itself is on the record.
  await filters.getByLabel("操作").selectOption({ label: "导出审计日志" });
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(rows.first()).toContainText("（auditor）");
  await expect(rows.first()).toContainText("user.create");
});

test("审计管理员校验哈希链、签名导出一段日志，并看到同一地址反复被拒绝的访问", async ({ page, playwright, baseURL }) => {
  // A visitor at one address asks three times for a download it may not have (the journeys send X-Forwarded-For).
  const address = `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const visitor = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
  for (let n = 0; n < 3; n++) expect((await visitor.get("/audit/export")).status()).toBe(401);
  await visitor.dispose();

  await signInAndWait(page, "auditor");
  await page.goto("/audit");
  await page.getByRole("button", { name: "校验哈希链" }).click();
  await expect(page.getByRole("status").filter({ hasText: "哈希链" })).toContainText(/哈希链完整：已校验 \d+ 条/);

  // The signed export checks out with the public key shown on the page.
  await page.getByText("验证签名用的公钥").click();
  const publicKey = await page.locator("pre").filter({ hasText: "BEGIN PUBLIC KEY" }).innerText();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "签名导出（JSON）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^审计日志签名导出-.+\.json$/);
  const file = test.info().outputPath("audit-range.json");
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, "utf8")) as SignedExport;
  expect(exported.count).toBeGreaterThan(0);
  expect(checkExport(exported, `${publicKey.trim()}\n`)).toEqual([]);
  exported.entries[0].canonical = exported.entries[0].canonical.replace(/.$/, " ]");
  expect(checkExport(exported, publicKey)).not.toEqual([]);

  // Repeated refusals, by address: the visitor's three.
  await page.getByRole("link", { name: "反复被拒绝的访问" }).click();
  await expect(page.getByRole("heading", { name: "反复被拒绝的访问" })).toBeVisible();
  const row = page.locator("tbody tr").filter({ hasText: address });
  await expect(row).toHaveCount(1);
  await expect(row.locator("td").nth(1)).toHaveText("3");
  await expect(row).toContainText("未登录：下载：audit.view");
});

test("单位账户打开别的单位的项目：与不存在的项目一样是“页面不存在”，审计管理员看到这次被拒绝的查看", async ({ page, openPage }) => {
  const username = unique("peek");
  const name = `越权查看${username.slice(-3)}`;
  const security = await openPage();
  await signInAndWait(security, "security");
  const temporary = await createAccount(security, { username, name, unit: "柳河镇（乡镇）", roles: ["单位填报员"] });

  // Another unit's project, as the county staff find it in the list.
  const staff = await openPage();
  await signInAndWait(staff, "staff");
  await staff.goto("/projects");
  const href = await staff.locator("tbody tr").filter({ hasNotText: "柳河镇" }).locator('a[href^="/projects/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/projects\/[^/?]+$/);

  const peeker = await openPage();
  await firstSignIn(peeker, username, temporary, strongPassword());
  const refused = (await peeker.goto(href!))!;
  expect(refused.status()).toBe(404);
  await expect(peeker.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  // An id that does not exist looks the same to the caller.
  expect((await peeker.goto("/projects/does-not-exist-0000"))!.status()).toBe(404);
  await expect(peeker.getByRole("heading", { name: "页面不存在" })).toBeVisible();

  await signInAndWait(page, "auditor");
  await page.goto(`/audit?person=${username}&outcome=DENIED`);
  const rows = page.locator("tbody tr").filter({ hasText: "记录不存在或无权访问：查看项目" });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(`${name}（${username}）`);
  await expect(rows.first()).toContainText("拒绝");
});

test("审计管理员筛出成功登录：说明是中文的一句话（谁、做了什么、结果），IP 是普通的 IPv4", async ({ page, browser, baseURL }) => {
  // The person comes over IPv4 (127.0.0.1, which the dual-stack socket reports as ::ffff:127.0.0.1), as people in
  // the county do; "localhost" would be the IPv6 loopback ::1 on this machine, which is no IPv4 address to show.
  const ipv4 = await browser.newContext({ baseURL: baseURL!.replace("localhost", "127.0.0.1") });
  const person = await ipv4.newPage();
  await signInAndWait(person, "z009");
  await ipv4.close();

  await signInAndWait(page, "auditor");
  await page.goto("/audit");
  const filters = page.getByRole("search");
  await filters.getByLabel("人员").fill("z009");
  await filters.getByLabel("操作").selectOption({ label: "登录成功" });
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=auth\.login(&|$)/);
  const row = page.locator("tbody tr").first();
  await expect(row).toContainText("登录成功");
  const cells = row.locator("td");
  const explanation = (await cells.nth(3).innerText()).trim();
  expect(explanation).toMatch(/[\u4e00-\u9fff]/);
  expect(explanation).toMatch(/^.+（z009）：登录成功，对象：本人账户，结果：成功$/);
  expect(explanation).not.toMatch(/\bUser\b|auth\.login/);
  await expect(cells.nth(4)).toHaveText(/^\d{1,3}(\.\d{1,3}){3}$/);
  await expect(cells.nth(5)).toHaveText("成功");
});
