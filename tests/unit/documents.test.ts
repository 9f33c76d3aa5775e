import { describe, expect, it } from "vitest";
import { chineseNumber, documentText, safeFileName, type OfficialDoc } from "@/lib/documents/model";
import { documentHtml, escapeHtml } from "@/lib/documents/html";
import { awardDecisionDocument } from "@/lib/documents/award-decision";
import { decisionNoticeDocument } from "@/lib/documents/decision-notice";
import { meetingListDocument } from "@/lib/documents/meeting-list";
import { townshipMinutesDocument } from "@/lib/documents/township-minutes";
import { inspectionBulletinDocument } from "@/lib/documents/inspection-bulletin";
import { catalogueDocument } from "@/lib/documents/catalogue";

const tiers = [
  { id: "t1", category: "WORK" as const, level: "COUNTY" as const, name: "一等奖", rank: 1 },
  { id: "t2", category: "PERSON" as const, level: "COUNTY" as const, name: "十佳", rank: 1 },
];
const entries = [
  {
    tierId: "t1",
    category: "WORK" as const,
    level: "COUNTY" as const,
    personName: null,
    personTitle: null,
    unit: { name: "青石镇" },
    project: { title: "一村一名入党积极分子" },
  },
  {
    tierId: "t2",
    category: "PERSON" as const,
    level: "COUNTY" as const,
    personName: "林晓岚",
    personTitle: "白沙镇党委组织委员",
    unit: { name: "白沙镇" },
    project: null,
  },
];

describe("document model", () => {
  it("numbers sections the way official documents do", () => {
    expect([1, 2, 10, 11, 12, 20, 23].map(chineseNumber)).toEqual(["一", "二", "十", "十一", "十二", "二十", "二十三"]);
  });

  it("makes file names safe for every file system", () => {
    expect(safeFileName('关于《a/b》的"通知"')).toBe("关于《a_b》的_通知_");
  });

  it("escapes text in the HTML it prints to PDF", () => {
    expect(escapeHtml(`<script>"&'`)).toBe("&lt;script&gt;&quot;&amp;&#39;");
    const doc: OfficialDoc = {
      type: "catalogue",
      id: "2026",
      issuer: "中共明澜县委组织部",
      title: "<b>标题</b>",
      label: "x",
      date: new Date("2026-02-01T02:00:00Z"),
      fileName: "x",
      blocks: [{ kind: "table", label: "t", columns: ["序号"], rows: [] }],
    };
    const html = documentHtml(doc);
    expect(html).toContain("&lt;b&gt;标题&lt;/b&gt;");
    expect(html).not.toContain("<b>");
    expect(html).toContain("size: A4");
    expect(html).toContain("2026年2月1日");
    expect(html).toContain("（无）");
  });
});

