import Link from "next/link";
import type { ReactNode } from "react";
import { highlightParts } from "@/lib/search/highlight";
import type { Section } from "@/lib/search/queries";
import { Card } from "@/components/ui/page";

/** Text with the matched words in <mark>: pieces rendered as React text, so nothing in them is read as HTML. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  return (
    <>
      {highlightParts(text, words).map((piece, index) =>
        piece.hit ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}

/**
 * One kind of result: its count, the first hits, and "查看全部" links into the module's own list with the same
 * words. Lists of projects, topics and suggestions show one year at a time, so there is one link per year.
 */
export function ResultSection<T>({
  title,
  kind,
  section,
  listHref,
  perYear,
  children,
}: {
  title: string;
  kind: string;
  section: Section<T>;
  listHref: (year?: number) => string;
  perYear: boolean;
  children: (hit: T) => ReactNode;
}) {
  return (
    <Card
      className="mb-4"
      title={
        <span className="flex flex-wrap items-baseline gap-2">
          <span>{title}</span>
          <span className="text-sm font-normal text-stone-600" data-testid={`search-count-${kind}`}>
            {section.total} 条
          </span>
        </span>
      }
    >
      <section aria-label={title} data-testid={`search-${kind}`}>
        {section.total === 0 ? (
          <p className="text-sm text-stone-500">没有找到</p>
        ) : (
          <>
            <ul className="divide-y divide-stone-100">{section.hits.map(children)}</ul>
            <p className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-sm">
              {perYear ? (
                section.byYear.map((row) => (
                  <Link key={row.year} href={listHref(row.year)} className="link">
                    查看全部 {row.year} 年度 {row.count} 条
                  </Link>
                ))
              ) : (
                <Link href={listHref()} className="link">
                  查看全部 {section.total} 条
                </Link>
              )}
            </p>
          </>
        )}
      </section>
    </Card>
  );
}

export function HitRow({
  href,
  title,
  words,
  meta,
  snippet,
}: {
  href: string;
  title: string;
  words: readonly string[];
  meta: ReactNode;
  snippet?: string | null;
}) {
  return (
    <li className="py-2">
      <Link href={href} className="link font-medium">
        <Highlighted text={title} words={words} />
      </Link>
      <div className="mt-0.5 text-xs text-stone-500">{meta}</div>
      {snippet && (
        <p className="mt-1 text-sm break-words text-stone-700">
          <Highlighted text={snippet} words={words} />
        </p>
      )}
    </li>
  );
}
