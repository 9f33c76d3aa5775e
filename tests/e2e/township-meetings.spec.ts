import { expect, fieldError, signInAndWait, test, unique } from "./support";

// A day of an earlier month of this year, different on each run: the app keeps one meeting per day, and the demo
// meetings fall on the 8th, 11th, 14th or 17th, so the 1st to the 7th never collide with them.
function pastDayThisYear() {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const month = Math.floor(Math.random() * Math.max(1, now.getUTCMonth()));
  const day = month === now.getUTCMonth() ? 1 : 1 + Math.floor(Math.random() * 7);
  return new Date(Date.UTC(now.getUTCFullYear(), month, day)).toISOString().slice(0, 10);
}

test("组工干部记录例会（两个乡镇交流，其一关联项目），乡镇在列表中查阅，项目页显示交流记录，打印例会纪要", async ({ page, openPage }) => {
  test.setTimeout(120_000);
  const token = unique("积分");
  const day = pastDayThisYear();
  await signInAndWait(page, "staff");
  await page.goto("/township-meetings");
  await page.getByRole("link", { name: "记录例会" }).click();

  await page.getByLabel(/^例会日期/).fill(day);
  await page.getByLabel(/^地点/).fill("县委组织部三楼会议室");
  await page.getByLabel(/^主持人/).fill("组织科负责同志");
  await page.getByLabel(/^参会人员/).fill("各乡镇组织委员");
  const first = page.getByRole("listitem", { name: "第 1 条交流" });
  await first.getByLabel(/^第 1 个乡镇/).selectOption({ label: "青石镇" });
  const projectSelect = first.getByLabel("来自哪个项目");
  const projectOption = projectSelect.locator("option").nth(1);
  const projectTitle = (await projectOption.innerText()).replace(/（\d{4} 年度）$/, "");
  await projectSelect.selectOption({ index: 1 });
  await first.getByLabel(/^交流的做法/).fill(`党员${token}管理：学习、履职、志愿服务计分，与评先评优挂钩。`);
  await page.getByRole("button", { name: "+ 添加乡镇" }).click();
  const second = page.getByRole("listitem", { name: "第 2 条交流" });
  await second.getByLabel(/^第 2 个乡镇/).selectOption({ label: "城关镇" });
  await page.getByLabel("查询问题").fill("外出务工党员组织生活参加率不高。");
  await page.getByRole("button", { name: "记录例会" }).click();

  // The second township's practice is missing: the message sits by it and nothing typed is lost.
  await expect(fieldError(second.getByLabel(/^交流的做法/))).toHaveText("请填写交流的做法");
  await expect(first.getByLabel(/^交流的做法/)).toHaveValue(new RegExp(token));
  await expect(projectSelect.locator("option:checked")).toHaveText(new RegExp(projectTitle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(page.getByLabel(/^地点/)).toHaveValue("县委组织部三楼会议室");
  await expect(page.getByLabel("查询问题")).toHaveValue("外出务工党员组织生活参加率不高。");
  await second.getByLabel(/^交流的做法/).fill("无职党员设岗定责：按政策宣传、矛盾调解设岗，党员认岗领责。");
  await page.getByRole("button", { name: "记录例会" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`乡镇组织委员例会（${day}）`);
  await expect(page.getByRole("list", { name: "交流的做法" })).toContainText(token);

  const clerk = await openPage();
  await signInAndWait(clerk, "unit");
  await clerk.goto("/township-meetings");
  await expect(clerk.getByRole("link", { name: "记录例会" })).toHaveCount(0);
  await clerk.getByLabel("关键词").fill(token);
  await clerk.getByRole("button", { name: "筛选" }).click();
  await expect(clerk.getByRole("row")).toHaveCount(2);
  await clerk.getByRole("link", { name: day }).click();
  const shares = clerk.getByRole("list", { name: "交流的做法" });
  await expect(shares).toContainText("城关镇");
  await expect(clerk.getByRole("link", { name: "修改", exact: true })).toHaveCount(0);

  await shares.getByRole("link", { name: projectTitle }).click();
  await expect(clerk.getByRole("list", { name: "例会交流" })).toContainText(token);
  await clerk
    .getByRole("list", { name: "例会交流" })
    .getByRole("link", { name: `${day} 例会` })
    .first()
    .click();

  await clerk.getByRole("link", { name: "例会纪要" }).click();
  const minutes = clerk.getByRole("article", { name: "例会纪要" });
  await expect(minutes.getByRole("heading", { level: 1 })).toContainText("明澜县乡镇组织委员例会纪要");
  await expect(minutes).toContainText(token);
  await expect(clerk.getByRole("button", { name: "打印纪要" })).toBeVisible();
});
