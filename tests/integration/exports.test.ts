import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createYearRecord } from "@/lib/years/service";
import { createSuggestionRecord, ensureDefaultAspects } from "@/lib/suggestions/service";
import { suggestionsExport } from "@/lib/suggestions/export";
import { GET as exportSuggestions } from "@/app/(app)/suggestions/export/route";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const YEAR = 2026;
let yearId: string;
let staff: Awaited<ReturnType<typeof makeUser>>;
let clerk: Awaited<ReturnType<typeof makeUser>>;

async function sheetOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0];
}

beforeAll(async () => {
  const county = await makeCounty();
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  yearId = (await db.$transaction((tx) => createYearRecord(tx, YEAR, null))).id;
  await ensureDefaultAspects();
  const aspect = await db.suggestionAspect.findFirstOrThrow({ where: { name: "农村党建" } });
  // More rows than one batch, so the export has to page through them; one filed through the service, the bulk at once.
  await db.$transaction((tx) =>
    createSuggestionRecord(
      tx,
      { category: aspect.category, aspectId: aspect.id, content: "建议推行党员积分管理（服务）", submitterName: "李先生", contact: "13800000000" },
      { actor: null, unitId: null, ip: null, createdAt: new Date(Date.UTC(YEAR, 0, 1)) },
    ),
  );
  await db.suggestion.createMany({
    data: Array.from({ length: 1204 }, (_, i) => ({
      receiptNo: `JY${YEAR}T${String(i).padStart(6, "0")}`,
      yearId,
      category: aspect.category,
      aspectId: aspect.id,
      content: i % 2 ? `建议推行党员积分管理（第${i}条）` : `建议加强人才驿站建设（第${i}条）`,
      createdAt: new Date(Date.UTC(YEAR, 0, 1, 0, 0, i + 1)),
    })),
  });
});

beforeEach(() => signOutTestUser());

describe("streamed Excel exports", () => {
  it("writes the title row, Chinese headers, Beijing dates as date cells and every filtered row across batches", async () => {
    const { total, response } = await suggestionsExport({ yearId, q: "积分" }, "2026年度建言献策");
    expect(total).toBe(603);
    expect(response.headers.get("x-total-rows")).toBe("603");
    const sheet = await sheetOf(response);
    expect(sheet.getCell("A1").value).toBe("2026年度建言献策");
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(["回执号", "提交时间", "类别", "意见建议", "状态"]));
    expect(sheet.rowCount).toBe(2 + 603);
    const newest = sheet.getRow(3);
    expect(newest.getCell(5).value).toBe("建议推行党员积分管理（第1203条）");
    // 2026-01-01 00:20:04 UTC is 08:20:04 in Beijing, shown as such.
    expect(newest.getCell(2).value).toEqual(new Date(Date.UTC(YEAR, 0, 1, 8, 20, 4)));
    expect(newest.getCell(2).numFmt).toBe("yyyy-mm-dd hh:mm");
  });

  it("checks the caller like the list does and records who exported", async () => {
    await actAs(clerk);
    expect((await exportSuggestions(new Request(`http://localhost/suggestions/export?year=${YEAR}`))).status).toBe(403);
    await actAs(staff);
    const response = await exportSuggestions(new Request(`http://localhost/suggestions/export?year=${YEAR}&q=${encodeURIComponent("人才")}`));
    expect(response.status).toBe(200);
    expect((await sheetOf(response)).rowCount).toBe(2 + 602);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "list.export", actorId: staff.id } });
    expect(audit.summary).toBe("建言献策：602 行");
  });
});
