// What every Playwright configuration here shares: Debian's chromium where it is installed (these machines
// cannot download Playwright's browsers; elsewhere the browser from `npx playwright install chromium`),
// Beijing time, Chinese, and traces of failures.
import fs from "node:fs";
import type { PlaywrightTestConfig } from "@playwright/test";

const systemChromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const sharedUse: PlaywrightTestConfig["use"] = {
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  trace: "retain-on-failure",
  screenshot: "only-on-failure",
  launchOptions: {
    executablePath: systemChromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};
