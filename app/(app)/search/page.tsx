import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { searchSchema } from "@/lib/search/schemas";
import { excerpt } from "@/lib/search/highlight";
import { searchAll, SEARCH_HITS } from "@/lib/search/queries";
import { STATE_LABELS } from "@/lib/projects/catalog";
import { STATUS_LABELS } from "@/lib/suggestions/catalog";
import { TOPIC_MACHINE } from "@/lib/topics/states";
import { PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { HitRow, ResultSection } from "@/components/search/search-parts";
import { SearchBox } from "@/components/search/header-search";

export const metadata: Metadata = { title: "搜索" };

const TOPIC_STATUS = TOPIC_MACHINE.labels as Record<string, string>;

function listHref(path: string, q: string, year?: number) {
  const params = new URLSearchParams({ q });
  if (year) params.set("year", String(year));
  return `${path}?${params.toString()}`;
}

// Any signed-in user may search; each kind shows only when the user may read that module, scoped as its list.
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("home.view");
  const raw = (await searchParams).q;
  const parsed = searchSchema.safeParse({ q: typeof raw === "string" ? raw : "" });
  const q = parsed.success ? parsed.data.q : typeof raw === "string" ? raw.trim() : "";
  const words = parsed.success ? parsed.data.words : [];
  const results = await searchAll(user, words);
  const none = [results.projects, results.topics, results.suggestions, results.cases].every((section) => section === null);
  return (
    <div>
      <PageHeader title="搜索" description={`在创新项目、参考选题、建言献策和案例库中查找；多个词用空格分开，须同时出现。每类显示前 ${SEARCH_HITS} 条。`} />
      <SearchBox variant="page" initial={q} autoFocus={q === ""} />
      {!parsed.success && q !== "" && <Notice tone="warning">{parsed.error.issues[0]?.message}</Notice>}
      {parsed.success && none && <Notice>您的账号没有可搜索的内容。</Notice>}
      {results.projects && (
        <ResultSection title="创新项目" kind="projects" section={results.projects} perYear listHref={(year) => listHref("/projects", q, year)}>
          {(hit) => (
            <HitRow
              key={hit.id}
              href={`/projects/${hit.id}`}
              title={hit.title}
              words={words}
              snippet={hit.problem ? excerpt(hit.problem, words) : null}
              meta={`${hit.unitName} · ${hit.year} 年度 · ${STATE_LABELS[hit.state as keyof typeof STATE_LABELS] ?? hit.state}`}
            />
          )}
        </ResultSection>
      )}
      {results.topics && (
        <ResultSection title="参考选题" kind="topics" section={results.topics} perYear listHref={(year) => listHref("/topics", q, year)}>
          {(hit) => (
            <HitRow
              key={hit.id}
              href={`/topics/${hit.id}`}
              title={`${hit.code} ${hit.title}`}
              words={words}
              snippet={excerpt(hit.description, words)}
              meta={`${hit.year} 年度 · ${TOPIC_STATUS[hit.status] ?? hit.status}`}
            />
          )}
        </ResultSection>
      )}
      {results.suggestions && (
        <ResultSection title="建言献策" kind="suggestions" section={results.suggestions} perYear listHref={(year) => listHref("/suggestions", q, year)}>
          {(hit) => (
            <HitRow
              key={hit.id}
              href={`/suggestions/${hit.id}`}
              title={excerpt(hit.content, words, 40)}
              words={words}
              meta={`${hit.receiptNo} · ${hit.year} 年度 · ${STATUS_LABELS[hit.status as keyof typeof STATUS_LABELS] ?? hit.status}`}
            />
          )}
        </ResultSection>
      )}
      {results.cases && (
        <ResultSection title="案例库" kind="cases" section={results.cases} perYear={false} listHref={() => listHref("/cases", q)}>
          {(hit) => (
            <HitRow
              key={hit.id}
              href={`/cases/${hit.id}`}
              title={hit.title}
              words={words}
              snippet={hit.problem ? excerpt(hit.problem, words) : null}
              meta={`${hit.unitName} · ${hit.year} 年度`}
            />
          )}
        </ResultSection>
      )}
    </div>
  );
}
