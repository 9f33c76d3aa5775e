// The proposal form, filled as a unit (or a project's lead) fills it: shared by the journeys that submit one.
import type { Page } from "@playwright/test";

const year = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** A control by its label, required marker (*) or not. */
export function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}\\*?$`));
}

/** Fills every part of the proposal form except those listed in `skip`. */
export async function fillProposal(page: Page, skip: string[] = []) {
  const text = async (label: string, value: string) => {
    if (!skip.includes(label)) await field(page, label).fill(value);
  };
  await text("责任领导", "周书记");
  await text("联系方式", "13900001111");
  await page.getByLabel("着眼领域").selectOption({ label: "难点领域" });
  await page.getByRole("checkbox", { name: "机制创新" }).check();
  await page.getByRole("checkbox", { name: "社区", exact: true }).check();
  await page.getByRole("checkbox", { name: /^联一联/ }).check();
  await page.getByRole("checkbox", { name: /^定一定/ }).check();
  await text("目标", "全镇 12 个村党员志愿服务队全覆盖。");
  await text("主要措施", "按村组建服务队，每月固定服务日，年底群众评议。");
  await text("预期成效", "群众满意度明显提升，形成服务队管理办法。");
  await page.getByLabel("第 1 个节点的内容").fill("组建服务队");
  await page.getByLabel("第 1 个节点的日期").fill(`${year()}-12-20`);
  await text("人力投入", "专班 2 人，各村联络员 1 人");
  await text("资金投入", "1 万元");
  for (const index of [1, 2, 3, 4, 5]) {
    await page.getByLabel(new RegExp(`^${index}\\. `)).fill("符合本镇实际，有推广价值。");
  }
}
