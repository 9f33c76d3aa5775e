// Issue 20: what got in the way when each role was clicked through as a new user would.
import fs from "node:fs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import type { Download, Page } from "@playwright/test";
import { expect, expectStage, fieldError, signInAndWait, test, unique } from "./support";

const year = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** A control by its label, required marker (*) or not. */
function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}\\*?$`));
}

async function newProposal(page: Page) {
  await page.goto("/projects");
  await page.getByRole("button", { name: "新建申报书" }).click();
  await expect(page.getByRole("heading", { name: "填写申报书" })).toBeVisible();
}

/** Every part of the proposal form but the fifth self-assessment (the one typed last). */
async function fillAllButLast(page: Page, title: string) {
  await field(page, "项目名称").fill(title);
  await field(page, "责任领导").fill("周书记");
  await field(page, "联系方式").fill("13900001111");
  await page.getByLabel("类别").selectOption({ label: "基层党建" });
  await page.getByLabel("着眼领域").selectOption({ label: "难点领域" });
  await page.getByLabel("目标层次").selectOption({ label: "特色工作创品牌" });
  await field(page, "拟解决的问题").fill("村级服务力量不足。");
  await page.getByRole("checkbox", { name: "机制创新" }).check();
  await page.getByRole("checkbox", { name: "社区", exact: true }).check();
  await page.getByRole("checkbox", { name: /^联一联/ }).check();
  await field(page, "目标").fill("全镇 12 个村党员志愿服务队全覆盖。");
  await field(page, "主要措施").fill("按村组建服务队，每月固定服务日。");
  await field(page, "预期成效").fill("群众满意度明显提升。");
  await page.getByLabel("第 1 个节点的内容").fill("组建服务队");
  await page.getByLabel("第 1 个节点的日期").fill(`${year()}-12-20`);
  await field(page, "人力投入").fill("专班 2 人");
  await field(page, "资金投入").fill("1 万元");
  for (const index of [1, 2, 3, 4]) await page.getByLabel(new RegExp(`^${index}\\. `)).fill("符合本镇实际，有推广价值。");
}

test("申报书：提交后标出的缺项随填写逐项消失，提示的数目随之减少", async ({ page }) => {
  await signInAndWait(page, "z008");
  await newProposal(page);
  await page.getByRole("button", { name: "提交申报" }).click();
  const banner = page.getByText(/还有 \d+ 处需要补充/);
  await expect(banner).toBeVisible();
  const count = Number((await banner.innerText()).match(/还有 (\d+) 处/)?.[1]);
  expect(count).toBeGreaterThan(10);
  await expect(fieldError(field(page, "项目名称"))).toHaveText("请填写项目名称");

  await field(page, "项目名称").fill(unique("缺项即时消失"));
  await expect(fieldError(field(page, "项目名称"))).toHaveCount(0);
  await expect(banner).toHaveText(new RegExp(`还有 ${count - 1} 处需要补充`));
  await page.getByRole("checkbox", { name: "机制创新" }).check();
  await expect(banner).toHaveText(new RegExp(`还有 ${count - 2} 处需要补充`));
  // Each field filled takes one off the count.
  await field(page, "责任领导").fill("周书记");
  await expect(banner).toHaveText(new RegExp(`还有 ${count - 3} 处需要补充`));
  await fillAllButLast(page, unique("缺项即时消失"));
  await expect(banner).toHaveText(/还有 1 处需要补充/);
  await page.getByLabel(/^5\. /).fill("有推广价值。");
  await expect(banner).toHaveCount(0);
});

test("申报书：自动保存未完成时立刻点提交，提交的是刚填的内容，不报冲突（连续几轮）", async ({ page }) => {
  test.setTimeout(150_000);
  await signInAndWait(page, "z008");
  await newProposal(page);
  // Each server action takes 0.7 s longer, as on a slow county network: the autosave is still in flight when the
  // user clicks 提交申报.
  await page.route(
    (url) => url.pathname.startsWith("/projects/"),
    async (route) => {
      if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    },
  );
  await fillAllButLast(page, unique("保存与提交"));
  for (const round of [1, 2, 3, 4]) {
    await field(page, "目标").fill(`第 ${round} 轮目标：全镇服务队全覆盖。`);
    await expect(page.getByTestId("save-state")).toContainText("正在保存");
    await page.getByLabel(/^5\. /).fill(`第 ${round} 轮自评：有推广价值。`);
    await page.getByRole("button", { name: "提交申报" }).click();
    await expect(page.getByText("申报书已提交。")).toBeVisible();
    await expect(page.getByText("该记录已被他人修改")).toHaveCount(0);
    await expectStage(page, "已申报");
    await expect(page.getByText(`第 ${round} 轮自评：有推广价值。`)).toBeVisible();
    await expect(page.getByText(`第 ${round} 轮目标：全镇服务队全覆盖。`)).toBeVisible();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "撤回" }).click();
    await expectStage(page, "草稿");
    await page.getByRole("link", { name: "填写申报书" }).click();
    await expect(page.getByRole("button", { name: "提交申报" })).toBeVisible();
  }
});

/** The text of a downloaded PDF as a reader searches it (NFKC folds the Kangxi-radical look-alikes of CJK fonts). */
async function pdfText(download: Download) {
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync((await download.path())!)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.normalize("NFKC").replace(/\s+/g, "");
}

async function downloaded(page: Page, link: string) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  return downloading;
}

// Issue 20 point 3: a submitted proposal could not be printed or downloaded.
test("申报书：提交后打印、下载 PDF 和 Word（单位盖章栏），别的单位打不开，县里从项目页打开任一版本", async ({ page, openPage }) => {
  test.setTimeout(150_000);
  const title = unique("申报书打印");
  await signInAndWait(page, "z008");
  await newProposal(page);
  await fillAllButLast(page, title);
  await page.getByLabel(/^5\. /).fill("有推广价值。");
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByText("申报书已提交。")).toBeVisible();
  const projectUrl = page.url().replace(/\?.*$/, "");

  await page.getByRole("link", { name: "打印或下载申报书" }).click();
  await expect(page).toHaveURL(/\/versions\/1\/document$/);
  const doc = page.getByRole("article", { name: "申报书（第 1 版）" });
  await expect(doc.getByRole("heading", { level: 1, name: `${year()}年度组织工作改革创新项目申报书` })).toBeVisible();
  // The number line: the version (the 项目编号 comes with 立项).
  await expect(doc).toContainText("第 1 版");
  const basics = doc.getByRole("table", { name: "项目基本情况" });
  await expect(basics.getByRole("row").filter({ hasText: "项目名称" })).toContainText(title);
  await expect(basics.getByRole("row").filter({ hasText: "申报年度" })).toContainText(`${year()}年度`);
  await expect(basics.getByRole("row").filter({ hasText: "类别" })).toContainText("基层党建");
  await expect(basics.getByRole("row").filter({ hasText: "党组织领域" })).toContainText("社区");
  for (const words of [
    "拟解决的问题",
    "村级服务力量不足。",
    "主要措施",
    "实施节点",
    "组建服务队",
    "投入保障（预算）",
    "1 万元",
    "对照创新标准自评",
    "申报单位（盖章）",
    "日期：",
  ])
    await expect(doc).toContainText(words);
  // Printed, the app's frame goes and the form stays.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(doc).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const word = await downloaded(page, "下载 Word");
  expect(word.suggestedFilename()).toBe(`${title}申报书（第1版）.docx`);
  const xml = await (await JSZip.loadAsync(fs.readFileSync((await word.path())!))).file("word/document.xml")!.async("string");
  for (const words of [title, "第 1 版", "申报单位（盖章）：", "组建服务队"]) expect(xml).toContain(words);
  const pdf = await downloaded(page, "下载 PDF");
  expect(pdf.suggestedFilename()).toBe(`${title}申报书（第1版）.pdf`);
  const text = await pdfText(pdf);
  for (const words of [title, "第 1 版", "申报单位（盖章）：", "组建服务队"]) expect(text).toContain(words.normalize("NFKC").replace(/\s+/g, ""));

  // Another township gets neither the page nor the files.
  const documentUrl = page.url();
  const versionId = (await page.getByRole("link", { name: "下载 Word" }).getAttribute("href"))!.match(/proposal\/([^.]+)\.docx/)![1];
  const other = await openPage();
  await signInAndWait(other, "z009");
  await other.goto(documentUrl);
  await expect(other.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect((await other.request.get(`/documents/proposal/${versionId}.docx`)).status()).toBe(404);

  // The county opens it from the project's list of versions.
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await admin.goto(projectUrl);
  await admin.getByTestId("project-version").filter({ hasText: "第 1 版" }).getByRole("link", { name: "打印 / 下载" }).click();
  await expect(admin.getByRole("article", { name: "申报书（第 1 版）" })).toContainText(title);
});

// Issue 20 point 5: rows that looked duplicated, no project code or year, old overdue items among the current quarter's.
test("季度报告：单位的列表有项目编号、年度和季度，默认只列本年度待办，已报送和往年的一键可见", async ({ page }) => {
  await signInAndWait(page, "unit");
  await page.goto("/reports");
  const table = page.getByRole("table");
  for (const header of ["项目编号", "项目", "申报年度", "报告季度", "截止时间", "状态"])
    await expect(table.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  await expect(page.getByText(`正在看：${year()}年待办`)).toBeVisible();
  const rows = page.getByTestId("unit-report-row");
  await expect(rows.first()).toBeVisible();
  const openRows = await rows.allInnerTexts();
  const keys = new Set<string>();
  for (const row of openRows) {
    const cells = row.split("\t").map((cell) => cell.trim());
    expect(cells[0], row).toMatch(/^\d{4}-\d{3,}$/); // 项目编号
    expect(cells[2], row).toMatch(/^\d{4} 年度$/); // 申报年度
    expect(cells[3], row).toMatch(new RegExp(`^${year()}年第[一二三四]季度$`)); // only this year's
    expect(cells[5], row).toMatch(/^(未到期|待报送|逾期未报|退回修改)$/); // only what is still to do
    keys.add(`${cells[0]} ${cells[3]}`);
  }
  // No two rows for the same project and quarter.
  expect(keys.size).toBe(openRows.length);

  // Submitted ones are one click away, in the same year.
  await page.getByRole("link", { name: "查看已报送的" }).click();
  await expect(page).toHaveURL(/show=all/);
  await expect(page.getByText(`正在看：${year()}年全部`)).toBeVisible();
  const all = await rows.allInnerTexts();
  expect(all.length).toBeGreaterThanOrEqual(openRows.length);
  for (const row of all) expect(row.split("\t")[3].trim()).toMatch(new RegExp(`^${year()}年`));

  // Every year, by the filter.
  await page.getByLabel("年度").selectOption({ label: "全部年度" });
  await page.getByLabel("范围").selectOption({ label: "全部（含已报送）" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/year=all/);
  await expect(page.getByText("正在看：全部年度全部")).toBeVisible();
  const total = Number((await page.getByText(/共 \d+ 条/).innerText()).match(/共 (\d+) 条/)![1]);
  expect(total).toBeGreaterThanOrEqual(all.length);
  const order = (await rows.allInnerTexts()).map((row) => {
    const [, y, q] = row
      .split("\t")[3]
      .trim()
      .match(/^(\d{4})年第([一二三四])季度$/)!;
    return Number(y) * 10 + "一二三四".indexOf(q);
  });
  // Newest first.
  expect([...order].sort((a, b) => b - a)).toEqual(order);
});

// Issue 20 point 12: the two aggregates can order proposals differently; the 部务会 has to see it.
test("听证排名：管理员随评分标准选定排名依据；评分结果并列两种算法的名次，名次不同的标出", async ({ page }) => {
  await signInAndWait(page, "admin");
  // A year of its own, whose rubric no score has frozen yet.
  await page.goto("/years");
  const taken = await page.getByRole("row").allInnerTexts();
  let newYear = 0;
  do newYear = 2028 + Math.floor(Math.random() * 12);
  while (taken.some((row) => row.includes(`${newYear} 年度`)));
  await page.getByRole("spinbutton", { name: "年度" }).fill(String(newYear));
  await page.getByRole("button", { name: "新建年度" }).click();
  await expect(page).toHaveURL(/\/years\/[^/]+$/);
  await page.goto(`/hearings/rubric?year=${newYear}`);
  await expect(page.getByText("本年度排名依据：去极值平均分")).toBeVisible();
  await page.getByLabel("排名依据").selectOption({ label: "标准化平均分" });
  await page.getByRole("button", { name: "保存评分标准" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await page.reload();
  await expect(page.getByText("本年度排名依据：标准化平均分")).toBeVisible();
  await expect(page.getByLabel("排名依据")).toHaveValue("NORMALIZED_MEAN");

  // A scored year (the demo's 2025, frozen with the trimmed mean): both ranks side by side, differences flagged.
  await page.goto("/hearings/rubric?year=2025");
  await expect(page.getByText(/评分标准和排名依据已锁定/)).toBeVisible();
  await expect(page.getByLabel("排名依据")).toBeDisabled();
  await page.goto("/hearings?year=2025");
  const summary = page.getByText(/2025 年度听证排名（\d+ 个项目，各项目最近一轮，按去极值平均分/);
  await expect(summary).toBeVisible();
  const yearList = page.getByRole("list", { name: "年度排名" });
  await summary.click();
  await expect(yearList.getByRole("listitem").first()).toContainText(/去极值 [\d.]+ 分（第 \d+ 名）.*标准化 [\d.]+ 分（第 \d+ 名）/);
  for (const item of await yearList.getByRole("listitem").all()) {
    const text = await item.innerText();
    const [, trimmed, normalized] = text.match(/去极值 [\d.]+ 分（第 (\d+) 名）.*标准化 [\d.]+ 分（第 (\d+) 名）/s)!;
    expect(text.includes("两种算法名次不同"), text).toBe(trimmed !== normalized);
  }

  await page.getByRole("link", { name: "2025年度创新项目部务听证会" }).first().click();
  await page
    .getByRole("link", { name: /评分结果/ })
    .first()
    .click();
  await expect(page.getByText(/^按去极值平均分排名（本年度评分标准公布的排名依据）/)).toBeVisible();
  await expect(page.getByText(/本年度按去极值平均分排名（随评分标准公布，开始评分后不再更改）/)).toBeVisible();
  const table = page.getByRole("table");
  for (const header of ["去极值平均（名次）", "标准化平均（名次）"]) await expect(table.getByRole("columnheader", { name: header })).toBeVisible();
  let flagged = 0;
  for (const row of await table.getByRole("row").all()) {
    const cells = await row.getByRole("cell").allInnerTexts();
    if (cells.length < 9) continue; // the header
    const trimmedRank = cells[5].match(/第 (\d+) 名/)![1];
    const normalizedRank = cells[6].match(/第 (\d+) 名/)![1];
    expect(cells[0].trim(), cells.join(" | ")).toBe(trimmedRank); // ranked by the published aggregate
    expect(cells[8].includes("两种算法名次不同"), cells.join(" | ")).toBe(trimmedRank !== normalizedRank);
    if (trimmedRank !== normalizedRank) flagged++;
  }
  // The notice counts every page's; a flag on this page means there is one.
  if (flagged > 0) await expect(page.getByText(/有 \d+ 个项目按去极值平均分和标准化平均分的名次不同/)).toBeVisible();
});
