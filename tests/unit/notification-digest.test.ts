import { describe, expect, it } from "vitest";
import { DIGEST_KINDS, digestDue, digestNotice, isDigestKind, nextDigestAt } from "@/lib/notifications/digest-rules";
import { categoryOf } from "@/lib/notifications/kinds";
import { formatDateTime, parseBusinessDateTime } from "@/lib/time";

const at = (value: string) => parseBusinessDateTime(value)!;

describe("the daily digest's rules", () => {
  it("holds new submissions that arrive in numbers, not what asks for a decision soon", () => {
    for (const kind of ["project.submitted", "report.submitted", "event.submitted", "practice.submitted", "research.submitted"])
      expect(isDigestKind(kind)).toBe(true);
    // A unit declining an assigned topic, a reviewer's conflict, an objection (kind "award"): the admin acts on each.
    for (const kind of ["topic.claim", "hearing.conflict", "award", "report.overdue", "digest.daily"]) expect(isDigestKind(kind)).toBe(false);
  });

  it("counts every held kind under its own name, never the code's", () => {
    const text = digestNotice(
      [...DIGEST_KINDS].map((kind) => ({ kind, count: 1 })),
      { first: at("2031-03-05 09:00"), last: at("2031-03-05 18:00") },
    ).body;
    expect(text).toBe("交流材料 1 件、四个一材料 1 件、项目申报 1 件、季度进展报送 1 件、调研报告 1 件。逐条查看请打开“新提交”。");
    for (const kind of DIGEST_KINDS) {
      expect(text).not.toContain(kind);
      // Each held kind is one the inbox files under 新提交, where the digest sends the reader.
      expect(categoryOf(kind)).toBe("submission");
    }
  });

  it("is due from 08:00 Beijing time, for what was held before the day began", () => {
    expect(digestDue(at("2031-03-06 07:59"))).toBeNull();
    expect(digestDue(at("2031-03-06 08:00"))).toEqual({ day: "2031-03-06", cutoff: at("2031-03-06 00:00") });
    expect(digestDue(at("2031-03-06 23:59"))?.day).toBe("2031-03-06");
    // 00:30 Beijing is still the previous evening in UTC: the business day decides.
    expect(digestDue(new Date("2031-03-05T16:30:00Z"))).toBeNull();
  });

  it("names the next release", () => {
    expect(formatDateTime(nextDigestAt(at("2031-03-06 07:00")))).toBe("2031-03-06 08:00");
    expect(formatDateTime(nextDigestAt(at("2031-03-06 08:00")))).toBe("2031-03-07 08:00");
    expect(formatDateTime(nextDigestAt(at("2031-03-06 21:00")))).toBe("2031-03-07 08:00");
  });

  it("counts per kind over the days it spans", () => {
    expect(digestNotice([{ kind: "project.submitted", count: 1 }], { first: at("2031-03-05 09:00"), last: at("2031-03-05 18:00") })).toEqual({
      title: "每日汇总：3月5日新提交 1 件",
      body: "项目申报 1 件。逐条查看请打开“新提交”。",
    });
    expect(
      digestNotice(
        [
          { kind: "project.submitted", count: 2 },
          { kind: "other.kind", count: 5 },
        ],
        { first: at("2031-03-03 09:00"), last: at("2031-03-05 18:00") },
      ).title,
    ).toBe("每日汇总：3月3日至3月5日新提交 7 件");
  });
});
