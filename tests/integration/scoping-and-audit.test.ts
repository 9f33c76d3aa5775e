import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadSession } from "@/lib/auth/session-store";
import { getUnit, listUnits } from "@/lib/units/queries";
import { AUDIT_PAGE_SIZE, auditFilterSchema, REFUSALS_PAGE_SIZE, refusalsFilterSchema, repeatedRefusals, searchAudit } from "@/lib/audit/queries";
import { auditRefusal, REFUSAL_CEILING_PER_MINUTE, REFUSAL_ROWS_PER_MINUTE } from "@/lib/audit/refusals";
import { auditExportResponse } from "@/lib/audit/export";
import type { AuditOutcome } from "@/lib/generated/prisma/enums";
import { actAs, makeCounty, makeUser } from "./support/fixtures";

let county: Awaited<ReturnType<typeof makeCounty>>;
beforeAll(async () => {
  county = await makeCounty();
});

async function viewer(roles: Parameters<typeof makeUser>[0], unitId: string) {
  const user = await makeUser(roles, unitId);
  return (await loadSession(await actAs(user)))!;
}

describe("unit scoping", () => {
  it("lets county-wide roles read any unit and a unit user only their own", async () => {
    const staff = await viewer(["COUNTY_STAFF"], county.section.id);
    expect((await getUnit(staff, county.townshipB.id))?.name).toBe("乙乡");

    const clerk = await viewer(["UNIT_USER"], county.townshipA.id);
    expect(await getUnit(clerk, county.townshipB.id)).toBeNull();
    expect(await getUnit(clerk, county.county.id)).toBeNull();
    const own = await getUnit(clerk, county.townshipA.id);
    expect(own).toMatchObject({ id: county.townshipA.id, name: "甲镇", parent: { id: county.county.id, name: "测试县" } });

    const reviewer = await viewer(["REVIEWER"], county.townshipB.id);
    expect(await getUnit(reviewer, county.townshipA.id)).toBeNull();
    const leader = await viewer(["LEADER"], county.county.id);
    expect((await getUnit(leader, county.section.id))?.name).toBe("组织科");
  });

  it("lists only the unit user's own unit, with or without a filter", async () => {
    const clerk = await viewer(["UNIT_USER"], county.townshipA.id);
    const mine = await listUnits(clerk, {});
    expect(mine.total).toBe(1);
    expect(mine.units.map((u) => u.name)).toEqual(["甲镇"]);
    expect((await listUnits(clerk, { type: "TOWNSHIP" })).units.map((u) => u.name)).toEqual(["甲镇"]);
    expect((await listUnits(clerk, { q: "乙" })).total).toBe(0);

    const staff = await viewer(["COUNTY_STAFF"], county.section.id);
    const all = await listUnits(staff, {});
    expect(all.total).toBe(5);
    expect(all.units.map((u) => u.name).sort()).toEqual(["乙乡", "测试县", "甲镇", "组织科", "县委组织部"].sort());
  });
});

describe("the audit log is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const row = await db.auditLog.create({ data: { action: "auth.login", actorUsername: "tamper", summary: "原文" } });
    const before = await db.auditLog.count();
    await expect(db.auditLog.update({ where: { id: row.id }, data: { summary: "篡改" } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLog" SET "summary" = 'x'`)).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count()).toBe(before);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).summary).toBe("原文");
  });
});

type Row = { at: string; username: string; name: string; action?: string; outcome?: AuditOutcome };
const insert = (rows: Row[]) =>
  db.auditLog.createMany({
    data: rows.map((r) => ({
      at: new Date(r.at),
      actorUsername: r.username,
      actorName: r.name,
      action: r.action ?? "auth.login",
      outcome: r.outcome ?? "SUCCESS",
      ip: "10.1.1.1",
    })),
  });
const summaries = (rows: { actorUsername: string | null; at: Date }[]) => rows.map((r) => `${r.actorUsername}@${r.at.toISOString()}`);

