// The model as a Word document (.docx) with the `docx` package: A4, the margins of printed 公文, red issuer line.
// Fonts in a .docx are names resolved on the reader's machine (nothing is embedded): 仿宋 (FangSong) for the body,
// 宋体 (SimSun) bold for the issuer and title, 黑体 (SimHei) for headings, all present in every Chinese Windows and
// in WPS; Times New Roman for Latin letters and digits. 方正小标宋 and 仿宋_GB2312 are not free to ship and often
// missing, so they are not named. LibreOffice on Linux substitutes its own CJK fonts (Noto CJK) for missing names.
import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageBorderDisplay,
  PageBorderOffsetFrom,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from "docx";
import { officialDate } from "@/lib/time";
import { cellText, type Block, type OfficialDoc } from "./model";
import { CLOSING, type CertificateDoc } from "./certificate";

const LATIN = "Times New Roman";
export const DOCX_FONTS = { body: "FangSong", title: "SimSun", heading: "SimHei" } as const;
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN });

// Sizes in half-points: 三号 16pt = 32, 二号 22pt = 44, 小四 12pt = 24.
const BODY = 32;
const INDENT = { firstLine: 640 }; // two characters of 16pt, in twentieths of a point
const LINE = { line: 560, lineRule: "exact" as const }; // 28pt lines, as 公文 set 22 lines a page

function run(text: string, options: Omit<IRunOptions, "text"> = {}) {
  return new TextRun({ text, font: font(DOCX_FONTS.body), size: BODY, ...options });
}

function body(text: string, indent = true) {
  return new Paragraph({ children: [run(text)], indent: indent ? INDENT : undefined, spacing: LINE, alignment: AlignmentType.JUSTIFIED });
}

function cellParagraph(text: string, center: boolean, bold = false) {
  return new Paragraph({ children: [run(text, { size: 24, bold })], alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT });
}

function blocks(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ children: [run(b.text, { font: font(DOCX_FONTS.heading) })], indent: INDENT, spacing: LINE, keepNext: true })];
    case "subheading":
      return [new Paragraph({ children: [run(b.text, { bold: true })], indent: INDENT, spacing: LINE, keepNext: true })];
    case "paragraph":
      return [b.meta ? new Paragraph({ children: [run(b.text, { size: 26, color: "333333" })], indent: INDENT }) : body(b.text, b.indent !== false)];
    case "item":
      return [
        new Paragraph({ children: [run(b.title, { bold: true }), ...(b.note ? [run(` ${b.note}`)] : [])], indent: INDENT, spacing: LINE, keepNext: true }),
        ...b.paragraphs.map((p) => body(p)),
        ...(b.meta ? [new Paragraph({ children: [run(b.meta, { size: 26, color: "333333" })], indent: INDENT })] : []),
      ];
    case "list":
      return b.items.map((item, i) => body(`${i + 1}. ${item}`));
    case "fields": {
      const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
      const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
      const rows = b.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({ width: { size: 28, type: WidthType.PERCENTAGE }, children: [cellParagraph(row.label, false, true)] }),
              new TableCell({
                width: { size: 72, type: WidthType.PERCENTAGE },
                // One paragraph a line: Word does not break a run at "\n".
                children: (row.value || " ").split("\n").map((line) => cellParagraph(line, false)),
              }),
            ],
          }),
      );
      return [new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders }), new Paragraph({ children: [] })];
    }
    case "table": {
      const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
      const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
      const header = new TableRow({ tableHeader: true, children: b.columns.map((c) => new TableCell({ children: [cellParagraph(c, true, true)] })) });
      const rows = b.rows.length
        ? b.rows.map(
            (row) =>
              new TableRow({
                cantSplit: true,
                children: row.map((cell, i) => new TableCell({ children: [cellParagraph(cellText(cell), b.center?.includes(i) ?? false)] })),
              }),
          )
        : [new TableRow({ children: [new TableCell({ columnSpan: b.columns.length, children: [cellParagraph(b.empty ?? "（无）", true)] })] })];
      return [new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE }, borders }), new Paragraph({ children: [] })];
    }
  }
}

