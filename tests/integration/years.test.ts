import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { toDateTimeLocal } from "@/lib/time";
import { createYear, setCurrentYear, updateYear } from "@/lib/years/actions";
import { defaultWindows, WINDOW_KINDS } from "@/lib/years/windows";
import { actAs, makeCounty, makeUser } from "./support/fixtures";

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.department.id);
});

beforeEach(async () => {
  await actAs(admin);
});

const yearRow = (year: number) => db.year.findUniqueOrThrow({ where: { year }, include: { windows: true } });
const windowOf = (row: Awaited<ReturnType<typeof yearRow>>, kind: string) => row.windows.find((w) => w.kind === kind)!;

/** What the edit form posts: every window as datetime-local strings in Beijing time. */
async function formFor(year: number, changes: Record<string, string> = {}) {
  const row = await yearRow(year);
  const fields: Record<string, string> = {};
  for (const w of row.windows) {
    fields[`${w.kind}_start`] = toDateTimeLocal(w.startsAt);
    fields[`${w.kind}_end`] = toDateTimeLocal(w.endsAt);
  }
  return { id: row.id, version: row.version, ...fields, ...changes };
}

describe("creating a year", () => {
  it("creates all ten windows with the default dates and makes the first year current", async () => {
    const result = await createYear({ year: 2026 });
    expect(result.data?.id).toEqual(expect.any(String));
    const row = await yearRow(2026);
    expect(row).toMatchObject({ id: result.data!.id, isCurrent: true, version: 0 });
    expect(row.windows.map((w) => w.kind).sort()).toEqual([...WINDOW_KINDS].sort());
    for (const expected of defaultWindows(2026)) {
      const stored = windowOf(row, expected.kind);
      expect([stored.startsAt?.toISOString(), stored.endsAt.toISOString()]).toEqual([expected.startsAt?.toISOString(), expected.endsAt.toISOString()]);
    }
    // 2026-01-01 00:00 and 2026-01-31 23:59 in Beijing; the fourth-quarter report falls in the next January.
    expect(windowOf(row, "SUGGESTION").startsAt?.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(windowOf(row, "SUGGESTION").endsAt.toISOString()).toBe("2026-01-31T15:59:00.000Z");
    expect(windowOf(row, "TOPIC_CLAIM").endsAt.toISOString()).toBe("2026-02-28T15:59:00.000Z");
    expect(windowOf(row, "REPORT_Q4").endsAt.toISOString()).toBe("2027-01-10T15:59:00.000Z");
    expect(await db.auditLog.count({ where: { action: "year.create", entityId: row.id, actorId: admin.id } })).toBe(1);
  });

  it("does not take over as current when a current year exists", async () => {
    expect((await createYear({ year: 2027 })).data?.id).toEqual(expect.any(String));
    expect((await yearRow(2027)).isCurrent).toBe(false);
    expect((await yearRow(2027)).windows).toHaveLength(WINDOW_KINDS.length);
    expect((await yearRow(2026)).isCurrent).toBe(true);
  });

  it("puts a duplicate or out-of-range year on the year field", async () => {
    expect((await createYear({ year: 2026 })).validationErrors?.fieldErrors).toEqual({ year: ["2026 年度已存在"] });
    expect((await createYear({ year: 1999 })).validationErrors?.fieldErrors).toEqual({ year: ["年度须在 2000 至 2100 之间"] });
    expect(await db.year.count()).toBe(2);
  });
});

describe("editing a year's windows", () => {
  it("puts an end before its start on that window's end field", async () => {
    const before = await formFor(2026, { PROPOSAL_start: "2026-03-01T00:00", PROPOSAL_end: "2026-02-01T00:00" });
    expect((await updateYear(before)).validationErrors?.fieldErrors).toEqual({ PROPOSAL_end: ["截止时间须晚于开始时间"] });
    const equal = await formFor(2026, { HEARING_start: "2026-04-01T09:00", HEARING_end: "2026-04-01T09:00" });
    expect((await updateYear(equal)).validationErrors?.fieldErrors).toEqual({ HEARING_end: ["截止时间须晚于开始时间"] });
    const missing = await formFor(2026, { NOMINATION_end: "" });
    expect((await updateYear(missing)).validationErrors?.fieldErrors).toEqual({ NOMINATION_end: ["请填写评比表彰推荐的截止时间"] });
    const badDate = await formFor(2026, { REPORT_Q1_end: "2026-02-30T10:00" });
    const badDateErrors = (await updateYear(badDate)).validationErrors?.fieldErrors as Record<string, string[]> | undefined;
    expect(badDateErrors?.REPORT_Q1_end).toContain("日期时间格式不正确");
    expect(await yearRow(2026)).toMatchObject({ version: 0, note: null });
    expect(await db.auditLog.count({ where: { action: "year.update" } })).toBe(0);
  });

  it("stores the form's times as Beijing time and audits the change", async () => {
    const form = await formFor(2026, { PROPOSAL_end: "2026-03-31T18:00", HEARING_start: "", note: "第一轮" });
    const result = await updateYear(form);
    expect(result.data).toEqual({ id: form.id });
    const row = await yearRow(2026);
    expect(row).toMatchObject({ version: 1, note: "第一轮" });
    expect(windowOf(row, "PROPOSAL").endsAt.toISOString()).toBe("2026-03-31T10:00:00.000Z");
    expect(windowOf(row, "HEARING").startsAt).toBeNull(); // a bare deadline
    expect(windowOf(row, "SUGGESTION").endsAt.toISOString()).toBe("2026-01-31T15:59:00.000Z");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "year.update", entityId: row.id } });
    expect(audit).toMatchObject({ actorId: admin.id, summary: "2026 年度时间安排", outcome: "SUCCESS" });
    expect(audit.details).toEqual({
      changes: [
        "PROPOSAL: 2026-02-01 00:00~2026-03-31 23:59 → 2026-02-01 00:00~2026-03-31 18:00",
        "HEARING: 2026-03-15 00:00~2026-04-30 23:59 → ~2026-04-30 23:59",
      ],
    });
  });

  it("refuses a save from a stale version and keeps the newer windows", async () => {
    const stale = { ...(await formFor(2026, { PROPOSAL_end: "2026-03-20T12:00" })), version: 0 };
    expect((await updateYear(stale)).serverError).toBe(STALE_RECORD);
    const row = await yearRow(2026);
    expect(row.version).toBe(1);
    expect(windowOf(row, "PROPOSAL").endsAt.toISOString()).toBe("2026-03-31T10:00:00.000Z");
    expect(await db.auditLog.count({ where: { action: "year.update" } })).toBe(1);
  });
});

