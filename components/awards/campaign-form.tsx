"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createCampaign, updateCampaign } from "@/lib/awards/actions";
import { formOnly, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { CATEGORY_LABELS, GROUPS, LEVEL_LABELS } from "@/lib/awards/phase";
import { CADRE_WEIGHT_LABEL, NO_CADRE_RECORD, WEIGHT_KEYS, WEIGHT_LABELS } from "@/lib/awards/ranking";
import type { CampaignValues } from "@/lib/awards/form-values";

type Tier = CampaignValues["tiers"][number];

function Errors({ messages }: { messages?: string[] }) {
  return messages?.map((m) => (
    <p key={m} role="alert" className="text-sm text-red-600">
      {m}
    </p>
  ));
}

export function CampaignForm({
  initial,
  reviewers,
  existing,
}: {
  initial: CampaignValues;
  reviewers: { id: string; label: string }[];
  existing?: { id: string; version: number; scored: boolean };
}) {
  const router = useRouter();
  const [criteria, setCriteria] = useState(initial.criteria.map((c) => ({ ...c, weight: String(c.weight), max: String(c.max) })));
  const [tiers, setTiers] = useState<Tier[]>(initial.tiers);
  const form = useActionForm((existing ? updateCampaign : createCampaign) as typeof createCampaign, {
    // One input per weight, gathered into `weights` by the transform.
    formOnly: formOnly<`weight.${(typeof WEIGHT_KEYS)[number] | "cadre"}`>(),
    arrays: ["jurorIds"],
    transform: (v, raw) => ({
      ...v,
      ...(existing ?? {}),
      year: initial.year,
      criteria: criteria.map((c, i) => ({ key: c.key || `c${i + 1}`, label: c.label, weight: c.weight, max: c.max })),
      weights: { ...Object.fromEntries(WEIGHT_KEYS.map((key) => [key, raw[`weight.${key}`]])), cadre: raw["weight.cadre"] },
      tiers,
    }),
    onSuccess: (data) => router.push(`/awards/${existing?.id ?? (data as { id: string }).id}`),
  });
  const e = form.fieldErrors;
  const setTier = (index: number, patch: Partial<Tier>) => setTiers(tiers.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-6">
      <FormError message={form.formError} />
      <section className="grid gap-3 sm:grid-cols-2">
        <Field label="名称" {...form.frame("title")} required>
          <input {...form.field("title")} className="input" defaultValue={initial.title} />
        </Field>
        <div />
        <Field label="推荐开始时间" {...form.frame("nominationStartsAt")} required>
          <input {...form.field("nominationStartsAt")} type="datetime-local" className="input" defaultValue={initial.nominationStartsAt} />
        </Field>
        <Field label="推荐截止时间" {...form.frame("nominationEndsAt")} required hint="北京时间，即年度安排中“评比表彰推荐”的截止时间；截止后评委开始评分">
          <input {...form.field("nominationEndsAt")} type="datetime-local" className="input" defaultValue={initial.nominationEndsAt} />
        </Field>
        <Field label="每单位推荐项目数" {...form.frame("workQuotaPerUnit")} required>
          <input {...form.field("workQuotaPerUnit")} type="number" min={0} className="input" defaultValue={initial.workQuotaPerUnit} />
        </Field>
        <Field label="每单位推荐人数" {...form.frame("personQuotaPerUnit")} required>
          <input {...form.field("personQuotaPerUnit")} type="number" min={0} className="input" defaultValue={initial.personQuotaPerUnit} />
        </Field>
        <Field
          label="公示期（工作日）"
          {...form.frame("announcementDays")}
          required
          hint="自发布次日起计算，按国家法定节假日和调休安排计算，本县调整见“工作日历”"
        >
          <input {...form.field("announcementDays")} type="number" min={1} className="input" defaultValue={initial.announcementDays} />
        </Field>
      </section>

      <fieldset data-field="tiers" className="space-y-3">
        <legend className="text-base font-semibold">奖项与名额</legend>
        {GROUPS.map((group) => (
          <div key={`${group.category}/${group.level}`} className="rounded border border-stone-200 p-3">
            <p className="text-sm font-medium">
              {CATEGORY_LABELS[group.category]} · {LEVEL_LABELS[group.level]}
            </p>
            <ul className="mt-2 space-y-2">
              {tiers.map((tier, index) =>
                tier.category === group.category && tier.level === group.level ? (
                  <li key={index} className="flex flex-wrap items-center gap-2 text-sm">
                    <input
                      aria-label={`${CATEGORY_LABELS[group.category]}${LEVEL_LABELS[group.level]}奖项名称`}
                      className="input w-32"
                      value={tier.name}
                      onChange={(ev) => setTier(index, { name: ev.target.value })}
                    />
                    <label className="flex items-center gap-1">
                      名额
                      <input
                        aria-label={`${tier.name}名额`}
                        type="number"
                        min={1}
                        className="input w-20"
                        value={tier.quota}
                        onChange={(ev) => setTier(index, { quota: ev.target.value })}
                      />
                    </label>
                    <button type="button" className="link text-red-700" onClick={() => setTiers(tiers.filter((_, i) => i !== index))}>
                      删除
                    </button>
                  </li>
                ) : null,
              )}
            </ul>
            <button type="button" className="link mt-2 text-sm" onClick={() => setTiers([...tiers, { ...group, name: "", quota: 1 }])}>
              ＋ 增加奖次
            </button>
          </div>
        ))}
        <p className="text-xs text-stone-500">同一类别和层级内，排在前面的奖次为高奖次。</p>
        <Errors messages={e.tiers} />
      </fieldset>

      <fieldset data-field="criteria" className="space-y-2">
        <legend className="text-base font-semibold">评委评分标准</legend>
        {existing?.scored && <Notice tone="info">评委已开始评分，评分标准不能再改。</Notice>}
        {criteria.map((c, index) => (
          <div key={index} className="grid gap-2 text-sm sm:grid-cols-[1fr_6rem_6rem_auto] sm:items-center">
            <input
              aria-label={`评分项${index + 1}名称`}
              className="input"
              value={c.label}
              onChange={(ev) => setCriteria(criteria.map((x, i) => (i === index ? { ...x, label: ev.target.value } : x)))}
            />
            <label className="flex items-center gap-1">
              权重%
              <input
                aria-label={`评分项${index + 1}权重`}
                type="number"
                className="input"
                value={c.weight}
                onChange={(ev) => setCriteria(criteria.map((x, i) => (i === index ? { ...x, weight: ev.target.value } : x)))}
              />
            </label>
            <label className="flex items-center gap-1">
              满分
              <input
                aria-label={`评分项${index + 1}满分`}
                type="number"
                className="input"
                value={c.max}
                onChange={(ev) => setCriteria(criteria.map((x, i) => (i === index ? { ...x, max: ev.target.value } : x)))}
              />
            </label>
            <button type="button" className="link text-left text-red-700" onClick={() => setCriteria(criteria.filter((_, i) => i !== index))}>
              删除
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link text-sm"
          onClick={() => setCriteria([...criteria, { key: `c${Date.now().toString(36)}`, label: "", weight: "0", max: "10" }])}
        >
          ＋ 增加评分项
        </button>
        <Errors messages={e.criteria} />
      </fieldset>

      <fieldset data-field="weights" className="space-y-2">
        <legend className="text-base font-semibold">排名公式权重（%）</legend>
        <div className="grid gap-2 text-sm sm:grid-cols-3">
          {WEIGHT_KEYS.map((key) => (
            <label key={key} className="flex items-center justify-between gap-2">
              {WEIGHT_LABELS[key]}
              <input
                name={form.name(`weight.${key}`)}
                aria-label={`${WEIGHT_LABELS[key]}权重`}
                type="number"
                min={0}
                max={100}
                className="input w-20"
                defaultValue={initial.weights[key]}
              />
            </label>
          ))}
        </div>
        <p className="text-xs text-stone-500">以上六项为创新性工作的权重，合计须为 100%。</p>
        <label className="flex flex-wrap items-center gap-2 text-sm">
          创新性人才：{CADRE_WEIGHT_LABEL}
          <input
            name={form.name("weight.cadre")}
            aria-label={`${CADRE_WEIGHT_LABEL}权重`}
            type="number"
            min={0}
            max={90}
            className="input w-20"
            defaultValue={initial.weights.cadre ?? 0}
          />
          <span className="text-xs text-stone-500">其余为评委评分；被推荐人{NO_CADRE_RECORD}的，按评委评分计</span>
        </label>
        <Errors messages={e.weights} />
      </fieldset>

      <fieldset data-field="jurorIds" className="space-y-1">
        <legend className="text-base font-semibold">评委</legend>
        <p className="text-xs text-stone-500">评委不为本单位及上下级单位的推荐评分；评委本人也可以声明回避。</p>
        <div className="grid gap-1 text-sm sm:grid-cols-2">
          {reviewers.map((r) => (
            <label key={r.id} className="flex items-center gap-2">
              <input type="checkbox" name={form.name("jurorIds")} value={r.id} defaultChecked={initial.jurorIds.includes(r.id)} />
              {r.label}
            </label>
          ))}
        </div>
        <Errors messages={e.jurorIds} />
      </fieldset>

      <Button type="submit" pending={form.pending}>
        {existing ? "保存设置" : "开启评比表彰"}
      </Button>
    </form>
  );
}
