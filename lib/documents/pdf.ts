// The model printed to PDF by headless Chromium (playwright-core): the same HTML and CSS as the page's print
// stylesheet, Chinese in the Noto CJK fonts of Debian's fonts-noto-cjk, nothing fetched at run time.
// One browser per app process, launched at the first PDF and closed after a minute without one (a 2-core
// server pays the ~1 s launch once per burst, not per download); each PDF gets its own context, at most
// PDF_CONCURRENCY at a time, the others wait their turn.
import "server-only";
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { documentHtml } from "./html";
import type { OfficialDoc } from "./model";
import { certificatesHtml, type CertificateDoc } from "./certificate";
import { ActionError } from "@/lib/actions/errors";

const CONCURRENCY = Math.max(1, Number(process.env.PDF_CONCURRENCY ?? 2));
const IDLE_MS = 60_000;
const TIMEOUT_MS = 30_000;
export const NO_CHROMIUM =
  "服务器未安装 Chromium 浏览器，暂时无法生成 PDF。请管理员安装（Debian/Ubuntu：apt-get install chromium fonts-noto-cjk）或设置 CHROMIUM_PATH；现在可下载 Word 版，或在页面上用“打印 / 另存为 PDF”。";

/**
 * No browser to print with: a message meant for the reader (what to do instead), so an ActionError, and always the
 * one fixed text above — nothing from the system can ride along when the documents route sends it.
 */
export class PdfUnavailableError extends ActionError {
  constructor() {
    super(NO_CHROMIUM);
    this.name = "PdfUnavailableError";
  }
}

/** Debian's chromium, CHROMIUM_PATH, or the browser of `npx playwright install chromium`; null when none is there. */
export async function chromiumPath(): Promise<string | null> {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  try {
    const { chromium } = await import("playwright-core");
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core knows no browser of its own here.
  }
  return candidates.find((p): p is string => !!p && fs.existsSync(p)) ?? null;
}

let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let running = 0;
const waiting: (() => void)[] = [];

async function launch(): Promise<Browser> {
  const executablePath = await chromiumPath();
  if (!executablePath) throw new PdfUnavailableError();
  const { chromium } = await import("playwright-core");
  const launched = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  launched.on("disconnected", () => {
    browser = null;
  });
  return launched;
}

function getBrowser(): Promise<Browser> {
  if (!browser) {
    browser = launch();
    browser.catch(() => (browser = null));
  }
  return browser;
}

async function acquire() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (running >= CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
}

function release() {
  running--;
  const next = waiting.shift();
  if (next) next();
  else if (running === 0) {
    idleTimer = setTimeout(() => void closePdfBrowser(), IDLE_MS);
    idleTimer.unref();
  }
}

/** Closes the shared browser (idle, tests, shutdown). */
export async function closePdfBrowser() {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.close().catch(() => {});
}

export function renderPdf(doc: OfficialDoc | CertificateDoc): Promise<Buffer> {
  // Certificates fill their landscape sheet: no page numbers.
  return "kind" in doc ? printHtml(certificatesHtml(doc), false) : printHtml(documentHtml(doc), true);
}

async function printHtml(html: string, pageNumbers: boolean): Promise<Buffer> {
  await acquire();
  try {
    const context = await (await getBrowser()).newContext({ offline: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      await page.setContent(html, { waitUntil: "load" });
      return await page.pdf({
        format: "A4",
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: pageNumbers,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="width:100%;text-align:center;font-size:12pt;font-family:'Noto Serif CJK SC',serif">— <span class="pageNumber"></span> —</div>`,
        tagged: true,
      });
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    release();
  }
}
