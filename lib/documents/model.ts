// The one model of a formal document (公文), built by each module from its data and rendered three ways:
// the HTML page (components/documents/document-view.tsx), PDF (pdf.ts, through html.ts) and Word (docx.ts). Pure.

/** The documents that download as PDF and Word, by the path segment of /documents/<type>/<id>.<pdf|docx>. */
export const DOCUMENT_TYPES = [
  "catalogue",
  "decision-notice",
  "meeting-list",
  "inspection-bulletin",
  "award-announcement",
  "award-decision",
  "township-minutes",
  "event-notice",
  "event-minutes",
  "event-compilation",
  "research-report",
  "certificate",
  "certificates",
  "proposal",
  "work-plan",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_FORMATS = ["pdf", "docx"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A table cell: text, or text with a link (the link shows on the page only, never in PDF or Word). */
export type Cell = string | { text: string; href: string };

export type Block =
  /** 一、… : a section heading (黑体). */
  | { kind: "heading"; text: string }
  /** A paragraph: indented two characters unless `indent: false` (the addressee line); `meta` is the small grey line. */
  | { kind: "paragraph"; text: string; indent?: boolean; meta?: boolean }
  /** A numbered entry kept on one page: a bold title line (and a note after it), its paragraphs, a small meta line. */
  | { kind: "item"; title: string; note?: string; paragraphs: string[]; meta?: string }
  /** A bold line within a section (（全县党务干部）, 一等奖（2项）), indented like the body. */
  | { kind: "subheading"; text: string }
  /** A numbered list: 1. … 2. … */
  | { kind: "list"; items: string[] }
  /** A form's bordered label–value table (申报书): the label column bold and narrow, values keep their line breaks. */
  | { kind: "fields"; label: string; rows: { label: string; value: string }[] }
  /** A bordered table; `center` lists the columns set centred; `empty` is the one row shown when there are no rows. */
  | { kind: "table"; label: string; columns: string[]; rows: Cell[][]; center?: number[]; empty?: string };

export type OfficialDoc = {
  type: DocumentType;
  /** The id in the download path. */
  id: string;
  /** The issuing unit, printed red at the head and again at the foot: 中共××县委组织部. */
  issuer: string;
  /** 发文字号, e.g. 明组发〔2025〕36号. */
  number?: string | null;
  title: string;
  /** A second, smaller title line (the minutes' date). */
  subtitle?: string | null;
  /** The accessible name of the document on the page. */
  label: string;
  date: Date | null;
  blocks: Block[];
  /** The download's file name without extension. */
  fileName: string;
  /**
   * false: a unit's own form (申报书), not a document of the department: no red issuer head, `number` printed at
   * the top right, and the `signature` lines in place of the issuer and date at the foot.
   */
  letterhead?: boolean;
  /** The foot of a form: 单位（盖章） / 日期, each with room to sign and seal. */
  signature?: string[];
};

export function issuerOf(county: string) {
  return `中共${county}委组织部`;
}

export function cellText(cell: Cell) {
  return typeof cell === "string" ? cell : cell.text;
}

/** All the words of a document in reading order (tests, search). */
export function documentText(doc: OfficialDoc): string {
  const lines = [doc.issuer, doc.number ?? "", doc.title, doc.subtitle ?? ""];
  for (const block of doc.blocks) {
    if (block.kind === "item") lines.push(block.title + (block.note ?? ""), ...block.paragraphs, block.meta ?? "");
    else if (block.kind === "list") lines.push(...block.items.map((item, i) => `${i + 1}. ${item}`));
    else if (block.kind === "table") lines.push(block.columns.join(" "), ...block.rows.map((row) => row.map(cellText).join(" ")));
    else if (block.kind === "fields") lines.push(...block.rows.map((row) => `${row.label} ${row.value}`));
    else lines.push(block.text);
  }
  lines.push(...(doc.signature ?? []));
  return lines.filter(Boolean).join("\n");
}

const NUMERALS = "一二三四五六七八九十";
/** 1 → 一, 12 → 十二, 23 → 二十三: the 一、(一) numbering of official documents. */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? NUMERALS[tens - 1] : ""}十${n % 10 ? NUMERALS[(n % 10) - 1] : ""}`;
}

/** A file name safe in Content-Disposition and on every file system. */
export function safeFileName(name: string) {
  return name.replace(/[\\/:*?"<>|\r\n]+/g, "_").slice(0, 120);
}
