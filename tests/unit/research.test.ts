import { describe, expect, it } from "vitest";
import { addTallies, adoptionRate, EMPTY_TALLY, formatRate, tallyMarks } from "@/lib/research/rules";
import { RESEARCH_MACHINE } from "@/lib/research/states";
import { listFilterSchema, reportFields } from "@/lib/research/schemas";
import { researchReportDocument } from "@/lib/documents/research-report";
import { documentText } from "@/lib/documents/model";

describe("采纳率", () => {
  it("counts adopted and partly adopted over the marked proposals; unmarked ones count neither way", () => {
    const tally = tallyMarks(["ADOPTED", "PARTLY", "NOT_ADOPTED", null, "ADOPTED"]);
    expect(tally).toEqual({ proposals: 5, adopted: 2, partly: 1, notAdopted: 1, unmarked: 1 });
    expect(adoptionRate(tally)).toBe(3 / 4);
    expect(formatRate(adoptionRate(tally))).toBe("75.0%");
  });

  it("is — when nothing is marked, 0% when every marked proposal was not adopted", () => {
    expect(adoptionRate(tallyMarks([null, null]))).toBeNull();
    expect(formatRate(null)).toBe("—");
    expect(formatRate(adoptionRate(tallyMarks(["NOT_ADOPTED"])))).toBe("0.0%");
    expect(formatRate(2 / 3)).toBe("66.7%");
  });

  it("adds tallies of several topics (the year, a person)", () => {
    const sum = addTallies(tallyMarks(["ADOPTED"]), addTallies(EMPTY_TALLY, tallyMarks(["NOT_ADOPTED", null])));
    expect(sum).toEqual({ proposals: 3, adopted: 1, partly: 0, notAdopted: 1, unmarked: 1 });
    expect(adoptionRate(sum)).toBe(0.5);
  });
});

describe("research topic states", () => {
  it("runs 立题 → 调研中 → 报告已交 → 已结题, a return going back to 调研中", () => {
    expect(RESEARCH_MACHINE.progress("RESEARCHING").map((s) => [s.label, s.status])).toEqual([
      ["立题", "done"],
      ["调研中", "current"],
      ["报告已交", "todo"],
      ["已结题", "todo"],
    ]);
    expect(RESEARCH_MACHINE.transitions.return.to).toBe("RESEARCHING");
    expect(RESEARCH_MACHINE.available("RESEARCHING", ["team"])).toEqual(["save"]);
    expect(RESEARCH_MACHINE.available("RESEARCHING", ["team", "lead"])).toEqual(["save", "submit"]);
    expect(RESEARCH_MACHINE.available("REPORTED", ["head"])).toEqual(["close", "return"]);
  });

  it("refuses edits once the report is in and markings before the topic is closed", () => {
    expect(RESEARCH_MACHINE.problem("edit", "REPORTED", "admin")).toBe("报告已交的课题不能再修改");
    expect(RESEARCH_MACHINE.problem("mark", "REPORTED", "leader")).toBe("课题结题后才能批示建议");
    expect(RESEARCH_MACHINE.problem("submit", "RESEARCHING", "team")).toBe("无权“提交报告”");
  });
});

describe("research inputs", () => {
  it("drops blank proposals and refuses more than 20", () => {
    expect(reportFields.parse({ proposals: ["一", " ", "二"] }).proposals).toEqual(["一", "二"]);
    expect(reportFields.safeParse({ proposals: Array(21).fill("x") }).success).toBe(false);
  });

  it("reads list filters from the address, ignoring bad values", () => {
    expect(listFilterSchema.parse({ state: "CLOSED", mine: "1", area: "", page: "2" })).toMatchObject({ state: "CLOSED", mine: "1", area: undefined, page: 2 });
    expect(listFilterSchema.parse({ state: "X", mine: "yes", section: "a;b" })).toMatchObject({ state: undefined, mine: undefined, section: undefined });
  });
});

describe("调研报告 document", () => {
  const report = {
    id: "t1",
    title: "村级后备力量培养机制研究",
    question: "为何选不出、留不住",
    year: { year: 2026 },
    area: { name: "基层组织建设" },
    section: { name: "组织科" },
    lead: { name: "张三" },
    members: [{ user: { name: "李四" } }],
    problems: "年龄偏大\n回流少",
    analysis: "待遇低",
    submittedAt: new Date("2026-10-20T02:00:00Z"),
    proposals: [
      { seq: 1, text: "建立后备人才库", mark: "ADOPTED" as const, markNote: "抓紧落实", leaderName: "王书记" },
      { seq: 2, text: "实施回引工程", mark: null, markNote: null, leaderName: null },
    ],
  };

  it("holds the problems, analysis, proposals and, once marked, the markings and 采纳率", () => {
    const doc = researchReportDocument("明澜县", report, "100.0%");
    const text = documentText(doc);
    expect(doc.title).toBe("关于村级后备力量培养机制研究的调研报告");
    expect(text).toContain("一、症结性问题");
    expect(text).toContain("回流少");
    expect(text).toContain("2. 实施回引工程");
    expect(text).toContain("四、领导批示采纳情况");
    expect(text).toContain("建议2 待批示");
    expect(text).toContain("采纳率：100.0%");
    expect(text).toContain("报告提交于2026年10月20日");
  });

  it("has no marking section before any proposal is marked", () => {
    const doc = researchReportDocument("明澜县", { ...report, proposals: report.proposals.map((p) => ({ ...p, mark: null })) }, "—");
    expect(documentText(doc)).not.toContain("领导批示采纳情况");
  });
});
