import type { ReactNode } from "react";
import { officialDate } from "@/lib/time";

/**
 * The one layout of formal documents (catalogue, notices, meeting lists, bulletins): A4, red issuer line,
 * serif title, issuer and date at the foot; printable with the shell hidden.
 */
export function OfficialDocument({ county, title, label, date, number, children }: { county: string; title: ReactNode; label: string; date?: Date | null; number?: string | null; children: ReactNode }) {
  const issuer = `中共${county}委组织部`;
  return (
    <article className="official-document" aria-label={label}>
      <header className="official-header">
        <p className="official-issuer">{issuer}</p>
        {/* 发文字号: between the issuer and the red line, as on printed documents. */}
        {number && <p className="official-number">{number}</p>}
      </header>
      <h1 className="official-title">{title}</h1>
      {children}
      <footer className="official-footer">
        <p>{issuer}</p>
        {date && <p>{officialDate(date)}</p>}
      </footer>
    </article>
  );
}