export function documentDocx(doc: OfficialDoc): Document {
  const red = "DC2626";
  const title = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: doc.subtitle ? 0 : 360 },
      children: [run(doc.title, { font: font(DOCX_FONTS.title), size: 44, bold: true })],
    }),
    ...(doc.subtitle ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [run(doc.subtitle)] })] : []),
  ];
  // A unit's own form: its number at the top right, no red head.
  const formHead = [...(doc.number ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.number, { size: 24 })] })] : []), ...title];
  const letterHead = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(doc.issuer, { font: font(DOCX_FONTS.title), size: 52, bold: true, color: red, characterSpacing: 100 })],
    }),
    ...(doc.number ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.number)] })] : []),
    // The red line under the head (版头中的分隔线).
    new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: 4 } }, spacing: { after: 360 } }),
    ...title,
  ];
  const head = doc.letterhead === false ? formHead : letterHead;
  const foot = doc.signature
    ? [
        new Paragraph({ children: [], spacing: { before: 720 } }),
        ...doc.signature.map((line) => new Paragraph({ indent: { left: 4500 }, spacing: { after: 480 }, children: [run(line)] })),
      ]
    : [
        new Paragraph({ children: [], spacing: { before: 480 } }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.issuer)] }),
        ...(doc.date ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(officialDate(doc.date))] })] : []),
      ];
  return new Document({
    title: doc.title,
    creator: doc.issuer,
    styles: { default: { document: { run: { font: font(DOCX_FONTS.body), size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips
            margin: { top: 1701, bottom: 1588, left: 1588, right: 1474 }, // 30 / 28 / 28 / 26 mm
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run("— ", { size: 28 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 28, font: font(DOCX_FONTS.body) }),
                  run(" —", { size: 28 }),
                ],
              }),
            ],
          }),
        },
        children: [...head, ...doc.blocks.flatMap(blocks), ...foot],
      },
    ],
  });
}

/** 荣誉证书: one landscape A4 section per certificate, framed by a red page border. */
export function certificatesDocx(doc: CertificateDoc): Document {
  const red = "B91C1C";
  const border = { style: BorderStyle.DOUBLE, size: 18, color: red, space: 24 };
  return new Document({
    title: "荣誉证书",
    creator: doc.issuer,
    sections: doc.sheets.map((sheet) => ({
      properties: {
        page: {
          size: { width: 16838, height: 11906, orientation: PageOrientation.LANDSCAPE },
          margin: { top: 1418, bottom: 1134, left: 1701, right: 1701 },
          borders: {
            pageBorders: { display: PageBorderDisplay.ALL_PAGES, offsetFrom: PageBorderOffsetFrom.TEXT },
            pageBorderTop: border,
            pageBorderBottom: border,
            pageBorderLeft: border,
            pageBorderRight: border,
          },
        },
      },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 600 },
          children: [run("荣誉证书", { font: font(DOCX_FONTS.title), size: 84, bold: true, color: red, characterSpacing: 400 })],
        }),
        new Paragraph({ children: [run(sheet.to, { size: 36 })], spacing: { after: 200 } }),
        new Paragraph({ children: [run(sheet.body, { size: 36 })], indent: { firstLine: 720 }, spacing: { line: 720, lineRule: "exact" } }),
        new Paragraph({ children: [run(CLOSING, { size: 36 })], indent: { firstLine: 720 }, spacing: { line: 720, lineRule: "exact", after: 1200 } }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.issuer, { size: 32 })] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(officialDate(doc.date), { size: 32 })] }),
      ],
    })),
  });
}

export async function renderDocx(doc: OfficialDoc | CertificateDoc): Promise<Buffer> {
  return Packer.toBuffer("kind" in doc ? certificatesDocx(doc) : documentDocx(doc));
}
