// The model as a stand-alone HTML page with its CSS inlined: what Chromium prints to PDF. The same classes and
// sizes as the page's .official-* styles (app/globals.css), written out in plain CSS (no Tailwind at run time).
import { officialDate } from "@/lib/time";
import { cellText, type Block, type OfficialDoc } from "./model";

const SERIF = `"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif`;
const FANGSONG = `"FangSong", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif`;
const HEI = `"Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif`;

/** A4 with the margins of printed 公文 (GB/T 9704 keeps about 37/26/35/28 mm; a little tighter here), page numbers from Chromium's footer. */
export const DOCUMENT_CSS = `
@page { size: A4; margin: 30mm 26mm 28mm 28mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: white; color: black; }
.official-document { font-family: ${FANGSONG}; font-size: 16pt; line-height: 1.75; }
.official-header { text-align: center; border-bottom: 2px solid #dc2626; padding-bottom: 4mm; margin-bottom: 8mm; }
.official-issuer { margin: 0; font-family: ${SERIF}; font-size: 26pt; font-weight: 700; letter-spacing: 0.2em; color: #dc2626; }
.official-number { margin: 2mm 0 0; font-size: 16pt; }
.official-title { margin: 0 0 6mm; text-align: center; font-family: ${SERIF}; font-size: 22pt; font-weight: 700; line-height: 1.4; }
.official-subtitle { display: block; margin-top: 1mm; font-size: 16pt; font-weight: 400; }
.official-heading { margin: 4mm 0 1mm; font-family: ${HEI}; font-size: 16pt; font-weight: 700; break-after: avoid; }
.official-subheading { margin: 0; text-indent: 2em; font-size: 16pt; font-weight: 700; break-after: avoid; }
.official-item { margin-bottom: 3mm; break-inside: avoid; }
.official-item-title { margin: 0; font-size: 16pt; font-weight: 700; }
.official-note { margin-left: 0.5em; }
.official-body { margin: 0; text-indent: 2em; white-space: pre-wrap; }
.official-body.no-indent { text-indent: 0; }
.official-meta { margin: 0; text-indent: 2em; font-size: 13pt; color: #333; }
.official-list { margin: 0; padding: 0; list-style: none; }
.official-table { width: 100%; border-collapse: collapse; margin-top: 3mm; font-size: 12pt; line-height: 1.5; }
.official-table th, .official-table td { border: 1px solid black; padding: 1mm 2mm; vertical-align: top; }
.official-table th { font-weight: 700; text-align: center; }
.official-table td.center { text-align: center; }
.official-table tr { break-inside: avoid; }
.official-footer { margin-top: 12mm; text-align: right; break-inside: avoid; }
.official-footer p { margin: 0; }
.official-form-number { margin: 0 0 4mm; text-align: right; font-size: 12pt; }
.official-fields { width: 100%; border-collapse: collapse; margin-top: 2mm; font-size: 14pt; line-height: 1.6; }
.official-fields th, .official-fields td { border: 1px solid black; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
.official-fields th { width: 28%; font-weight: 700; }
.official-fields td { white-space: pre-wrap; }
.official-fields tr { break-inside: avoid; }
.official-signature { margin-top: 16mm; margin-left: 50%; break-inside: avoid; }
.official-signature p { margin: 0 0 8mm; }
`;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function block(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<h2 class="official-heading">${escapeHtml(b.text)}</h2>`;
    case "subheading":
      return `<h3 class="official-subheading">${escapeHtml(b.text)}</h3>`;
    case "paragraph":
      return `<p class="${b.meta ? "official-meta" : `official-body${b.indent === false ? " no-indent" : ""}`}">${escapeHtml(b.text)}</p>`;
    case "item":
      return `<section class="official-item"><h3 class="official-item-title">${escapeHtml(b.title)}${b.note ? `<span class="official-note">${escapeHtml(b.note)}</span>` : ""}</h3>${b.paragraphs.map((p) => `<p class="official-body">${escapeHtml(p)}</p>`).join("")}${b.meta ? `<p class="official-meta">${escapeHtml(b.meta)}</p>` : ""}</section>`;
    case "list":
      return `<ol class="official-list">${b.items.map((item, i) => `<li class="official-body">${i + 1}. ${escapeHtml(item)}</li>`).join("")}</ol>`;
    case "fields":
      return `<table class="official-fields"><tbody>${b.rows.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`).join("")}</tbody></table>`;
    case "table": {
      const head = `<thead><tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`;
      const rows = b.rows.length
        ? b.rows
            .map(
              (row) => `<tr>${row.map((cell, i) => `<td${b.center?.includes(i) ? ' class="center"' : ""}>${escapeHtml(cellText(cell))}</td>`).join("")}</tr>`,
            )
            .join("")
        : `<tr><td class="center" colspan="${b.columns.length}">${escapeHtml(b.empty ?? "（无）")}</td></tr>`;
      return `<table class="official-table">${head}<tbody>${rows}</tbody></table>`;
    }
  }
}

/** The whole page: <!doctype html> … with the CSS inlined and no outside resource. */
export function documentHtml(doc: OfficialDoc): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title><style>${DOCUMENT_CSS}</style></head><body>
<article class="official-document">
${
  doc.letterhead === false
    ? doc.number
      ? `<p class="official-form-number">${escapeHtml(doc.number)}</p>`
      : ""
    : `<header class="official-header"><p class="official-issuer">${escapeHtml(doc.issuer)}</p>${doc.number ? `<p class="official-number">${escapeHtml(doc.number)}</p>` : ""}</header>`
}
<h1 class="official-title">${escapeHtml(doc.title)}${doc.subtitle ? `<span class="official-subtitle">${escapeHtml(doc.subtitle)}</span>` : ""}</h1>
${doc.blocks.map(block).join("\n")}
${
  doc.signature
    ? `<footer class="official-signature">${doc.signature.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}</footer>`
    : `<footer class="official-footer"><p>${escapeHtml(doc.issuer)}</p>${doc.date ? `<p>${escapeHtml(officialDate(doc.date))}</p>` : ""}</footer>`
}
</article></body></html>`;
}