describe("the current year", () => {
  it("leaves exactly one current year", async () => {
    const y2027 = await yearRow(2027);
    expect((await setCurrentYear({ id: y2027.id })).data).toEqual({ id: y2027.id });
    expect((await db.year.findMany({ where: { isCurrent: true } })).map((y) => y.year)).toEqual([2027]);
    expect(await db.auditLog.count({ where: { action: "year.set_current", entityId: y2027.id } })).toBe(1);

    expect((await setCurrentYear({ id: y2027.id })).data).toEqual({ id: y2027.id }); // again: still one
    expect((await db.year.findMany({ where: { isCurrent: true } })).map((y) => y.year)).toEqual([2027]);
    expect((await setCurrentYear({ id: "no-such-year" })).serverError).toBe("年度不存在");
    expect(await db.year.count({ where: { isCurrent: true } })).toBe(1);
  });

  it("keeps a single current year when two switches race", async () => {
    await createYear({ year: 2028 });
    const [a, b] = await Promise.all([yearRow(2026), yearRow(2028)]);
    await Promise.all([setCurrentYear({ id: a.id }), setCurrentYear({ id: b.id })]);
    const current = await db.year.findMany({ where: { isCurrent: true } });
    expect(current).toHaveLength(1);
    expect([2026, 2028]).toContain(current[0].year);
  });
});

describe("permissions", () => {
  it("refuses a UNIT_USER", async () => {
    const clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
    await actAs(clerk);
    expect((await createYear({ year: 2030 })).serverError).toBe("无权执行此操作");
    const y2026 = await yearRow(2026);
    expect((await setCurrentYear({ id: y2026.id })).serverError).toBe("无权执行此操作");
    expect((await updateYear(await formFor(2026, { note: "越权" }))).serverError).toBe("无权执行此操作");
    expect(await db.year.count({ where: { year: 2030 } })).toBe(0);
    expect((await yearRow(2026)).note).toBe("第一轮");
    expect(await db.auditLog.count({ where: { action: "access.denied", actorId: clerk.id } })).toBe(3);
  });
});
