import type { Page } from "@playwright/test";
import { expect, expectStage, fieldError, signInAndWait, test, unique } from "./support";

const DIGITS = "一二三四五六七八九";

/**
 * A visitor without an account, in its own browser context and from its own address: the per-address
 * limit (5 in 10 minutes) then holds for each test, however often the suite ran against this server.
 */
async function visitor(openPage: () => Promise<Page>) {
  const page = await openPage();
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.${rand()}.${rand()}.${rand()}` });
  return page;
}
const rand = () => Math.floor(Math.random() * 250) + 1;

/** Opens /suggest and fills 类别, 方面 and the text. */
async function fillSuggestion(page: Page, category: string, aspect: string, content: string) {
  await page.goto("/suggest");
  await expect(page.getByRole("heading", { name: "我为组织工作改革创新建言献策" })).toBeVisible();
  await page.getByLabel("类别").selectOption({ label: category });
  await page.getByLabel("方面").selectOption({ label: aspect });
  await page.getByLabel("意见建议").fill(content);
}

/** Reads "验证题：六加九等于几？" and types the sum (plus `off`, to answer wrongly). */
async function answerChallenge(page: Page, off = 0) {
  const question = await page.getByText(/^验证题：/).innerText();
  const [, a, b] = question.match(/验证题：(.)加(.)等于几/)!;
  await page.getByLabel(/^验证题/).fill(String(DIGITS.indexOf(a) + 1 + DIGITS.indexOf(b) + 1 + off));
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "提交建议" }).click();
  const receipt = page.getByTestId("receipt-no");
  await expect(receipt).toHaveText(/^JY\d{4}-[23456789A-HJKMNP-Z]{8}$/);
  return (await receipt.innerText()).trim();
}

async function submitAnonymously(page: Page, content: string) {
  await fillSuggestion(page, "基层党建", "农村党建", content);
  await answerChallenge(page);
  return submit(page);
}

/** Staff: finds the suggestion by its receipt number in the inbox and opens 处理. */
async function openInInbox(page: Page, receipt: string) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "建言献策" }).click();
  await expect(page.getByRole("heading", { name: "建言献策", level: 1 })).toBeVisible();
  await page.getByLabel("内容或回执号").fill(receipt);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/q=/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(receipt);
  await rows.first().getByRole("link", { name: "处理" }).click();
  await expect(page.getByRole("heading", { name: `建议 ${receipt}` })).toBeVisible();
}

async function lookUp(page: Page, typed: string) {
  await page.goto("/suggest/lookup");
  await page.getByLabel("回执号").fill(typed);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/receipt=/);
}

test("匿名建言：答错验证题保留已填内容，答对后得到回执号；组工干部答复后凭回执号可查", async ({ page, openPage }) => {
  const content = unique("建议在农村推行党员积分制管理，按季度公示积分");
  const anonymous = await visitor(openPage);
  await fillSuggestion(anonymous, "基层党建", "农村党建", content);
  await anonymous.getByLabel("姓名（可不填）").fill("王五");

  await answerChallenge(anonymous, 1);
  await anonymous.getByRole("button", { name: "提交建议" }).click();
  const answer = anonymous.getByLabel(/^验证题/);
  await expect(fieldError(answer)).toHaveText("验证题答案不正确");
  await expect(answer).toHaveAttribute("aria-invalid", "true");
  await expect(anonymous.getByLabel("意见建议")).toHaveValue(content);
  await expect(anonymous.getByLabel("姓名（可不填）")).toHaveValue("王五");

  await answerChallenge(anonymous);
  const receipt = await submit(anonymous);

  const reply = unique("感谢您的建议，已转组织科研究落实。");
  await signInAndWait(page, "staff");
  await openInInbox(page, receipt);
  await expect(page.getByText(content)).toBeVisible();
  await expect(page.getByText("王五")).toBeVisible();
  // The step bar: a new suggestion waits for the department, and says what the staff member may do with it.
  const bar = page.getByRole("navigation", { name: "建议办理进程" });
  await expectStage(page, "待处理");
  await expect(bar).toContainText("当前：组织部研究处理");
  await expect(bar).toContainText(/您可以：采纳、答复、.*转为选题/);
  await page.getByLabel(/^答复/).fill(reply);
  await page.getByRole("button", { name: "答复", exact: true }).click();
  await expect(page.getByText("已答复").first()).toBeVisible();
  await expectStage(page, "已答复");

  // People copy receipts carelessly: lower case and a stray space are accepted.
  await lookUp(anonymous, ` ${receipt.toLowerCase()} `);
  await expect(anonymous.getByTestId("reply")).toHaveText(reply);
  await expect(anonymous.getByText("已答复")).toBeVisible();
  await expect(anonymous.getByText(content)).toBeVisible();
  await expect(anonymous.getByText("王五")).toHaveCount(0);
});

test("组工干部把重复建议合并到先提交的那条，提交人查询时看到已合并和保留的回执号", async ({ page, openPage }) => {
  const content = unique("建议每月固定召开乡镇组织委员例会，交流创新做法");
  const anonymous = await visitor(openPage);
  const first = await submitAnonymously(anonymous, content);
  const second = await submitAnonymously(anonymous, content);
  expect(second).not.toBe(first);

  await signInAndWait(page, "staff");
  await openInInbox(page, second);
  await page.getByLabel(/^合并到/).fill(first);
  await page.getByRole("button", { name: "合并为重复" }).click();
  await expect(page.getByText("已合并到", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: first })).toBeVisible();
  await expect(page.getByText("该建议已合并到其他建议，无需再处理。")).toBeVisible();

  await lookUp(anonymous, second);
  await expect(anonymous.getByText("已合并", { exact: true })).toBeVisible();
  await expect(anonymous.getByText(`${first}（待处理）`)).toBeVisible();
});

test("单位填报员从首页进入我要建言，无需验证题，在我提交的建议中看到待处理", async ({ page }) => {
  const content = unique("建议为村级后备干部建立成长档案，跟踪培养");
  await signInAndWait(page, "unit");
  await page.getByRole("link", { name: /我要建言/ }).click();
  await expect(page).toHaveURL(/\/suggest$/);
  await expect(page.getByText(/以“.+”的名义提交/)).toBeVisible();
  await fillSuggestion(page, "干部工作", "干部教育培训", content);
  await expect(page.getByLabel(/^验证题/)).toHaveCount(0);
  await expect(page.getByLabel("姓名（可不填）")).toHaveCount(0);
  const receipt = await submit(page);

  await page.goto("/suggest");
  await expect(page.getByRole("heading", { name: "我提交的建议" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: receipt });
  await expect(item).toContainText(content);
  await expect(item).toContainText("待处理");
});

test("管理员新增方面后，匿名表单在该类别下提供它；单位填报员不能打开建议箱", async ({ page, openPage }) => {
  const name = unique("人才公寓");
  await signInAndWait(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "建言献策" }).click();
  await page.getByRole("link", { name: "方面设置" }).click();
  await expect(page.getByRole("heading", { name: "建议方面设置" })).toBeVisible();
  const form = page.locator("form#new-aspect");
  await form.getByLabel("类别").selectOption({ label: "人才工作" });
  await form.getByLabel("方面名称").fill(name);
  await form.getByRole("button", { name: "新增方面" }).click();
  await expect(page.getByRole("form", { name: `方面：${name}` })).toBeVisible();
  await expect(form.getByLabel("方面名称")).toHaveValue("");

  const anonymous = await visitor(openPage);
  await anonymous.goto("/suggest");
  const aspect = anonymous.getByLabel("方面");
  await anonymous.getByLabel("类别").selectOption({ label: "人才工作" });
  await expect(aspect.getByRole("option", { name })).toHaveCount(1);
  await anonymous.getByLabel("类别").selectOption({ label: "基层党建" });
  await expect(aspect.getByRole("option", { name: "农村党建" })).toHaveCount(1);
  await expect(aspect.getByRole("option", { name })).toHaveCount(0);

  const clerk = await openPage();
  await signInAndWait(clerk, "unit");
  const response = await clerk.goto("/suggestions");
  expect(response?.status()).toBe(403);
  await expect(clerk.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("分类统计显示总计行和征集总数", async ({ page }) => {
  await signInAndWait(page, "staff");
  await page.goto("/suggestions");
  await page.getByRole("link", { name: "分类统计" }).click();
  await expect(page.getByRole("heading", { name: "建言献策分类统计" })).toBeVisible();
  const description = page.getByText(/共征集意见建议 \d+ 条/);
  await expect(description).toBeVisible();
  const total = Number((await description.innerText()).match(/共征集意见建议 (\d+) 条/)![1]);
  expect(total).toBeGreaterThan(0);
  const totalRow = page.getByRole("row").filter({ hasText: "总计" });
  await expect(totalRow).toHaveCount(1);
  await expect(totalRow.getByRole("cell").nth(1)).toHaveText(String(total));
});
