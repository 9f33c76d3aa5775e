import "server-only";
import { db } from "@/lib/db/client";
import { meetingWhere } from "@/lib/township-meetings/queries";
import type { MeetingFilter } from "@/lib/township-meetings/schemas";
import { afterCursor, DATE, excelDate, inBatches, listExport } from "@/lib/exports/xlsx-stream";

/** The meetings as filtered on screen, newest first, the townships' practices in one cell each. */
export async function meetingsExport(filter: MeetingFilter) {
  const where = meetingWhere(filter);
  const total = await db.townshipMeeting.count({ where });
  const batches = inBatches((cursor, take) =>
    db.townshipMeeting.findMany({
      where,
      orderBy: [{ heldOn: "desc" }, { id: "desc" }],
      ...afterCursor(cursor, take),
      include: { shares: { orderBy: { sortOrder: "asc" }, include: { unit: { select: { name: true } }, project: { select: { title: true } } } } },
    }),
  );
  const title = filter.year ? `${filter.year}年乡镇组织委员例会` : "乡镇组织委员例会";
  return listExport({
    title,
    sheetName: "例会",
    total,
    batches,
    columns: [
      { header: "日期", width: 12, value: (m) => excelDate(m.heldOn), numFmt: DATE },
      { header: "地点", width: 18, value: (m) => m.place },
      { header: "主持人", width: 12, value: (m) => m.host },
      { header: "参会人员", width: 40, value: (m) => m.attendees },
      {
        header: "交流的乡镇和做法",
        width: 70,
        value: (m) => m.shares.map((s) => `${s.unit.name}：${s.practice}${s.project ? `（${s.project.title}）` : ""}`).join("\n"),
      },
      { header: "查询问题", width: 40, value: (m) => m.problems ?? "" },
      { header: "跟进事项", width: 40, value: (m) => m.followUps ?? "" },
    ],
  });
}
