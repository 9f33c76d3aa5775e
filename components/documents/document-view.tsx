import Link from "next/link";
import type { Block, OfficialDoc } from "@/lib/documents/model";
import { buttonClass } from "@/components/ui/button";
import { OfficialDocument } from "./official-document";

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "heading":
      return <h2 className="official-heading">{block.text}</h2>;
    case "subheading":
      return <h3 className="official-item-title indent-[2em]">{block.text}</h3>;
    case "paragraph":
      return <p className={block.meta ? "official-meta" : block.indent === false ? "official-body indent-0" : "official-body"}>{block.text}</p>;
    case "item":
      return (
        <section className="official-item" aria-label={block.title}>
          <h3 className="official-item-title">
            {block.title}
            {block.note && <span className="ml-2 text-red-700 print:text-black">{block.note}</span>}
          </h3>
          {block.paragraphs.map((p, i) => (
            <p key={i} className="official-body">
              {p}
            </p>
          ))}
          {block.meta && <p className="official-meta">{block.meta}</p>}
        </section>
      );
    case "list":
      return (
        <ol>
          {block.items.map((item, i) => (
            <li key={i} className="official-body">
              {i + 1}. {item}
            </li>
          ))}
        </ol>
      );
    case "fields":
      return (
        <table className="official-fields" aria-label={block.label}>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "table":
      return (
        <table className="mt-4 w-full border-collapse text-[15px]" aria-label={block.label}>
          <thead>
            <tr>
              {block.columns.map((h) => (
                <th key={h} className="border border-black px-2 py-1 font-bold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className={`border border-black px-2 py-1${block.center?.includes(c) ? " text-center" : ""}`}>
                    {typeof cell === "string" ? cell : <Link href={cell.href}>{cell.text}</Link>}
                  </td>
                ))}
              </tr>
            ))}
            {block.rows.length === 0 && (
              <tr>
                <td colSpan={block.columns.length} className="border border-black px-2 py-3 text-center">
                  {block.empty ?? "（无）"}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      );
  }
}

/** A document model on the page, in the one official layout. */
export function DocumentView({ doc }: { doc: OfficialDoc }) {
  return (
    <OfficialDocument
      issuer={doc.issuer}
      label={doc.label}
      date={doc.date}
      number={doc.number}
      letterhead={doc.letterhead !== false}
      signature={doc.signature}
      title={
        doc.subtitle ? (
          <>
            {doc.title}
            <span className="mt-1 block text-[16px] font-normal">{doc.subtitle}</span>
          </>
        ) : (
          doc.title
        )
      }
    >
      {doc.blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </OfficialDocument>
  );
}

/** 下载 PDF / 下载 Word, next to the print button of every formal document. */
export function DocumentDownloads({ type, id }: { type: OfficialDoc["type"]; id: string }) {
  const base = `/documents/${type}/${encodeURIComponent(id)}`;
  return (
    <>
      <a href={`${base}.pdf`} className={buttonClass("secondary")} download>
        下载 PDF
      </a>
      <a href={`${base}.docx`} className={buttonClass("secondary")} download>
        下载 Word
      </a>
    </>
  );
}