describe("document builders", () => {
  it("award decision: number, addressees, the grouped list, counts", () => {
    const doc = awardDecisionDocument("明澜县", {
      id: "c1",
      decidedAt: new Date("2025-12-26T02:00:00Z"),
      decisionNumber: "明组发〔2025〕36号",
      year: { year: 2025 },
      tiers,
      nominations: entries,
    });
    expect(doc.title).toBe("中共明澜县委组织部关于表彰2025年度组织工作改革创新先进集体和先进个人的决定");
    expect(doc.issuer).toBe("中共明澜县委组织部");
    expect(doc.number).toBe("明组发〔2025〕36号");
    expect(doc.blocks[0]).toEqual({ kind: "paragraph", indent: false, text: "各乡镇党委，县直各部门党组（党委），部机关各科室：" });
    const headings = doc.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text);
    expect(headings).toEqual(["一、创新性工作", "二、创新性人才"]);
    const text = documentText(doc);
    expect(text).toContain("决定对1项组织工作改革创新先进项目和1名创新性人才予以表彰");
    expect(text).toContain("一等奖（1项）");
    expect(text).toContain("1. 青石镇：一村一名入党积极分子");
    expect(text).toContain("1. 林晓岚（白沙镇党委组织委员）");
  });

  it("decision notice: addressed to the unit, with the verdict's words", () => {
    const doc = decisionNoticeDocument("明澜县", {
      id: "d1",
      verdict: "REVISE",
      opinion: "补充指标",
      decidedAt: new Date(),
      meeting: { number: "2026-3" },
      project: { title: "党员积分", unit: { name: "青石镇" }, year: { year: 2026 } },
    });
    expect(doc.title).toBe("关于《党员积分》的修改意见通知");
    expect(doc.label).toBe("修改意见通知");
    expect(documentText(doc)).toContain("青石镇：");
    expect(documentText(doc)).toContain("审定意见：补充指标");
  });

  it("meeting list: one table row per decision, a placeholder when there is none", () => {
    const meeting = {
      id: "m1",
      number: "2026-3",
      heldAt: new Date(),
      attendees: "甲、乙",
      year: { year: 2026 },
      decisions: [{ verdict: "APPROVE" as const, opinion: "同意", project: { id: "p1", title: "党员积分", unit: { name: "青石镇" } } }],
    };
    const table = meetingListDocument("明澜县", meeting).blocks.find((b) => b.kind === "table")!;
    expect(table).toMatchObject({
      columns: ["序号", "项目名称", "申报单位", "审定结果", "审定意见"],
      rows: [["1", { text: "党员积分", href: "/projects/p1" }, "青石镇", "立项", "同意"]],
    });
    const empty = meetingListDocument("明澜县", { ...meeting, decisions: [] }).blocks.find((b) => b.kind === "table")!;
    expect(empty).toMatchObject({ rows: [], empty: "尚未记录审定结果" });
  });

  it("township minutes: sections numbered in order, optional ones left out", () => {
    const doc = townshipMinutesDocument("明澜县", {
      id: "t",
      heldOn: new Date("2026-03-05T02:00:00Z"),
      host: "王部长",
      place: "三楼会议室",
      attendees: "各乡镇组织委员",
      problems: null,
      followUps: "下月再议",
      shares: [{ practice: "夜校", unit: { name: "青石镇" }, project: null }],
    });
    expect(doc.title).toBe("明澜县乡镇组织委员例会纪要");
    expect(doc.subtitle).toBe("（2026年3月5日）");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text)).toEqual(["一、各乡镇交流的做法", "二、跟进事项"]);
    expect(documentText(doc)).toContain("（一）青石镇");
  });

  it("inspection bulletin: findings, the risk note, rectifications with their state", () => {
    const doc = inspectionBulletinDocument("明澜县", {
      id: "i1",
      year: 2026,
      quarter: 2,
      theme: "项目推进",
      overview: "总体平稳。",
      publishedAt: new Date(),
      items: [
        {
          finding: "LAGGING",
          problems: "进度慢",
          recommendations: null,
          unitReportedBehind: false,
          project: { title: "党员积分", unit: { name: "青石镇" } },
          rectifications: [{ content: "补齐台账", dueAt: new Date("2026-07-01T02:00:00Z"), status: "OPEN", answer: null, review: null }],
        },
      ],
    });
    expect(doc.title).toBe("关于2026年第二季度“项目推进”督查情况的通报");
    expect(doc.blocks[1]).toMatchObject({ kind: "item", title: "1. 青石镇“党员积分”：进展滞后", note: "（风险：单位自报按计划推进）" });
    expect(documentText(doc)).toContain("整改事项：补齐台账（2026-07-01 前，待整改）");
  });

  it("catalogue: grouped by category with the count, or a line when nothing is published", () => {
    const topic = {
      id: "x",
      code: "GB-01",
      title: "选题甲",
      description: "说明",
      category: "CADRE" as const,
      focus: "KEY" as const,
      tier: "INNOVATION" as const,
      claimMode: "OPEN" as const,
      claimClosesAt: new Date(),
      publishedAt: new Date("2026-02-01T02:00:00Z"),
      aspect: null,
      units: [],
    };
    expect(documentText(catalogueDocument("明澜县", 2026, []))).toContain("2026 年度参考选题尚未发布。");
    const doc = catalogueDocument("明澜县", 2026, [topic]);
    expect(doc.title).toBe("明澜县2026年度组织工作改革创新项目参考选题");
    expect(doc.date?.toISOString()).toBe("2026-02-01T02:00:00.000Z");
    expect(doc.blocks.find((b) => b.kind === "item")).toMatchObject({ title: "1. 选题甲（GB-01）", paragraphs: ["说明"] });
  });
});

describe("no browser to print with", () => {
  it("is a known message for the reader (an ActionError), always the one fixed text", async () => {
    const { ActionError } = await import("@/lib/actions/errors");
    const { NO_CHROMIUM, PdfUnavailableError } = await import("@/lib/documents/pdf");
    const error = new PdfUnavailableError();
    expect(error).toBeInstanceOf(ActionError);
    expect(error.message).toBe(NO_CHROMIUM);
    expect(NO_CHROMIUM).toMatch(/Word 版.*打印/);
  });
});
