// Steps shared by the journeys that need a topic of their own.
import type { Page } from "@playwright/test";
import { expect } from "./support";

/** A datetime-local value, Beijing time, `days` from now. */
export function beijingInput(days: number) {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

export type Draft = { title: string; mode?: "自主认领" | "招投标" | "发包"; category?: string; units?: string[]; closesInDays?: number };

/** On a page signed in as staff or admin: drafts a topic through 拟定选题 and returns its code. */
export async function draftTopic(page: Page, draft: Draft) {
  await page.goto("/topics/new");
  await page.getByLabel("选题名称").fill(draft.title);
  await page.getByLabel("选题说明").fill(`${draft.title}：试点先行，形成可推广的制度。`);
  await page.getByLabel("类别").selectOption({ label: draft.category ?? "基层党建" });
  await page.getByLabel("着眼领域").selectOption({ label: "重点领域" });
  await page.getByLabel("目标层次").selectOption({ label: "特色工作创品牌" });
  await page.getByLabel("认领方式").selectOption({ label: draft.mode ?? "自主认领" });
  await page.getByLabel("认领截止时间").fill(beijingInput(draft.closesInDays ?? 7));
  for (const unit of draft.units ?? []) await page.getByRole("checkbox", { name: unit, exact: true }).check();
  await page.getByRole("button", { name: "保存草稿" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(draft.title);
  return (await heading.innerText()).split(" ")[0];
}

/** On a page signed in as the admin: publishes every draft of the year from the topic list. */
export async function publishDrafts(page: Page) {
  await page.goto("/topics");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: /^发布参考选题（\d+ 个）$/ }).click();
  await expect(page.getByRole("button", { name: /^发布参考选题/ })).toHaveCount(0);
}

/** Finds a topic in the list by its code and opens it. */
export async function openTopic(page: Page, code: string) {
  await page.goto("/topics");
  await page.getByLabel("关键词").fill(code);
  await page.getByRole("button", { name: "筛选" }).click();
  await page.getByRole("row").filter({ hasText: code }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
}
