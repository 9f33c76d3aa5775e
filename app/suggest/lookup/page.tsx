import type { Metadata } from "next";
import { SUGGESTION_MACHINE } from "@/lib/suggestions/states";
import { requestMeta } from "@/lib/auth/current-user";
import { addressKey, consumeRateLimit } from "@/lib/security/rate-limit";
import { lookupByReceipt } from "@/lib/suggestions/queries";
import { CATEGORY_LABELS, LOOKUP_LIMITS, STATUS_LABELS } from "@/lib/suggestions/catalog";
import { z } from "@/lib/validation";
import { formatDateTime } from "@/lib/time";
import { Badge, Card } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "查询建议处理情况" };

const receiptSchema = z.string().trim().max(30).optional().catch(undefined);

async function find(receipt: string) {
  const { ip } = await requestMeta();
  const { allowed } = await consumeRateLimit(addressKey(ip), LOOKUP_LIMITS);
  if (!allowed) return { refused: true as const };
  return { refused: false as const, suggestion: await lookupByReceipt(receipt) };
}

export default async function LookupPage({ searchParams }: { searchParams: Promise<{ receipt?: string }> }) {
  const receipt = receiptSchema.parse((await searchParams).receipt);
  const result = receipt ? await find(receipt) : null;
  const suggestion = result && !result.refused ? result.suggestion : null;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">查询建议处理情况</h1>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <label className="text-sm">
          <span className="block text-stone-700">回执号</span>
          <input name="receipt" defaultValue={receipt} placeholder="如 JY2026-7KQ4M2XA" className="input w-64 font-mono" />
        </label>
        <button type="submit" className={buttonClass()}>
          查询
        </button>
      </form>
      {result?.refused && (
        <p role="alert" className="text-sm text-red-700">
          查询过于频繁，请稍后再试。
        </p>
      )}
      {receipt && result && !result.refused && !suggestion && (
        <p role="alert" className="text-sm text-red-700">
          没有找到该回执号，请核对后重试。
        </p>
      )}
      {suggestion && (
        <Card>
          <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-2 text-sm">
            <dt className="text-stone-500">回执号</dt>
            <dd className="font-mono">{suggestion.receiptNo}</dd>
            <dt className="text-stone-500">提交时间</dt>
            <dd>{formatDateTime(suggestion.createdAt)}</dd>
            <dt className="text-stone-500">类别</dt>
            <dd>
              {CATEGORY_LABELS[suggestion.category]} · {suggestion.aspect.name}
            </dd>
            <dt className="text-stone-500">内容</dt>
            <dd className="whitespace-pre-wrap">{suggestion.content}</dd>
            <dt className="text-stone-500">状态</dt>
            <dd>
              <Badge tone={SUGGESTION_MACHINE.tone(suggestion.status)}>{STATUS_LABELS[suggestion.status]}</Badge>
              {suggestion.handledAt && <span className="ml-2 text-stone-500">{formatDateTime(suggestion.handledAt)}</span>}
            </dd>
            {suggestion.reply && (
              <>
                <dt className="text-stone-500">答复</dt>
                <dd data-testid="reply" className="whitespace-pre-wrap">
                  {suggestion.reply}
                </dd>
              </>
            )}
            {suggestion.mergedInto && (
              <>
                <dt className="text-stone-500">合并至</dt>
                <dd>
                  {suggestion.mergedInto.receiptNo}（{STATUS_LABELS[suggestion.mergedInto.status]}）
                  {suggestion.mergedInto.reply && `：${suggestion.mergedInto.reply}`}
                </dd>
              </>
            )}
          </dl>
          {suggestion.status === "NEW" && <p className="mt-3 text-sm text-stone-600">您的建议正在阅处中，答复后会显示在这里。</p>}
        </Card>
      )}
    </div>
  );
}
