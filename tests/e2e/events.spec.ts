import type { Page } from "@playwright/test";
import { expect, fieldError, signInAndWait, test, unique, wordOfPage } from "./support";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
/** A moment `minutes` from now as a datetime-local value in Beijing time. */
const beijing = (minutes: number) => new Date(Date.now() + 8 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 16);
const DAY = 24 * 60;

async function expectNoHorizontalOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}：页面宽 ${scrollWidth}px，屏幕宽 ${innerWidth}px`).toBeLessThanOrEqual(innerWidth + 1);
}

const stage = (page: Page, bar: string) => page.getByRole("navigation", { name: bar }).locator('[aria-current="step"]');

test("现场会与交流：组工干部筹备交流会并印发通知，乡镇在手机上确认参会、报送材料，组工干部选入汇编、记录纪要，会后借鉴注明该活动", async ({
  page,
  browser,
  openPage,
}) => {
  test.setTimeout(240_000);
  const title = unique("党建创新经验交流会");
  const material = unique("青石镇无职党员设岗做法");

  // 组工干部筹备：先空提交，每个必填项都在原处提示；再填好保存。
  const staff = page;
  await signInAndWait(staff, "staff");
  await staff.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "现场会与交流" }).click();
  await expect(staff.getByRole("heading", { name: "现场会与交流" })).toBeVisible();
  await staff.getByRole("link", { name: "筹备活动" }).click();
  await staff.getByLabel(/^活动类型/).selectOption({ label: "经验交流会" });
  await staff.getByRole("button", { name: "保存活动安排" }).click();
  await expect(fieldError(staff.getByLabel(/^活动名称/))).toHaveText("请填写活动名称");
  await expect(fieldError(staff.getByLabel(/^交流材料报送截止时间/))).toHaveText("请填写交流材料报送截止时间");
  await expect(staff.getByText("请至少邀请一个单位")).toBeVisible();
  await staff.getByLabel(/^活动名称/).fill(title);
  await staff.getByLabel(/^召开时间/).fill(beijing(10 * DAY));
  await staff.getByLabel(/^地点/).fill("县委组织部三楼会议室");
  await staff.getByLabel(/^承办单位/).selectOption({ label: "组织科" });
  await staff.getByLabel(/^交流材料报送截止时间/).fill(beijing(5 * DAY));
  await staff.getByLabel(/^会议议程/).fill("各乡镇交流发言\n县委组织部点评");
  await staff.getByLabel(/^展示的项目/).selectOption({ index: 0 });
  await staff.getByRole("checkbox", { name: "青石镇" }).check();
  await staff.getByRole("checkbox", { name: "柳河镇" }).check();
  await staff.getByRole("button", { name: "保存活动安排" }).click();
  await expect(staff).toHaveURL(/\/events\/[^/?]+\?saved=1$/);
  const eventUrl = staff.url().replace(/\?.*$/, "");
  const eventId = eventUrl.split("/").pop()!;
  await expect(stage(staff, "活动进度")).toContainText("筹备中");

  // 通知尚未印发：受邀乡镇看不到；预览后印发。
  const township = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const phone = await township.newPage();
  await signInAndWait(phone, "unit");
  expect((await phone.goto(eventUrl))?.status()).toBe(404);

  await staff.getByRole("link", { name: "预览通知" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: `关于召开${title}的通知` })).toBeVisible();
  await expect(staff.getByText("通知尚未印发，这是预览。")).toBeVisible();
  await staff.getByRole("link", { name: "返回" }).click();
  staff.once("dialog", (dialog) => dialog.accept());
  await staff.getByRole("button", { name: "印发通知" }).click();
  await expect(stage(staff, "活动进度")).toContainText("已发通知");

  // 青石镇在手机上：从列表打开，确认参会，写交流材料，存草稿、传附件、提交。
  await phone.goto("/events");
  await phone.getByTestId("event-row").filter({ hasText: title }).getByRole("link", { name: title }).click();
  await expect(phone.getByRole("heading", { name: title })).toBeVisible();
  await expectNoHorizontalOverflow(phone, "活动页");
  // The step bar tells the township what it may do now and by when.
  const bar = phone.getByRole("navigation", { name: "活动进度" });
  await expect(bar).toContainText("当前：受邀单位确认参会、报送材料");
  await expect(bar).toContainText("您可以：确认参会、报送交流材料");
  await expect(bar.getByTestId("stage-deadline")).toContainText("交流材料报送截止：");
  await phone.getByRole("button", { name: "确认参会" }).click();
  await expect(fieldError(phone.getByLabel(/^参会人员/))).toHaveText("请填写参会人员");
  await phone.getByLabel(/^参会人员/).fill("王某（党委副书记）、李某（组织委员）");
  await phone.getByRole("button", { name: "确认参会" }).click();
  await expect(phone.getByText("已确认参会。")).toBeVisible();
  await expect(bar).toContainText("您可以：修改参会人员、报送交流材料");
  await phone.getByLabel(/^标题/).fill(material);
  await phone.getByLabel(/^正文/).fill("一是按需设岗，二是认岗履责，三是评议激励。");
  await phone.getByRole("button", { name: "保存草稿" }).click();
  await expect(phone.getByText("草稿已保存。")).toBeVisible();
  await phone.getByLabel("选择附件").setInputFiles({ name: "设岗台账.pdf", mimeType: "application/pdf", buffer: PDF });
  await phone.getByRole("button", { name: "上传" }).click();
  await expect(phone.getByRole("link", { name: "设岗台账.pdf" })).toBeVisible();
  await expectNoHorizontalOverflow(phone, "交流材料");
  phone.once("dialog", (dialog) => dialog.accept());
  await phone.getByRole("button", { name: "提交交流材料" }).click();
  await expect(stage(phone, "交流材料进度")).toContainText("已提交");
  await expect(phone.getByRole("button", { name: "保存草稿" })).toHaveCount(0);

  // 未受邀的单位什么也看不到。
  const other = await openPage();
  await signInAndWait(other, "unit2");
  expect((await other.goto(eventUrl))?.status()).toBe(404);
  expect((await other.request.get(`/documents/event-notice/${eventId}.pdf`)).status()).toBe(404);

  // 组工干部：看到确认和材料，选入汇编，下载汇编 Word 和 PDF。
  await staff.reload();
  await expect(staff.getByTestId("invitation").filter({ hasText: "青石镇" })).toContainText("王某（党委副书记）");
  await expect(staff.getByTestId("invitation").filter({ hasText: "柳河镇" })).toContainText("未确认");
  const submission = staff.getByTestId("submission").filter({ hasText: material });
  await submission.getByRole("button", { name: "选入汇编" }).click();
  await expect(submission).toContainText("入选汇编");
  const word = await wordOfPage(staff, `/events/${eventId}/compilation`);
  expect(word.title).toContain(`${title}交流材料汇编`);
  expect(word.xml).toContain(material);
  expect(word.xml).toContain("附件：设岗台账.pdf");
  const pdf = await staff.request.get(`/documents/event-compilation/${eventId}.pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // 会议改在今天上午开过：组工干部改时间，记录纪要，活动转为已召开。
  await staff.goto(eventUrl);
  await staff.getByRole("link", { name: "修改", exact: true }).click();
  await staff.getByLabel(/^召开时间/).fill(beijing(-5));
  await staff.getByLabel(/^交流材料报送截止时间/).fill(beijing(-10));
  await staff.getByRole("button", { name: "保存修改" }).click();
  await expect(staff).toHaveURL(/\?saved=1$/);
  await staff.getByRole("button", { name: "保存纪要" }).click();
  await expect(fieldError(staff.getByRole("textbox", { name: /^会议纪要/ }))).toHaveText("请填写会议纪要");
  await staff.getByRole("textbox", { name: /^会议纪要/ }).fill("青石镇交流了无职党员设岗定责的做法。\n会议要求各乡镇对照借鉴。");
  await staff.getByLabel(/^后续工作/).fill("各乡镇月底前报送借鉴方案。");
  await staff.getByRole("button", { name: "保存纪要" }).click();
  await expect(stage(staff, "活动进度")).toContainText("已召开");
  await expect(staff.getByRole("navigation", { name: "活动进度" })).toContainText("您可以：记录纪要、选入汇编、归档");
  await staff.getByRole("link", { name: "纪要", exact: true }).click();
  await expect(staff.getByRole("heading", { level: 1, name: `${title}纪要` })).toBeVisible();
  await expect(staff.getByRole("article")).toContainText("王某（党委副书记）");

  // 青石镇借鉴了会上交流的做法，记录时注明由这次交流会促成；县里在活动页上看到。
  await phone.goto("/cases/adoptions");
  const form = phone.getByRole("form", { name: "借鉴外地做法" });
  await form.getByLabel(/^做法名称/).fill("流动党员线上支部");
  await form.getByLabel(/^来源地/).fill("柳河镇");
  await form.getByLabel(/^借鉴时间/).fill(beijing(0).slice(0, 10));
  await form.getByLabel(/^借鉴做法/).fill("参照交流会上的做法，在务工集中地建立线上支部。");
  await form.getByLabel(/^取得成效/).fill("外出党员按月参加组织生活。");
  await form.getByLabel(/^由哪次活动促成/).selectOption({ label: `${beijing(0).slice(0, 10)} ${title}` });
  await form.getByRole("button", { name: "保存借鉴记录" }).click();
  await expect(phone.getByText("借鉴记录已保存。")).toBeVisible();
  await expect(phone.getByTestId("adoption").filter({ hasText: "流动党员线上支部" }).first()).toContainText(`促成活动：${title}`);
  await township.close();

  await staff.goto(eventUrl);
  const adoptions = staff.getByRole("list", { name: "会后借鉴推广" });
  await expect(adoptions).toContainText("青石镇 借鉴 流动党员线上支部");

  // 列表按类型筛选，导出 Excel。
  await staff.goto("/events?kind=EXCHANGE");
  await expect(staff.getByTestId("event-row").filter({ hasText: title })).toContainText("已召开");
  const downloading = staff.waitForEvent("download");
  await staff.getByRole("button", { name: "导出 Excel" }).click();
  expect((await downloading).suggestedFilename()).toBe("现场会与交流活动.xlsx");
});

