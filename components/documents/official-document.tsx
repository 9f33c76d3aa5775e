import type { ReactNode } from "react";
import { officialDate } from "@/lib/time";
import { issuerOf } from "@/lib/documents/model";

/**
 * The one layout of formal documents (catalogue, notices, meeting lists, bulletins): A4, red issuer line,
 * serif title, issuer and date at the foot; printable with the shell hidden. Documents built as a model
 * (lib/documents) render through DocumentView, which uses this layout.
 */
export function OfficialDocument({
  county,
  issuer: givenIssuer,
  title,
  label,
  date,
  number,
  letterhead = true,
  signature,
  children,
}: {
  county?: string;
  issuer?: string;
  title: ReactNode;
  label: string;
  date?: Date | null;
  number?: string | null;
  /** false: a unit's own form (申报书), without the red head; `number` at the top right. */
  letterhead?: boolean;
  /** In place of the issuer and date at the foot: lines to sign and seal (单位（盖章） / 日期). */
  signature?: string[];
  children: ReactNode;
}) {
  const issuer = givenIssuer ?? issuerOf(county ?? "");
  return (
    <article className="official-document" aria-label={label}>
      {letterhead ? (
        <header className="official-header">
          <p className="official-issuer">{issuer}</p>
          {/* 发文字号: between the issuer and the red line, as on printed documents. */}
          {number && <p className="official-number">{number}</p>}
        </header>
      ) : (
        number && <p className="official-form-number">{number}</p>
      )}
      <h1 className="official-title">{title}</h1>
      {children}
      {signature ? (
        <footer className="official-signature">
          {signature.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </footer>
      ) : (
        <footer className="official-footer">
          <p>{issuer}</p>
          {date && <p>{officialDate(date)}</p>}
        </footer>
      )}
    </article>
  );
}
