"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { adjustAward, announceCampaign, decideCampaign, rankCampaign, withdrawNomination } from "@/lib/awards/actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { formatDateTime } from "@/lib/time";

export function RankButton({ campaignId, version, ranked }: { campaignId: string; version: number; ranked: boolean }) {
  const router = useRouter();
  const [ties, setTies] = useState<string[] | null>(null);
  const action = useActionButton(rankCampaign, (data) => {
    setTies((data as { ties: string[] }).ties);
    router.refresh();
  });
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      {ties &&
        (ties.length ? (
          ties.map((t) => (
            <Notice key={t} tone="warning">
              {t}
            </Notice>
          ))
        ) : (
          <Notice tone="success">拟表彰名单已生成。</Notice>
        ))}
      <Button
        variant={ranked ? "secondary" : "primary"}
        pending={action.pending}
        onClick={() => {
          if (!ranked || confirm("重新生成将按最新评分和记录重排名单，之前的调整会被覆盖。继续吗？")) action.run({ campaignId, version });
        }}
      >
        {ranked ? "重新生成拟表彰名单" : "生成拟表彰名单"}
      </Button>
    </div>
  );
}

export function AnnounceButton({ campaignId, version, days }: { campaignId: string; version: number; days: number }) {
  const router = useRouter();
  const [endsAt, setEndsAt] = useState<string>();
  const action = useActionButton(announceCampaign, (data) => {
    setEndsAt(formatDateTime(new Date((data as { endsAt: Date }).endsAt)));
    router.refresh();
  });
  return (
    <div className="space-y-2">
      <FormError message={action.error} />
      {endsAt && <Notice tone="success">已发布公示，公示期至 {endsAt}。</Notice>}
      <Button
        pending={action.pending}
        onClick={() => confirm(`发布后名单向社会公示 ${days} 个工作日，期间只能通过异议处理变更名单。确定发布吗？`) && action.run({ campaignId, version })}
      >
        发布公示
      </Button>
    </div>
  );
}

export function DecideForm({ campaignId, version, suggestedNumber }: { campaignId: string; version: number; suggestedNumber: string }) {
  const router = useRouter();
  const form = useActionForm(decideCampaign, { with: { campaignId, version }, onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <FormError message={form.formError} />
      <Field label="文号" {...form.frame("decisionNumber")} required>
        <input {...form.field("decisionNumber")} className="input w-56" defaultValue={suggestedNumber} />
      </Field>
      <Button type="submit" pending={form.pending}>
        印发表彰决定
      </Button>
    </form>
  );
}

type TierOption = { id: string; name: string };

export function AdjustForm({
  nominationId,
  version,
  tierId,
  tiers,
  label,
}: {
  nominationId: string;
  version: number;
  tierId: string | null;
  tiers: TierOption[];
  label: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm(adjustAward, {
    with: { nominationId, version },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (!open)
    return (
      <button type="button" className="link text-sm" onClick={() => setOpen(true)} aria-label={`调整${label}`}>
        调整
      </button>
    );
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2 rounded border border-stone-200 p-2" aria-label={`调整${label}`}>
      <FormError message={form.formError} />
      <Field label="调整为" {...form.frame("tierId")}>
        <select {...form.field("tierId")} className="input" defaultValue={tierId ?? ""}>
          <option value="">不予表彰</option>
          {tiers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="调整理由" {...form.frame("reason")} required>
        <textarea {...form.field("reason")} rows={2} className="input" />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          保存调整
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          取消
        </Button>
      </div>
    </form>
  );
}

export function WithdrawNominationButton({ id, version, label }: { id: string; version: number; label: string }) {
  const router = useRouter();
  const action = useActionButton(withdrawNomination, () => router.refresh());
  return (
    <span>
      <button
        type="button"
        className="link text-sm text-red-700"
        disabled={action.pending}
        aria-label={`撤回推荐${label}`}
        onClick={() => confirm(`撤回对“${label}”的推荐吗？`) && action.run({ id, version })}
      >
        撤回
      </button>
      {action.error && (
        <span role="alert" className="ml-2 text-sm text-red-600">
          {action.error}
        </span>
      )}
    </span>
  );
}
