// The embedded demo says what it is on every page, and its error pages give something to quote.
import { expect, signInAndWait, test } from "./support";

test("演示环境：登录页、公开页面和登录后的每个页面都有演示横幅，管理员首页说明未启用病毒扫描", async ({ page, openPage }) => {
  for (const path of ["/login", "/suggest"]) {
    await page.goto(path);
    await expect(page.getByTestId("demo-banner")).toHaveText("演示环境：数据为虚构的示例县，请勿录入真实信息");
  }
  await signInAndWait(page, "admin");
  await expect(page.getByTestId("demo-banner")).toBeVisible();
  // The 管理员's home page says that this demo runs without the virus scanner (no clamd configured here).
  await expect(page.getByRole("status", { name: "病毒扫描状态" })).toHaveText("病毒扫描：演示环境未启用，上传的文件不做病毒扫描");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "创新项目" }).click();
  await expect(page).toHaveURL(/\/projects/);
  await expect(page.getByTestId("demo-banner")).toHaveCount(1);
  // A unit's account is not told about the scanner.
  const unit = await openPage();
  await signInAndWait(unit, "unit");
  await expect(unit.getByRole("heading", { name: /您好/ })).toBeVisible();
  await expect(unit.getByRole("status", { name: "病毒扫描状态" })).toHaveCount(0);
});

test("页面不存在时给出请求编号，响应头里是同一个编号", async ({ page }) => {
  await signInAndWait(page, "staff");
  const response = (await page.goto("/projects/does-not-exist-0000"))!;
  expect(response.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  const requestId = response.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f]{16}$/);
  await expect(page.getByText(`请求编号：${requestId}`)).toBeVisible();
});

test("手机上也显示演示横幅，且不挡住页头", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAndWait(page, "unit");
  const banner = page.getByTestId("demo-banner");
  await expect(banner).toBeVisible();
  const box = (await banner.boundingBox())!;
  expect(box.height).toBeLessThan(40);
  const user = (await page.getByTestId("current-user").boundingBox())!;
  expect(user.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
});

test("标签页有图标，可以添加到手机主屏幕，搜索引擎只收录公开页面", async ({ page, request }) => {
  await page.goto("/login");
  // The tab: an SVG for browsers that take one, favicon.ico for those that do not.
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const svg = icons.find((href) => /icon\.svg/.test(href));
  const ico = icons.find((href) => /favicon\.ico/.test(href));
  expect((await request.get(svg!)).headers()["content-type"]).toContain("image/svg+xml");
  expect((await request.get(ico!)).headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  // iOS's home screen takes a PNG apple-touch-icon; Android's the manifest's PNGs.
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  const appleIcon = await request.get(apple!);
  expect(appleIcon.headers()["content-type"]).toBe("image/png");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ name: "创新项目管理平台", display: "standalone", start_url: "/" });
  const pngs = (manifest.icons as { src: string; sizes: string; type: string }[]).filter((icon) => icon.type === "image/png");
  expect(pngs.map((icon) => icon.sizes).sort()).toEqual(["192x192", "512x512"]);
  for (const icon of pngs) {
    const response = await request.get(icon.src);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
  }
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Allow: /announcements");
  expect(robots).toContain("Disallow: /");
});
