import ExcelJS from "exceljs";
import { expect, expectStage, fieldError, signInAndWait, test, unique } from "./support";
import { beijingInput, draftTopic, openTopic, publishDrafts } from "./topic-support";

test("组工干部把两条建议转为一个参考选题，选题注明来源", async ({ page }) => {
  const word = unique("设岗");
  await signInAndWait(page, "staff2");
  for (const text of [`建议为无职党员${word}定责，让每名党员有事干。`, `无职党员${word}后要年底评议，结果公示。`]) {
    await page.goto("/suggest");
    await page.getByLabel("类别").selectOption({ label: "基层党建" });
    await page.getByLabel("方面").selectOption({ label: "党员队伍建设" });
    await page.getByLabel("意见建议").fill(text);
    await page.getByRole("button", { name: "提交建议" }).click();
    await expect(page.getByTestId("receipt-no")).toBeVisible();
  }

  await page.goto("/suggestions");
  await page.getByLabel("内容或回执号").fill(word);
  await page.getByRole("button", { name: "筛选" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const receipts = (await rows.locator("td.font-mono").allInnerTexts()).map((text) => text.trim());
  for (const receipt of receipts) await page.getByRole("checkbox", { name: `选择 ${receipt}` }).check();
  await page.getByRole("button", { name: "将选中的建议转为选题" }).click();

  await expect(page.getByRole("heading", { name: /拟定 \d{4} 年度参考选题/ })).toBeVisible();
  await expect(page.getByText("来源建议（2 条）")).toBeVisible();
  await expect(page.getByLabel("类别")).toHaveValue("PARTY_BUILDING");
  await expect(page.getByLabel("选题说明")).toHaveValue(new RegExp(word));
  // A failed save keeps what was typed and says what is missing, next to the field.
  await page.getByLabel("选题名称").fill(`无职党员${word}`);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(fieldError(page.getByLabel("着眼领域"))).toHaveText("请选择着眼领域");
  await expect(fieldError(page.getByLabel("认领截止时间"))).toHaveText("请填写认领截止时间");
  await expect(page.getByLabel("选题名称")).toHaveValue(`无职党员${word}`);
  await page.getByLabel("着眼领域").selectOption({ label: "难点领域" });
  await page.getByLabel("目标层次").selectOption({ label: "重点工作出亮点" });
  await page.getByLabel("认领截止时间").fill(beijingInput(10));
  await page.getByRole("button", { name: "保存草稿" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^\\d{4}-JC-\\d{2} 无职党员${word}$`));
  await expect(page.getByText("草稿", { exact: true })).toBeVisible();
  for (const receipt of receipts) await expect(page.getByRole("link", { name: receipt })).toBeVisible();
  await page.getByRole("link", { name: receipts[0] }).click();
  // The suggestion names its stage on its step bar (and in its badge).
  await expectStage(page, "已采纳");
  await expect(page.getByRole("link", { name: new RegExp(`无职党员${word}`) })).toBeVisible();
});

test("管理员发布参考选题，单位收到通知；打印选题目录并下载 Excel", async ({ page, openPage }) => {
  const title = unique("党员积分管理");
  await signInAndWait(page, "admin");
  const code = await draftTopic(page, { title, category: "基层党建" });
  const clerk = await openPage();
  await signInAndWait(clerk, "z005");
  await clerk.goto("/topics");
  await expect(clerk.getByRole("link", { name: title })).toHaveCount(0);

  await publishDrafts(page);
  await openTopic(page, code);
  await expect(page.getByText("认领中")).toBeVisible();

  await clerk.goto("/notifications");
  const notice = clerk
    .getByRole("listitem")
    .filter({ hasText: /参考选题已(补充)?发布/ })
    .first();
  await expect(notice).toBeVisible();
  await notice.getByRole("link").click();
  await expect(clerk).toHaveURL(/\/topics\?year=\d{4}/);
  await clerk.getByLabel("关键词").fill(title);
  await clerk.getByRole("button", { name: "筛选" }).click();
  await expect(clerk.getByRole("link", { name: title })).toBeVisible();
  await clerk.goto("/notifications");
  await expect(clerk.getByTestId("unread-count")).toBeVisible();
  await clerk.getByRole("button", { name: "全部标为已读" }).click();
  await expect(clerk.getByTestId("unread-count")).toHaveCount(0);

  await page.goto("/topics");
  await page.getByRole("link", { name: "打印选题目录" }).click();
  const documentTitle = page.getByRole("heading", { level: 1, name: /^明澜县\d{4}年度组织工作改革创新项目参考选题$/ });
  await expect(documentTitle).toBeVisible();
  await expect(page.getByRole("article")).toContainText(`${title}（${code}）`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印 / 另存为 PDF" })).toBeHidden();
  await expect(documentTitle).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^明澜县\d{4}年度组织工作改革创新项目参考选题\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet("参考选题")!;
  expect(String(sheet.getCell("A1").value)).toMatch(/^明澜县\d{4}年度组织工作改革创新项目参考选题$/);
  expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(["编号", "选题名称", "认领截止"]));
  const row = sheet.getColumn(1).values.indexOf(code);
  expect(row).toBeGreaterThan(2);
  expect(sheet.getCell(row, 2).value).toBe(title);
  expect(sheet.getCell(row, 9).value).toBeInstanceOf(Date);
});

test("两个乡镇投标同一选题，管理员比较后评定一个中标，另一个收到理由", async ({ page, openPage }) => {
  const title = unique("智慧党建平台");
  await signInAndWait(page, "admin");
  const code = await draftTopic(page, { title, mode: "招投标" });
  await publishDrafts(page);

  const bidders = [
    { username: "z001", unit: "城关镇", approach: "依托城关镇党群服务中心建设平台，先在 3 个社区试点。" },
    { username: "z003", unit: "柳河镇", approach: "与县信息中心合作，借用现有政务平台开发党建模块。" },
  ];
  for (const bidder of bidders) {
    const clerk = await openPage();
    await signInAndWait(clerk, bidder.username);
    await openTopic(clerk, code);
    await clerk.getByRole("button", { name: "提交投标" }).click();
    await expect(fieldError(clerk.getByLabel("实施思路"))).toHaveText("请填写实施思路");
    await clerk.getByLabel("实施思路").fill(bidder.approach);
    await clerk.getByLabel("人员安排").fill(`${bidder.unit}党委书记牵头，组织委员具体负责。`);
    await clerk.getByLabel("时间安排").fill("3 月方案，6 月上线，年底总结。");
    await clerk.getByRole("button", { name: "提交投标" }).click();
    await expect(clerk.getByTestId("own-claim")).toContainText("本单位 已投标");
    await expect(clerk.getByRole("table", { name: "投标比较" })).toHaveCount(0);
    if (bidder.username === "z001") {
      // Until the closing date a unit may revise its one bid.
      await clerk.getByRole("button", { name: "修改投标" }).click();
      await expect(clerk.getByLabel("实施思路")).toHaveValue(bidder.approach);
      await clerk.getByLabel("时间安排").fill("3 月方案，5 月上线，年底总结。");
      await clerk.getByRole("button", { name: "保存修改" }).click();
      await expect(clerk.getByTestId("own-claim")).toContainText("5 月上线");
    }
  }

  await openTopic(page, code);
  const comparison = page.getByRole("table", { name: "投标比较" });
  await expect(comparison.getByRole("columnheader")).toHaveText(["", "城关镇", "柳河镇"]);
  await expect(comparison).toContainText(bidders[0].approach);
  await expect(comparison).toContainText(bidders[1].approach);
  await expect(page.getByText(/后才能评标/)).toBeVisible();

  await page.getByLabel("理由").fill("投标单位已足够，提前进入评标");
  await page.getByRole("button", { name: "提前截止认领" }).click();
  await expect(page.getByText("已截止")).toBeVisible();
  await page.getByRole("radio", { name: "城关镇中标" }).check();
  await page.getByRole("button", { name: "确定评标结果" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "请写明未中标的理由" })).toBeVisible();
  await page.getByRole("textbox", { name: "城关镇的评标意见" }).fill("方案依托现有阵地，可行性强。");
  await page.getByRole("textbox", { name: "柳河镇的评标意见" }).fill("方案依赖外部平台，落地周期较长。");
  await page.getByRole("button", { name: "确定评标结果" }).click();
  await expect(comparison).toContainText("中标");
  await expect(comparison).toContainText("未中标");
  await expect(page.getByRole("list", { name: "已承担单位" })).toContainText("城关镇");

  const loser = await openPage();
  await signInAndWait(loser, "z003");
  await loser.goto("/notifications");
  await loser.getByRole("link", { name: `本单位未中标选题 ${code}` }).click();
  await expect(loser.getByTestId("own-claim")).toContainText("本单位 未中标");
  await expect(loser.getByTestId("own-claim")).toContainText("方案依赖外部平台，落地周期较长。");
  await expect(loser.getByText("方案依托现有阵地")).toHaveCount(0);
});

test("单位认领自主认领的选题，其他单位看到谁已认领", async ({ page, openPage }) => {
  const title = unique("党员志愿服务队");
  await signInAndWait(page, "staff");
  const code = await draftTopic(page, { title, category: "基层党建" });
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await publishDrafts(admin);

  const clerk = await openPage();
  await signInAndWait(clerk, "z004");
  await openTopic(clerk, code);
  await expect(clerk.getByText("尚无单位承担该选题。")).toBeVisible();
  await clerk.getByLabel("认领说明").fill("本镇已组建 5 支党员志愿服务队，有工作基础。");
  await clerk.getByRole("button", { name: "认领该选题" }).click();
  await expect(clerk.getByTestId("own-claim")).toContainText("本单位 已认领");
  await expect(clerk.getByRole("list", { name: "已承担单位" })).toContainText("白沙镇");
  await clerk.goto("/topics?mine=1");
  await expect(clerk.getByRole("row").filter({ hasText: code })).toContainText("已认领");

  const other = await openPage();
  await signInAndWait(other, "z006");
  await openTopic(other, code);
  await expect(other.getByRole("list", { name: "已承担单位" })).toContainText("白沙镇");
  await expect(other.getByText("本镇已组建 5 支党员志愿服务队")).toHaveCount(0);
  await expect(other.getByRole("button", { name: "认领该选题" })).toBeVisible();
});

test("发包选题：指定单位说明原因后不能承接，管理员收到通知", async ({ page, openPage }) => {
  const title = unique("村级组织规范化");
  await signInAndWait(page, "admin");
  await page.goto("/topics/new");
  await page.getByLabel("认领方式").selectOption({ label: "发包" });
  await page.getByLabel("选题名称").fill(title);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "发包选题请至少选择一个承担单位" })).toBeVisible();
  const code = await draftTopic(page, { title, mode: "发包", units: ["南湖镇"] });
  await publishDrafts(page);

  const clerk = await openPage();
  await signInAndWait(clerk, "z015");
  await clerk.goto("/notifications");
  await clerk.getByRole("link", { name: `选题 ${code} 已发包给本单位` }).click();
  await expect(clerk.getByText("该选题发包给本单位，请在截止时间前答复。")).toBeVisible();
  await clerk.getByRole("button", { name: "不能承接" }).click();
  await expect(fieldError(clerk.getByLabel("说明"))).toHaveText("请说明不能承接的原因");
  await clerk.getByLabel("说明").fill("本镇今年承担省级试点，力量不足。");
  await clerk.getByRole("button", { name: "不能承接" }).click();
  await expect(clerk.getByTestId("own-claim")).toContainText("本单位 不能承接");

  const other = await openPage();
  await signInAndWait(other, "z016");
  await openTopic(other, code);
  await expect(other.getByText("该选题已发包给其他单位。")).toBeVisible();

  await page.goto("/notifications");
  await page.getByRole("link", { name: `南湖镇不能承接发包选题 ${code}` }).click();
  await expect(page.getByText("本镇今年承担省级试点，力量不足。")).toBeVisible();
});

test("已发布的选题须填写理由才能修改，修改记录留痕", async ({ page, openPage }) => {
  const title = unique("干部下基层");
  await signInAndWait(page, "staff");
  const code = await draftTopic(page, { title, category: "干部工作" });
  const admin = await openPage();
  await signInAndWait(admin, "admin");
  await publishDrafts(admin);

  await openTopic(page, code);
  await page.getByRole("link", { name: "修改（须填理由）" }).click();
  await expect(page.getByLabel("类别")).toBeDisabled();
  await page.getByLabel("选题名称").fill(`${title}四访`);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(fieldError(page.getByLabel("修改理由"))).toHaveText("已发布的选题须填写修改理由");
  await expect(page.getByLabel("选题名称")).toHaveValue(`${title}四访`);
  await page.getByLabel("修改理由").fill("名称与县委文件表述一致");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${code} ${title}四访`);
  const history = page.locator("section").filter({ has: page.getByRole("heading", { name: "修改记录" }) });
  await expect(history).toContainText("理由：名称与县委文件表述一致");
  await expect(history).toContainText(`选题名称：${title} → ${title}四访`);

  // The admin withdraws it: it stays in the catalogue as 已撤回, with its reason, and cannot be taken up.
  await admin.goto(page.url());
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "撤回选题" }).click();
  await expect(fieldError(admin.getByLabel("理由"))).toHaveText("请填写撤回理由");
  await admin.getByLabel("理由").fill("与县委年度重点任务合并");
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "撤回选题" }).click();
  await expect(admin.getByText(/撤回：与县委年度重点任务合并/)).toBeVisible();
  const clerk = await openPage();
  await signInAndWait(clerk, "z012");
  await openTopic(clerk, code);
  await expect(clerk.getByText("已撤回", { exact: true })).toBeVisible();
  await expect(clerk.getByRole("button", { name: "认领该选题" })).toHaveCount(0);
});
