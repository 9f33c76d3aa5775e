"use client";

import { useEffect, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { findSimilar } from "@/lib/projects/actions";
import type { SimilarItem } from "@/lib/projects/queries";

/** Similar projects and topics, looked up a moment after the title or problem stops changing. */
export function SimilarPanel({ projectId, title, problem }: { projectId: string; title: string; problem: string }) {
  const [items, setItems] = useState<SimilarItem[]>([]);
  const { executeAsync } = useAction(findSimilar);
  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await executeAsync({ projectId, title, problem: problem.slice(0, 500) });
      if (result?.data) setItems(result.data);
    }, 700);
    return () => clearTimeout(timer);
  }, [projectId, title, problem, executeAsync]);
  return (
    <aside className="space-y-2 lg:sticky lg:top-4 lg:self-start" aria-label="相似的项目和选题">
      <h2 className="text-sm font-semibold text-stone-700">相似的项目和选题</h2>
      <p className="text-xs text-stone-500">根据项目名称和拟解决的问题，从全县历年项目和参考选题中查找，供借鉴、避免重复。</p>
      {items.length === 0 ? (
        <p className="text-sm text-stone-500">暂未发现相似的项目。</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="rounded border border-stone-200 bg-white p-2">
              <div className="font-medium">{item.title}</div>
              <div className="text-xs text-stone-500">
                {item.kind === "topic" ? `${item.year} 年度参考选题` : `${item.year} 年 · ${item.unitName} · ${item.stateLabel}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