describe("searching the audit log", () => {
  beforeAll(async () => {
    await insert([
      { at: "2026-02-28T15:59:59.999Z", username: "clock", name: "时钟" }, // Beijing 02-28 23:59:59.999
      { at: "2026-02-28T16:00:00.000Z", username: "clock", name: "时钟" }, // Beijing 03-01 00:00
      { at: "2026-03-01T15:59:59.000Z", username: "clock", name: "时钟" }, // Beijing 03-01 23:59:59
      { at: "2026-03-01T16:00:00.000Z", username: "clock", name: "时钟" }, // Beijing 03-02 00:00
      { at: "2026-05-01T01:00:00Z", username: "zhaoliu", name: "赵六", action: "auth.login" },
      { at: "2026-05-01T02:00:00Z", username: "zhaoliu", name: "赵六", action: "auth.login_failed", outcome: "FAILURE" },
      { at: "2026-05-01T03:00:00Z", username: "zhaoliu", name: "赵六", action: "access.denied", outcome: "DENIED" },
      { at: "2026-05-01T04:00:00Z", username: "qianqi", name: "钱七", action: "auth.login_failed", outcome: "FAILURE" },
    ]);
  });

  it("treats from/to as whole Beijing days", async () => {
    const day = await searchAudit({ person: "clock", from: "2026-03-01", to: "2026-03-01" });
    expect(day.total).toBe(2);
    expect(summaries(day.rows)).toEqual(["clock@2026-03-01T15:59:59.000Z", "clock@2026-02-28T16:00:00.000Z"]);
    expect(summaries((await searchAudit({ person: "clock", from: "2026-03-02" })).rows)).toEqual(["clock@2026-03-01T16:00:00.000Z"]);
    expect(summaries((await searchAudit({ person: "clock", to: "2026-02-28" })).rows)).toEqual(["clock@2026-02-28T15:59:59.999Z"]);
    expect((await searchAudit({ person: "clock", from: "2026-03-03" })).total).toBe(0);
  });

  it("filters by person (username or name substring, any case), action and outcome", async () => {
    expect((await searchAudit({ person: "ZHAO" })).total).toBe(3);
    expect((await searchAudit({ person: "赵" })).total).toBe(3);
    expect((await searchAudit({ person: "七" })).rows.map((r) => r.actorUsername)).toEqual(["qianqi"]);
    const failed = await searchAudit({ action: "auth.login_failed", from: "2026-05-01", to: "2026-05-01" });
    expect(failed.rows.map((r) => r.actorUsername)).toEqual(["qianqi", "zhaoliu"]);
    const denied = await searchAudit({ person: "zhaoliu", outcome: "DENIED" });
    expect(denied.rows.map((r) => r.action)).toEqual(["access.denied"]);
    expect((await searchAudit({ person: "zhaoliu", action: "auth.login", outcome: "FAILURE" })).total).toBe(0);
  });

  it("matches _ and % in the person filter literally, not as SQL wildcards", async () => {
    await insert([
      { at: "2026-07-01T00:00:00Z", username: "li_si", name: "李四" },
      { at: "2026-07-01T00:00:00Z", username: "lixsi", name: "李四x" },
    ]);
    expect((await searchAudit({ person: "li_si" })).rows.map((r) => r.actorUsername)).toEqual(["li_si"]);
    expect((await searchAudit({ person: "%", from: "2026-07-01", to: "2026-07-01" })).total).toBe(0);
  });

  it("drops malformed filter values rather than failing", () => {
    expect(auditFilterSchema.parse({ person: " 赵 ", action: "rm -rf", from: "2026/03/01", outcome: "MAYBE", page: "2" })).toEqual({ person: "赵", page: 2 });
  });

  it("paginates newest first", async () => {
    const start = Date.parse("2026-06-01T00:00:00Z");
    await insert(Array.from({ length: 60 }, (_, i) => ({ at: new Date(start + i * 60_000).toISOString(), username: "pager", name: "翻页" })));
    const first = await searchAudit({ person: "pager" });
    const second = await searchAudit({ person: "pager", page: 2 });
    expect([first.total, first.rows.length, second.rows.length]).toEqual([60, AUDIT_PAGE_SIZE, 10]);
    expect(first.rows[0].at.toISOString()).toBe("2026-06-01T00:59:00.000Z");
    expect(second.rows.at(-1)!.at.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(60);
    expect((await searchAudit({ person: "pager", page: 3 })).rows).toEqual([]);
  });

  it("exports the filtered rows to a workbook, streamed", async () => {
    const workbookOf = async (filter: Parameters<typeof auditExportResponse>[0]) => {
      const { total, response } = await auditExportResponse(filter, "审计日志.xlsx");
      expect(response.headers.get("x-total-rows")).toBe(String(total));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      return workbook;
    };
    const workbook = await workbookOf({ person: "赵六" });
    const sheet = workbook.getWorksheet("审计日志")!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(sheet.getCell(1, 1).value).toBe("审计日志");
    expect(values(2)).toEqual(["时间", "用户名", "姓名", "操作", "对象", "说明", "IP 地址", "结果"]);
    expect(sheet.rowCount).toBe(5);
    const rows = [3, 4, 5].map((n) => values(n));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[6], r[7]])).toEqual([
      ["2026-05-01 11:00", "zhaoliu", "赵六", "越权访问被拒绝", "10.1.1.1", "拒绝"],
      ["2026-05-01 10:00", "zhaoliu", "赵六", "登录失败", "10.1.1.1", "失败"],
      ["2026-05-01 09:00", "zhaoliu", "赵六", "登录成功", "10.1.1.1", "成功"],
    ]);

    const day = await workbookOf({ person: "clock", from: "2026-03-01", to: "2026-03-01" });
    const times = day.worksheets[0].getColumn(1).values.slice(3);
    expect(times).toEqual(["2026-03-01 23:59", "2026-03-01 00:00"]);
  });
});

