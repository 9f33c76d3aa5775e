import { buttonClass } from "@/components/ui/button";

/**
 * Narrows a long list of choices (projects to put on an agenda, to decide, to inspect) by a word, in the database:
 * the form shows at most `shown` of `total`, and says so.
 */
export function PickFilter({ total, shown, q, label }: { total: number; shown: number; q?: string; label: string }) {
  if (total <= shown && !q) return null;
  return (
    <form role="search" className="mb-2 flex flex-wrap items-center gap-2 text-sm">
      <input name="q" defaultValue={q} aria-label={label} placeholder="项目名称或单位中的词" className="input w-56" />
      <button type="submit" className={buttonClass("secondary")}>
        查找
      </button>
      <span className="text-stone-600">{total > shown ? `共 ${total} 个，列出前 ${shown} 个，输入词语缩小范围` : `共 ${total} 个`}</span>
    </form>
  );
}
