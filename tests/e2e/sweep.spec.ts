// Every page of every role, at a desk (1280×800) and on a phone (390×844): no horizontal overflow, no console error,
// no serious or critical accessibility violation (axe-core; GB/T 37668 asks for accessible government services).
// The pages are found by following the links each role is shown, from the home page and the public pages, one page
// per route (ids and queries folded), so a new page is swept the day it is linked (issue 20, "keep it so").
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, signInAndWait, test } from "./support";

const VIEWPORTS = [
  { name: "桌面", options: { viewport: { width: 1280, height: 800 } } },
  { name: "手机", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
] as const;

/** The most routes followed per role: far above what any role has today, so the sweep is bounded whatever is linked. */
const MAX_ROUTES = 120;

/** Links that are files or side effects, not pages: downloads, exports, documents, the API. */
const NOT_A_PAGE = /^\/(api|_next)\/|\/(export|download|files?|attachments?)(\/|$|\?)|\.(pdf|docx|xlsx|zip|csv)(\?|$)|^\/documents\//;

/** /projects/ck…/versions/2?x=1 → /projects/:id/versions/:id: one visit per route. */
function routeOf(href: string): string {
  const path = href.split(/[?#]/)[0].replace(/\/+$/, "") || "/";
  return path
    .split("/")
    .map((segment) => (/^(c[a-z0-9]{20,}|[0-9a-f-]{32,36}|\d+)$/.test(segment) ? ":id" : segment))
    .join("/");
}

type Finding = string;

// Hundreds of page loads: no trace or screenshot of each (a finding names its page), and each finding is printed as
// it is found, so a long run shows its progress.
test.use({ trace: "off", screenshot: "off" });

function report(findings: Finding[], finding: Finding) {
  findings.push(finding);
  console.info(`发现：${finding}`);
}

async function sweepPage(page: Page, url: string, where: string, findings: Finding[]): Promise<string[]> {
  const errors: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === "error") errors.push(message.text());
  };
  const onError = (error: Error) => errors.push(error.message);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  try {
    const response = await page.goto(url, { waitUntil: "load" }).catch((error: Error) => {
      // A link that turns out to be a download is not a page.
      if (/Download is starting/.test(error.message)) return null;
      throw error;
    });
    if (!response || !(response.headers()["content-type"] ?? "").includes("text/html")) return [];
    // A page the role is linked to must open: a 4xx (not found, forbidden) is a dead or wrongly shown link.
    if (response.status() >= 400) report(findings, `${where} ${url}: HTTP ${response.status()}`);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth + 1) report(findings, `${where} ${url}: 横向溢出（页面宽 ${scrollWidth}px，屏幕宽 ${innerWidth}px）`);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const violation of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      const targets = violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join("; ");
      report(findings, `${where} ${url}: 无障碍 ${violation.impact} ${violation.id}（${violation.nodes.length} 处，如 ${targets}）`);
    }
    for (const error of errors) report(findings, `${where} ${url}: 控制台错误 ${error.slice(0, 200)}`);
    return await page.$$eval("a[href^='/']", (anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
}

/** Follows the links from `start` breadth-first, each route once, at both sizes. Returns the routes visited. */
async function sweep(browser: Browser, who: string, start: string[], signIn: ((page: Page) => Promise<void>) | null, findings: Finding[]) {
  const pages = await Promise.all(
    VIEWPORTS.map(async (viewport) => {
      const context = await browser.newContext({ ...viewport.options, baseURL: test.info().project.use.baseURL });
      const page = await context.newPage();
      if (signIn) await signIn(page);
      return { viewport, page };
    }),
  );
  const seen = new Set<string>();
  const queue = [...start];
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < MAX_ROUTES) {
    const url = queue.shift()!;
    const route = routeOf(url);
    if (seen.has(route)) continue;
    seen.add(route);
    visited.push(route);
    let links: string[] = [];
    for (const { viewport, page } of pages) {
      links = [...links, ...(await sweepPage(page, url, `${who}·${viewport.name}`, findings))];
    }
    for (const href of links) {
      if (!href || NOT_A_PAGE.test(href) || href.startsWith("/login") || seen.has(routeOf(href))) continue;
      queue.push(href);
    }
  }
  await Promise.all(pages.map(({ page }) => page.context().close()));
  return visited;
}

const ROLES = [
  { who: "管理员", username: "admin" },
  { who: "组工干部", username: "staff" },
  { who: "单位填报员", username: "unit" },
  { who: "部门单位填报员", username: "unit2" },
  { who: "科室负责人", username: "head" },
  { who: "评审专家", username: "reviewer" },
  { who: "县委领导", username: "leader" },
  { who: "安全管理员", username: "security" },
  { who: "审计管理员", username: "auditor" },
];

test("访客能打开的页面：不横向溢出、无控制台错误、无严重无障碍问题", async ({ browser }) => {
  test.setTimeout(300_000);
  const findings: Finding[] = [];
  const visited = await sweep(browser, "访客", ["/login", "/suggest", "/announcements"], null, findings);
  expect(visited.length).toBeGreaterThanOrEqual(3);
  expect(findings).toEqual([]);
});

for (const role of ROLES) {
  test(`${role.who}的每个页面：桌面与手机上不横向溢出、无控制台错误、无严重无障碍问题`, async ({ browser }) => {
    test.setTimeout(900_000);
    const findings: Finding[] = [];
    const visited = await sweep(browser, role.who, ["/"], (page) => signInAndWait(page, role.username), findings);
    console.info(`${role.who}：${visited.length} 个页面 ${visited.join(" ")}`);
    expect(visited.length).toBeGreaterThanOrEqual(3);
    expect(findings).toEqual([]);
  });
}