describe("refusals in the audit log", () => {
  it("writes at most ten rows a minute per address, account and refusal, and the count of the rest into the next minute's first row", async () => {
    const flood = { actor: null, ip: "10.9.9.9", summary: "未登录：操作：洪水测试" };
    // The windows are whole minutes: start well inside one.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const written = [];
    for (let n = 0; n < 15; n++) written.push(await auditRefusal(flood));
    expect(written.filter(Boolean)).toHaveLength(REFUSAL_ROWS_PER_MINUTE);
    expect(written.slice(REFUSAL_ROWS_PER_MINUTE).some(Boolean)).toBe(false);
    expect(await db.auditLog.count({ where: { ip: "10.9.9.9" } })).toBe(10);
    // Another refusal from the same address is counted on its own.
    expect(await auditRefusal({ ...flood, summary: "未登录：下载：audit.view" })).toBe(true);
    // The minute passes (the window moved back instead of waiting): the next row carries the 5 left out.
    await db.$executeRaw`UPDATE "RateLimit" SET "windowStart" = "windowStart" - interval '60 seconds' WHERE "key" LIKE 'audit-refusal:%'`;
    expect(await auditRefusal(flood)).toBe(true);
    const last = await db.auditLog.findFirstOrThrow({ where: { ip: "10.9.9.9" }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "access.denied", outcome: "DENIED", summary: flood.summary, details: { suppressedBefore: 5 } });
    expect(await auditRefusal(flood)).toBe(true);
    expect((await db.auditLog.findFirstOrThrow({ where: { ip: "10.9.9.9" }, orderBy: { id: "desc" } })).details).toBeNull();
  });

  it("shows the audit admin repeated refusals by address and by account, paged in the database", async () => {
    const byAddress = await repeatedRefusals(refusalsFilterSchema.parse({ by: "address" }));
    const flood = byAddress.groups.find((g) => g.subject === "10.9.9.9");
    // 10 + 1 + 1 + 1 rows, and 5 refusals counted without a row of their own.
    expect(flood).toMatchObject({ rows: 13, refusals: 18, accounts: 0 });
    expect(flood!.what.sort()).toEqual(["未登录：下载：audit.view", "未登录：操作：洪水测试"]);
    expect(byAddress.groups[0].refusals).toBeGreaterThanOrEqual(flood!.refusals);

    const prober = await makeUser(["UNIT_USER"], county.townshipA.id);
    const actor = { id: prober.id, username: prober.username, name: prober.name };
    for (const ip of ["10.8.0.1", "10.8.0.2", "10.8.0.2"]) await auditRefusal({ actor, ip, summary: `记录不存在或无权访问：保存申报书：项目不存在 ${ip}` });
    const byAccount = await repeatedRefusals(refusalsFilterSchema.parse({ by: "account" }));
    expect(byAccount.groups.find((g) => g.subject === prober.username)).toMatchObject({ refusals: 3, addresses: 2 });
    expect(byAccount.groups.find((g) => g.subject === "（未登录）")?.refusals).toBeGreaterThanOrEqual(18);
    // Only repeated ones by default; min=1 shows single refusals too.
    await auditRefusal({ actor: null, ip: "10.7.0.1", summary: "未登录：操作：一次" });
    expect((await repeatedRefusals(refusalsFilterSchema.parse({}))).groups.map((g) => g.subject)).not.toContain("10.7.0.1");
    expect((await repeatedRefusals(refusalsFilterSchema.parse({ min: "1" }))).groups.map((g) => g.subject)).toContain("10.7.0.1");

    // Paging: 35 more addresses with two refusals each.
    for (let n = 0; n < 35; n++) for (let k = 0; k < 2; k++) await auditRefusal({ actor: null, ip: `10.6.0.${n}`, summary: `未登录：操作：第${k}次` });
    const first = await repeatedRefusals(refusalsFilterSchema.parse({ by: "address" }));
    const second = await repeatedRefusals(refusalsFilterSchema.parse({ by: "address", page: "2" }));
    expect(first.groups).toHaveLength(REFUSALS_PAGE_SIZE);
    expect(first.total).toBe(second.total);
    expect(first.total).toBeGreaterThanOrEqual(37);
    expect(second.groups).toHaveLength(first.total - REFUSALS_PAGE_SIZE);
    expect(new Set([...first.groups, ...second.groups].map((g) => g.subject)).size).toBe(first.total);
    // A period before any of it shows nothing.
    expect((await repeatedRefusals(refusalsFilterSchema.parse({ from: "2020-01-01", to: "2020-01-31" }))).total).toBe(0);
  });

  it("writes at most sixty rows a minute per address and per account across refusals, and the count of the rest into the next row", async () => {
    const second = new Date().getUTCSeconds();
    if (second > 40) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const nextMinute = () => db.$executeRaw`UPDATE "RateLimit" SET "windowStart" = "windowStart" - interval '60 seconds' WHERE "key" LIKE 'audit-refusal:%'`;
    // A visitor cycling through 300 action names from one address: 60 rows, not 300 (nor 10 for each).
    const ip = "10.5.5.5";
    const written: boolean[] = [];
    for (let n = 0; n < 300; n++) written.push(await auditRefusal({ actor: null, ip, summary: `未登录：操作：轮换${n}` }));
    expect(REFUSAL_CEILING_PER_MINUTE).toBe(60);
    expect(written.filter(Boolean)).toHaveLength(REFUSAL_CEILING_PER_MINUTE);
    expect(written.slice(REFUSAL_CEILING_PER_MINUTE).some(Boolean)).toBe(false);
    expect(await db.auditLog.count({ where: { ip } })).toBe(REFUSAL_CEILING_PER_MINUTE);
    // Another address is not held back by this one.
    expect(await auditRefusal({ actor: null, ip: "10.5.5.6", summary: "未登录：操作：轮换0" })).toBe(true);
    // The next minute's first row from the address carries the 240 left out, whichever refusal it is.
    await nextMinute();
    expect(await auditRefusal({ actor: null, ip, summary: "未登录：操作：另一个" })).toBe(true);
    const carried = await db.auditLog.findFirstOrThrow({ where: { ip }, orderBy: { id: "desc" } });
    expect(carried).toMatchObject({ summary: "未登录：操作：另一个", details: { suppressedBefore: 240 } });
    expect(await auditRefusal({ actor: null, ip, summary: "未登录：操作：轮换1" })).toBe(true);
    expect((await db.auditLog.findFirstOrThrow({ where: { ip }, orderBy: { id: "desc" } })).details).toBeNull();
    const byAddress = await repeatedRefusals(refusalsFilterSchema.parse({ by: "address" }));
    expect(byAddress.groups.find((g) => g.subject === ip)).toMatchObject({ rows: 62, refusals: 302 });

    // One account cycling through addresses and refusals: 60 rows for the account, the rest carried over.
    const prober = await makeUser(["UNIT_USER"], county.townshipB.id);
    const actor = { id: prober.id, username: prober.username, name: prober.name };
    const byProber: boolean[] = [];
    for (let n = 0; n < 100; n++) byProber.push(await auditRefusal({ actor, ip: `10.4.${n % 7}.${n}`, summary: `操作：轮换${n}` }));
    expect(byProber.filter(Boolean)).toHaveLength(REFUSAL_CEILING_PER_MINUTE);
    expect(await db.auditLog.count({ where: { actorId: prober.id } })).toBe(REFUSAL_CEILING_PER_MINUTE);
    await nextMinute();
    expect(await auditRefusal({ actor, ip: "10.4.9.9", summary: "操作：轮换0" })).toBe(true);
    expect((await db.auditLog.findFirstOrThrow({ where: { actorId: prober.id }, orderBy: { id: "desc" } })).details).toEqual({ suppressedBefore: 40 });
  });
});
