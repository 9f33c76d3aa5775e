"use client";

import { useEffect, useId, useState } from "react";

type Choice = { id: string; title: string; detail: string };
/** Wait this long after the last key before asking: a word typed quickly is one request. */
const DEBOUNCE_MS = 150;

/**
 * The 典型's optional project or case: the one linked now (with 取消关联), and a box that finds projects under way or
 * done by words of their title or code (GET /api/practice/projects), however many the county has.
 */
export function ProjectPicker({
  value,
  initialTitle,
  onChange,
}: {
  value: string;
  initialTitle: string | null;
  onChange: (id: string, title: string | null) => void;
}) {
  const [title, setTitle] = useState(initialTitle);
  const [q, setQ] = useState("");
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const listId = useId();

  useEffect(() => {
    const words = q.trim();
    if (!words) {
      setChoices(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/practice/projects?q=${encodeURIComponent(words)}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        setChoices(response.ok ? ((await response.json()) as { items: Choice[] }).items : []);
      } catch {
        // Aborted by the next key, or the network: the next key asks again.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  return (
    <div className="space-y-2">
      {value ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>
            已关联：<span className="font-medium">{title ?? "（项目）"}</span>
          </span>
          <button
            type="button"
            className="text-brand-700 underline"
            onClick={() => {
              setTitle(null);
              onChange("", null);
            }}
          >
            取消关联
          </button>
        </p>
      ) : (
        <p className="text-sm text-stone-600">未关联项目。</p>
      )}
      <input
        id="projectId"
        type="search"
        maxLength={50}
        autoComplete="off"
        aria-controls={choices ? listId : undefined}
        placeholder="输入项目名称或编号中的词语"
        className="input"
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      {choices && (
        <ul id={listId} aria-label="可关联的项目" className="divide-y divide-stone-100 rounded border border-stone-200 bg-white text-sm">
          {choices.length === 0 && <li className="px-3 py-2 text-stone-600">没有找到实施中或已结项的项目</li>}
          {choices.map((choice) => (
            <li key={choice.id}>
              <button
                type="button"
                className="block w-full px-3 py-1.5 text-left hover:bg-stone-50 focus:bg-brand-50 focus:outline-none"
                onClick={() => {
                  setTitle(choice.title);
                  onChange(choice.id, choice.title);
                  setQ("");
                }}
              >
                <span className="text-stone-900">{choice.title}</span>
                <span className="block truncate text-xs text-stone-600">{choice.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
