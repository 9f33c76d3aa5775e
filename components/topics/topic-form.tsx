"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createTopic, updateTopic } from "@/lib/topics/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, LabelOptions } from "@/components/ui/field";
import type { SuggestionCategory } from "@/lib/generated/prisma/enums";
import { CATEGORY_LABELS } from "@/lib/suggestions/categories";
import type { ClaimMode } from "@/lib/generated/prisma/enums";
import { CLAIM_MODE_LABELS, FOCUS_LABELS, TIER_LABELS, TOPIC_UNITS_LABEL } from "@/lib/topics/vocabulary";
import { UNIT_TYPE_LABELS } from "@/lib/units/tree";
import type { TopicFocus, TopicTier, UnitType } from "@/lib/generated/prisma/enums";

type Aspect = { id: string; category: SuggestionCategory; name: string };
type UnitOption = { id: string; name: string; type: UnitType };
export type TopicFormValues = {
  title: string;
  description: string;
  category: SuggestionCategory | "";
  aspectId: string | null;
  focus: TopicFocus | "";
  tier: TopicTier | "";
  claimMode: ClaimMode;
  claimClosesAt: string;
  unitIds: string[];
  openToPersons: boolean;
};

type Props = {
  aspects: Aspect[];
  units: UnitOption[];
  initial: TopicFormValues;
  /** Creating: the year and the suggestions it comes from. Editing: the topic. */
  create?: { yearId: string; sourceIds: string[] };
  topic?: { id: string; version: number; published: boolean };
};

export function TopicForm({ aspects, units, initial, create, topic }: Props) {
  const router = useRouter();
  const [category, setCategory] = useState(initial.category);
  const [mode, setMode] = useState<ClaimMode>(initial.claimMode);
  const [chosen, setChosen] = useState(initial.unitIds.length);
  // Both actions return the topic's id; the form sends what each expects.
  const onSuccess = (data: { id: string } | undefined) => {
    if (!data) return;
    router.push(`/topics/${data.id}?saved=1`);
    router.refresh();
  };
  // One form drives two actions whose inputs differ; each hook is typed by its own action's schema.
  const update = useActionForm(updateTopic, { arrays: ["unitIds"], with: topic && { id: topic.id, version: topic.version }, onSuccess });
  const add = useActionForm(createTopic, { arrays: ["unitIds", "sourceIds"], with: create, onSuccess });
  const form = topic ? update : add;
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormError message={form.formError} />
      <Field label="选题名称" {...form.frame("title")} required>
        <input {...form.field("title")} defaultValue={initial.title} maxLength={80} className="input" />
      </Field>
      <Field label="选题说明" {...form.frame("description")} required hint="要解决的问题、改革创新的方向和预期成效">
        <textarea {...form.field("description")} rows={6} defaultValue={initial.description} className="input" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="类别" {...form.frame("category")} required hint={topic?.published ? "已发布选题的类别不能更改" : "编号按类别生成"}>
          <select
            {...form.field("category")}
            value={category}
            onChange={(event) => setCategory(event.target.value as SuggestionCategory)}
            disabled={topic?.published}
            className="input"
          >
            <LabelOptions labels={CATEGORY_LABELS} empty="请选择" emptyDisabled />
          </select>
          {topic?.published && <input type="hidden" name={form.name("category")} value={category} />}
        </Field>
        <Field label="方面" {...form.frame("aspectId")}>
          <select key={category} {...form.field("aspectId")} defaultValue={initial.category === category ? (initial.aspectId ?? "") : ""} className="input">
            <option value="">（不限）</option>
            {aspects
              .filter((aspect) => aspect.category === category)
              .map((aspect) => (
                <option key={aspect.id} value={aspect.id}>
                  {aspect.name}
                </option>
              ))}
          </select>
        </Field>
        <Field label="着眼领域" {...form.frame("focus")} required>
          <select {...form.field("focus")} defaultValue={initial.focus} className="input">
            <LabelOptions labels={FOCUS_LABELS} empty="请选择" emptyDisabled />
          </select>
        </Field>
        <Field label="目标层次" {...form.frame("tier")} required>
          <select {...form.field("tier")} defaultValue={initial.tier} className="input">
            <LabelOptions labels={TIER_LABELS} empty="请选择" emptyDisabled />
          </select>
        </Field>
        <Field label="认领方式" {...form.frame("claimMode")} required>
          <select {...form.field("claimMode")} value={mode} onChange={(event) => setMode(event.target.value as ClaimMode)} className="input">
            <LabelOptions labels={CLAIM_MODE_LABELS} />
          </select>
        </Field>
        <Field label="认领截止时间" {...form.frame("claimClosesAt")} required hint="北京时间，以服务器时间为准">
          <input {...form.field("claimClosesAt")} type="datetime-local" defaultValue={initial.claimClosesAt} className="input" />
        </Field>
      </div>
      {mode === "BIDDING" && (
        <div data-field="openToPersons">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={form.name("openToPersons")} defaultChecked={initial.openToPersons} />
            同时接受干部个人投标（部机关干部和各单位干部以本人名义投标，中标人牵头实施）
          </label>
          {errors.openToPersons?.map((message) => (
            <p key={message} role="alert" className="text-sm text-red-600">
              {message}
            </p>
          ))}
        </div>
      )}
      <fieldset className="space-y-1" data-field="unitIds">
        <legend className="text-sm font-medium text-stone-700">
          {TOPIC_UNITS_LABEL[mode]}
          {mode === "ASSIGNED" && <span className="ml-0.5 text-red-600">*</span>}
          <span className="ml-2 font-normal text-stone-500">已选 {chosen} 个</span>
        </legend>
        <div
          className="max-h-64 space-y-3 overflow-y-auto rounded-md border border-stone-300 bg-white p-3"
          onChange={(event) => setChosen(event.currentTarget.querySelectorAll("input:checked").length)}
        >
          {(["TOWNSHIP", "DEPARTMENT", "SECTION"] as UnitType[]).map((type) => (
            <div key={type}>
              <div className="mb-1 text-xs font-medium text-stone-500">{UNIT_TYPE_LABELS[type]}</div>
              <div className="grid grid-cols-2 gap-1 sm:grid-cols-3 lg:grid-cols-4">
                {units
                  .filter((unit) => unit.type === type)
                  .map((unit) => (
                    <label key={unit.id} className="flex items-center gap-1.5 text-sm">
                      <input type="checkbox" name={form.name("unitIds")} value={unit.id} defaultChecked={initial.unitIds.includes(unit.id)} />
                      {unit.name}
                    </label>
                  ))}
              </div>
            </div>
          ))}
        </div>
        <p className="text-xs text-stone-500">{mode === "ASSIGNED" ? "发包：只有所选单位可以接受该选题" : "仅作建议，任何单位都可以认领或投标"}</p>
        {errors.unitIds?.map((message) => (
          <p key={message} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ))}
      </fieldset>
      {topic?.published && (
        <Field label="修改理由" {...update.frame("reason")} required hint="已发布的选题须说明修改理由，理由和修改内容会留痕，并通知已认领、投标的单位">
          <textarea {...update.field("reason")} rows={2} className="input" />
        </Field>
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          {topic ? "保存修改" : "保存草稿"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          取消
        </Button>
      </div>
    </form>
  );
}
