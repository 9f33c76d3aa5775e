// 荣誉证书: A4 landscape, one per sheet, red double frame; the same words as the page (certificateText).
// Not a 公文, so it has its own small model and HTML/Word layouts, printed by the same PDF engine and route.
import { certificateText } from "@/lib/awards/documents";
import type { AwardCategory, AwardLevel } from "@/lib/generated/prisma/enums";
import { officialDate } from "@/lib/time";
import { escapeHtml } from "./html";
import { issuerOf } from "./model";

export type CertificateSheet = { to: string; body: string };
export type CertificateDoc = { kind: "certificates"; id: string; issuer: string; date: Date; sheets: CertificateSheet[]; fileName: string };

type Awardee = {
  category: AwardCategory;
  level: AwardLevel;
  personName: string | null;
  personTitle: string | null;
  unit: { name: string };
  project: { title: string } | null;
  tierName: string;
};

export function certificatesDocument(county: string, id: string, year: number, date: Date, entries: Awardee[], fileName: string): CertificateDoc {
  return { kind: "certificates", id, issuer: issuerOf(county), date, fileName, sheets: entries.map((entry) => certificateText(entry, entry.tierName, year)) };
}

export const CLOSING = "特发此证，以资鼓励。";

const SERIF = `"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif`;
const FANGSONG = `"FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif`;
const CSS = `
@page { size: A4 landscape; margin: 0; }
html, body { margin: 0; padding: 0; }
.sheet { box-sizing: border-box; width: 297mm; height: 210mm; padding: 12mm; break-after: page; font-family: ${FANGSONG}; color: black; }
.sheet:last-child { break-after: auto; }
.frame { box-sizing: border-box; height: 100%; display: flex; flex-direction: column; border: 3px double #b91c1c; outline: 1px solid #d4a017; outline-offset: -10px; padding: 6% 9%; }
h1 { margin: 0; text-align: center; font-family: ${SERIF}; font-size: 42pt; font-weight: 700; letter-spacing: 0.4em; color: #b91c1c; }
.to { margin: 6% 0 0; font-size: 18pt; }
.body { margin: 2% 0 0; text-indent: 2em; font-size: 18pt; line-height: 2; }
footer { margin-top: auto; text-align: right; font-size: 16pt; line-height: 1.8; }
footer p { margin: 0; }
`;

export function certificatesHtml(doc: CertificateDoc): string {
  const footer = `<footer><p>${escapeHtml(doc.issuer)}</p><p>${escapeHtml(officialDate(doc.date))}</p></footer>`;
  const sheets = doc.sheets
    .map(
      (s) =>
        `<article class="sheet"><div class="frame"><h1>荣誉证书</h1><p class="to">${escapeHtml(s.to)}</p><p class="body">${escapeHtml(s.body)}</p><p class="body">${CLOSING}</p>${footer}</div></article>`,
    )
    .join("\n");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>荣誉证书</title><style>${CSS}</style></head><body>${sheets}</body></html>`;
}
