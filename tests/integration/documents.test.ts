import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { awardDecisionDocument } from "@/lib/documents/award-decision";
import { meetingListDocument } from "@/lib/documents/meeting-list";
import { renderDocx } from "@/lib/documents/docx";
import { chromiumPath, closePdfBrowser, renderPdf } from "@/lib/documents/pdf";
import { certificatesDocument } from "@/lib/documents/certificate";

const certificates = certificatesDocument(
  "明澜县",
  "c1",
  2025,
  new Date("2025-12-26T02:00:00Z"),
  [
    { category: "WORK", level: "COUNTY", personName: null, personTitle: null, unit: { name: "青石镇" }, project: { title: "夜校" }, tierName: "一等奖" },
    { category: "PERSON", level: "COUNTY", personName: "林晓岚", personTitle: "组织委员", unit: { name: "白沙镇" }, project: null, tierName: "十佳" },
  ],
  "荣誉证书",
);

const decision = awardDecisionDocument("明澜县", {
  id: "c1",
  decidedAt: new Date("2025-12-26T02:00:00Z"),
  decisionNumber: "明组发〔2025〕36号",
  year: { year: 2025 },
  tiers: [{ id: "t1", category: "WORK", level: "COUNTY", name: "一等奖", rank: 1 }],
  nominations: [
    {
      tierId: "t1",
      category: "WORK",
      level: "COUNTY",
      personName: null,
      personTitle: null,
      unit: { name: "青石镇" },
      project: { title: "一村一名入党积极分子 & <夜校>" },
    },
  ],
});

afterAll(closePdfBrowser);

describe("rendering a document model", () => {
  it("as Word: A4, the title, the number and the list in document.xml, fonts named", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(decision));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain(decision.title);
    expect(xml).toContain("明组发〔2025〕36号");
    expect(xml).toContain("一村一名入党积极分子 &amp; &lt;夜校&gt;");
    expect(xml).toContain("2025年12月26日");
    expect(xml).toMatch(/w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:eastAsia="FangSong"');
    expect(xml).toContain('w:color="DC2626"');
  });

  it("as Word: a table with its header row", async () => {
    const doc = meetingListDocument("明澜县", {
      id: "m",
      number: "2026-3",
      heldAt: new Date(),
      attendees: "甲",
      year: { year: 2026 },
      decisions: [{ verdict: "APPROVE", opinion: "同意", project: { id: "p", title: "党员积分", unit: { name: "青石镇" } } }],
    });
    const xml = await (await JSZip.loadAsync(await renderDocx(doc))).file("word/document.xml")!.async("string");
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("审定意见");
    expect(xml).toContain("党员积分");
  });

  it("certificates as Word: one landscape section each, with the words of the page", async () => {
    const xml = await (await JSZip.loadAsync(await renderDocx(certificates))).file("word/document.xml")!.async("string");
    expect(xml).toContain("你单位“夜校”被评为2025年度组织工作改革创新评比创新性工作一等奖。");
    expect(xml).toContain("林晓岚同志：");
    expect(xml).toContain("特发此证，以资鼓励。");
    expect(xml.match(/w:orient="landscape"/g)).toHaveLength(2);
  });

  it("as PDF through Chromium, when the machine has it", async (context) => {
    if (!(await chromiumPath())) context.skip();
    const [a, b] = await Promise.all([renderPdf(decision), renderPdf(certificates)]);
    expect(a.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(b.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The fonts are embedded: Chinese text needs no font on the reader's machine.
    expect(a.toString("latin1")).toMatch(/NotoSerifCJK|NotoSansCJK/);
  }, 60_000);
});
