// Reminders: the scheduled job (called here the way scripts/server.ts calls it, twice) reminds a township of
// an assigned topic closing in two days, once; the township finds it under 临近截止 and opens it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, signInAndWait, test, unique } from "./support";
import { draftTopic, publishDrafts } from "./topic-support";

/** The job's token: the HMAC of "jobs" under the server's auth secret, as scripts/server.ts computes it. */
function jobToken() {
  const secret = process.env.NEXTAUTH_SECRET ?? fs.readFileSync(path.join(process.env.E2E_DATA_DIR ?? ".data-e2e", "auth-secret"), "utf8").trim();
  return crypto.createHmac("sha256", secret).update("jobs").digest("hex");
}

async function runJob(request: APIRequestContext) {
  const response = await request.post("/api/jobs/reminders", { headers: { "x-job-token": jobToken() } });
  expect(response.status()).toBe(200);
  return response.json();
}

test("a township receives one reminder after the job runs twice, filters by kind and opens it", async ({ page, openPage, request }) => {
  test.setTimeout(180_000);
  expect((await request.post("/api/jobs/reminders", { headers: { "x-job-token": "0".repeat(64) } })).status()).toBe(403);

  await signInAndWait(page, "admin");
  const title = unique("临期发包选题");
  const code = await draftTopic(page, { title, mode: "发包", units: ["金川镇"], closesInDays: 2 });
  await publishDrafts(page);

  await runJob(request);
  await runJob(request);

  const township = await openPage();
  await signInAndWait(township, "z017");
  await township.goto("/notifications");
  const categories = township.getByRole("navigation", { name: "通知类别" });
  await categories.getByRole("link", { name: "临近截止", exact: true }).click();
  await expect(township).toHaveURL(/kind=deadline/);
  const list = township.getByRole("list", { name: "通知列表" });
  const reminder = list
    .getByRole("listitem")
    .filter({ hasText: `选题 ${code}` })
    .filter({ hasText: "截止认领" });
  await expect(reminder).toHaveCount(1);
  await expect(reminder.getByTestId("notification-kind")).toHaveText("临近截止");
  await expect(reminder).toContainText("请答复是否承接");
  // Every item under this filter is a deadline reminder.
  for (const badge of await list.getByTestId("notification-kind").allTextContents()) expect(badge).toBe("临近截止");

  // The assignment itself is under 分配, not under 临近截止.
  await categories.getByRole("link", { name: "分配", exact: true }).click();
  await expect(township).toHaveURL(/kind=assignment/);
  await expect(list.getByRole("listitem").filter({ hasText: `选题 ${code} 已发包给本单位` })).toHaveCount(1);

  await categories.getByRole("link", { name: "临近截止", exact: true }).click();
  await expect(township).toHaveURL(/kind=deadline/);
  await expect(reminder.getByRole("link")).toContainText("未读：");
  await reminder.getByRole("link").click();
  await expect(township).toHaveURL(/\/topics\/[^/]+$/);
  await expect(township.getByRole("heading", { level: 1 })).toContainText(code);

  // A third run sends nothing new; the reminder is read now.
  await runJob(request);
  await township.goto("/notifications?kind=deadline");
  await expect(reminder).toHaveCount(1);
  await expect(reminder.getByRole("link")).not.toContainText("未读：");
});
