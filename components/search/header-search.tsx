"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";

type Hit = { kind: "project" | "topic" | "suggestion" | "case"; label: string; detail: string; href: string };
const KIND_LABELS: Record<Hit["kind"], string> = { project: "项目", topic: "选题", suggestion: "建议", case: "案例" };
/** Wait this long after the last key before asking: a word typed quickly is one request. */
const DEBOUNCE_MS = 120;

type Variant = "header" | "page";

/** What differs between the header's box (wide screens) and the search page's (every screen, phones above all). */
const VARIANTS: Record<Variant, { form: string; input: string; label: string; placeholder: string; list: string }> = {
  header: {
    form: "relative hidden items-center sm:flex",
    input: "input h-8 w-48 rounded-r-none py-1 text-sm lg:w-64",
    label: "全站搜索",
    placeholder: "搜索项目、选题、建议、案例",
    list: "absolute top-9 right-0 z-30 w-80",
  },
  page: {
    form: "relative mb-5 flex max-w-xl gap-2",
    input: "input min-w-0 flex-1",
    label: "搜索关键词",
    placeholder: "输入词语，如：党员 承诺",
    list: "absolute top-full right-0 left-0 z-30 mt-1",
  },
};

// The app's search box. As one types, a few hits per kind appear below it (GET /api/search, answered in tens of
// milliseconds); Enter, or the button, opens the full results page (GET /search?q=…, which also works without
// JavaScript). The header shows it on wider screens; phones get a link to the search page, which shows it across
// the whole width with the same hints. The header's button is named 查找, not 搜索, so that it never shadows a
// page's own 搜索 button.
export function SearchBox({ variant, initial = "", autoFocus = false }: { variant: Variant; initial?: string; autoFocus?: boolean }) {
  const look = VARIANTS[variant];
  const [q, setQ] = useState(initial);
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const words = q.trim();
    if (!words || !open) {
      setHits(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(words)}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) return setHits([]);
        const body = (await response.json()) as { items: Hit[] };
        setHits(body.items);
      } catch {
        // Aborted by the next key, or the network: the page search still works with Enter.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, open]);

  const shown = open && hits !== null && q.trim() !== "";
  return (
    <form
      action="/search"
      method="get"
      role="search"
      className={look.form}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <input
        type="search"
        name="q"
        maxLength={50}
        required
        aria-label={look.label}
        placeholder={look.placeholder}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the search page is opened to type a search; the box is empty only then
        autoFocus={autoFocus}
        aria-controls={shown ? listId : undefined}
        ref={input}
        className={look.input}
        value={q}
        onChange={(event) => {
          setQ(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
          if (event.key === "ArrowDown" && shown) {
            event.preventDefault();
            list.current?.querySelector("a")?.focus();
          }
        }}
      />
      {variant === "header" ? (
        <button
          type="submit"
          aria-label="查找"
          className="flex h-8 items-center rounded-r border border-l-0 border-stone-300 px-2 text-stone-600 hover:bg-stone-100"
        >
          <MagnifierIcon />
        </button>
      ) : (
        <button type="submit" className={buttonClass()}>
          搜索
        </button>
      )}
      {shown && (
        <div className={`${look.list} rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg`}>
          <p className="sr-only" aria-live="polite">
            {hits.length === 0 ? "没有找到" : `找到 ${hits.length} 条，按向下键选择`}
          </p>
          <ul
            id={listId}
            ref={list}
            aria-label="搜索建议"
            onKeyDown={(event) => {
              const links = [...(list.current?.querySelectorAll("a") ?? [])];
              const at = links.indexOf(document.activeElement as HTMLAnchorElement);
              if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                const next = at + (event.key === "ArrowDown" ? 1 : -1);
                if (next < 0) input.current?.focus();
                else links[Math.min(next, links.length - 1)]?.focus();
              } else if (event.key === "Escape") {
                setOpen(false);
                input.current?.focus();
              }
            }}
          >
            {hits.length === 0 && <li className="px-3 py-2 text-stone-600">没有找到，按回车查看全部结果</li>}
            {hits.map((hit) => (
              <li key={hit.href}>
                <Link href={hit.href} className="block px-3 py-1.5 hover:bg-stone-50 focus:bg-brand-50 focus:outline-none" onClick={() => setOpen(false)}>
                  <span className="mr-2 rounded bg-stone-100 px-1 text-xs text-stone-700">{KIND_LABELS[hit.kind]}</span>
                  <span className="text-stone-900">{hit.label}</span>
                  <span className="block truncate text-xs text-stone-600">{hit.detail}</span>
                </Link>
              </li>
            ))}
          </ul>
          <button type="submit" className="block w-full border-t border-stone-100 px-3 py-1.5 text-left text-brand-700 hover:bg-stone-50">
            查看全部结果
          </button>
        </div>
      )}
    </form>
  );
}

/** The header's search: the box on wider screens, a link to the search page on phones. */
export function HeaderSearch() {
  return (
    <>
      <SearchBox variant="header" />
      <Link href="/search" className="flex items-center gap-1 rounded px-2 py-1 hover:bg-stone-100 sm:hidden" aria-label="搜索">
        <MagnifierIcon />
        搜索
      </Link>
    </>
  );
}

function MagnifierIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="M13 13l4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}