test("现场会与交流：示范县有两次已开的活动和一次即将召开的研讨会，项目页和案例库列出展示过的活动", async ({ page }) => {
  await signInAndWait(page, "leader");
  await page.goto("/events");
  await expect(page.getByTestId("event-row").filter({ hasText: "组织工作改革创新理论研讨会" })).toContainText("已发通知");
  await expect(page.getByTestId("event-row").filter({ hasText: "全县组织工作改革创新经验交流会" })).toContainText("已召开");
  const visit = page.getByTestId("event-row").filter({ hasText: "全县农村基层党建创新现场会" });
  await expect(visit).toContainText("已归档");
  await expect(visit).toContainText("会后借鉴 1 次");
  await visit.getByRole("link").first().click();
  await expect(page.getByRole("list", { name: "会后借鉴推广" }).getByRole("listitem")).toHaveCount(1);
  const shown = page.getByRole("list", { name: "展示的项目" }).getByRole("link").first();
  const projectTitle = (await shown.textContent())!;
  await shown.click();
  await expect(page.getByRole("list", { name: "展示该项目的活动" })).toContainText("全县农村基层党建创新现场会");
  await page.goto("/events");
  await page.getByTestId("event-row").filter({ hasText: "全县组织工作改革创新经验交流会" }).getByRole("link").first().click();
  await page.getByRole("link", { name: "交流材料汇编" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "全县组织工作改革创新经验交流会交流材料汇编" })).toBeVisible();
  expect(projectTitle.length).toBeGreaterThan(0);
});
