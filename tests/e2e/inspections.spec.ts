import { expect, fieldError, STAFF_IN_SECTION, signInAndWait, test, unique, wordOfPage } from "./support";
import { startedProjects } from "./support/projects";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
const quarterNow = () => Math.floor(new Date(Date.now() + 8 * 3_600_000).getUTCMonth() / 3) + 1;

test("管理员组建督查组，成员撰写报告（一个项目进展滞后并提出整改），发布后乡镇答复整改，督查组销号", async ({ page, openPage }) => {
  test.setTimeout(150_000);
  const theme = unique("一村一名入党积极分子计划实施情况");
  const admin = page;
  await signInAndWait(admin, "admin");
  // 青石镇's own project under way: the one inspected (a demo project is never changed by a journey).
  const [own] = await startedProjects(openPage, { clerk: "unit", prefix: "督查项目", admin });
  await admin.goto("/inspections");
  await admin.getByRole("button", { name: "组建督查组" }).click();
  await expect(fieldError(admin.getByLabel(/^督查专题/))).toHaveText("请填写督查专题");
  await admin.getByLabel(/^季度/).selectOption(String(quarterNow()));
  await admin.getByLabel(/^督查专题/).fill(theme);
  await admin.getByRole("checkbox", { name: STAFF_IN_SECTION }).check();
  await admin.getByRole("button", { name: "组建督查组" }).click();
  await expect(admin.getByRole("heading", { name: `督查：${theme}` })).toBeVisible();
  // 查找 (?q=) narrows the offered projects to this one.
  await admin.goto(`${new URL(admin.url()).pathname}?q=${encodeURIComponent(own.title)}`);
  const projectTitle = own.title;
  await admin.getByRole("checkbox", { name: `${projectTitle}（青石镇）` }).check();
  await admin.getByRole("button", { name: "加入督查" }).click();
  await expect(admin.getByRole("region", { name: projectTitle })).toBeVisible();

  const member = await openPage();
  await signInAndWait(member, "staff");
  await member.goto("/notifications");
  await member.getByRole("link", { name: `您是“${theme}”督查组成员` }).click();
  await member.getByLabel("总体情况").fill("本季度督查 1 个项目，总体按计划推进，个别项目滞后。");
  await member.getByRole("button", { name: "保存总体情况" }).click();
  await expect(member.getByText("已保存。").first()).toBeVisible();
  const section = member.getByRole("region", { name: projectTitle });
  await section.getByRole("radio", { name: "进展滞后" }).check();
  await section.getByRole("textbox", { name: "存在问题" }).fill("试点村未按计划落实，台账不全。");
  await section.getByRole("textbox", { name: "意见建议" }).fill("选派指导员，月底前补齐台账。");
  await section.getByRole("button", { name: "保存本项目意见" }).click();
  await expect(section.getByText("已保存。")).toBeVisible();
  await section.getByLabel("整改事项").fill("补齐试点村台账");
  await section.getByLabel("整改期限").fill(inDays(20));
  await section.getByRole("button", { name: "提出整改" }).click();
  await expect(section).toContainText("整改：补齐试点村台账");

  await admin.reload();
  admin.once("dialog", (dialog) => dialog.accept());
  await admin.getByRole("button", { name: "发布督查报告" }).click();
  const bulletin = admin.getByRole("article", { name: "督查通报" });
  await expect(bulletin.getByRole("heading", { level: 1 })).toContainText(theme);
  await expect(bulletin).toContainText(`${projectTitle}”：进展滞后`);
  // The bulletin is a formal document: its Word file, downloaded through the page's own link, has the same title.
  const { title, xml } = await wordOfPage(admin, new URL(admin.url()).pathname);
  expect(xml).toContain(title);

  const clerk = await openPage();
  await signInAndWait(clerk, "unit");
  await clerk.goto("/inspections");
  await expect(clerk.getByRole("list", { name: "本单位整改事项" })).toContainText("补齐试点村台账");
  await clerk.goto("/notifications");
  await clerk
    .getByRole("link", { name: `督查通报：“${projectTitle}”进展滞后` })
    .first()
    .click();
  const item = clerk.getByTestId("rectification").filter({ hasText: "补齐试点村台账" });
  await expect(item).toContainText("待整改");
  // The step bar names the unit's share and its nearest deadline.
  const bar = clerk.getByRole("navigation", { name: "督查进程" });
  await expect(bar).toContainText("当前：有关单位按期答复整改事项");
  await expect(bar).toContainText(/您可以：答复整改（\d+ 项）/);
  await expect(bar.getByTestId("stage-deadline")).toContainText("本单位整改期限（最近）：");
  await item.getByRole("button", { name: "答复整改" }).click();
  await expect(item.getByRole("alert")).toContainText("请填写整改情况");
  await item.getByLabel("整改情况").fill("已补齐 3 个试点村的台账并建立月报制度。");
  await item.getByRole("button", { name: "答复整改" }).click();
  await expect(item).toContainText("已答复");

  await member.reload();
  await expect(member.getByRole("navigation", { name: "督查进程" })).toContainText(/您可以：验收整改答复（\d+ 项）/);
  const answered = member.getByTestId("rectification").filter({ hasText: "补齐试点村台账" });
  await answered.getByRole("button", { name: "销号" }).click();
  await expect(answered).toContainText("已销号");
});
