"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { nominate } from "@/lib/awards/actions";
import { formOnly, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import type { AwardCategory } from "@/lib/generated/prisma/enums";

type Option = { id: string; title: string };

export function NominationForm({
  campaignId,
  projects,
  cadres,
  left,
}: {
  campaignId: string;
  projects: Option[];
  /** The nominating section's own cadres (users), whose record of the year the nomination then carries. */
  cadres: { id: string; name: string }[];
  left: Record<AwardCategory, number>;
}) {
  const router = useRouter();
  const [cadreId, setCadreId] = useState("");
  const [category, setCategory] = useState<AwardCategory>(left.WORK > 0 || left.PERSON === 0 ? "WORK" : "PERSON");
  const form = useActionForm(nominate, {
    // The two radios only choose the category the hook sends (`with`); their name is the form's own.
    formOnly: formOnly<"categoryChoice">(),
    arrays: ["ledProjectIds"],
    with: { campaignId, category },
    onSuccess: () => router.push(`/awards/${campaignId}`),
  });
  const e = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <FormError message={form.formError} />
      <fieldset data-field="category">
        <legend className="text-sm font-medium text-stone-700">推荐类别</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name={form.name("categoryChoice")} checked={category === "WORK"} onChange={() => setCategory("WORK")} />
            创新性工作（还可推荐 {left.WORK} 项）
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name={form.name("categoryChoice")} checked={category === "PERSON"} onChange={() => setCategory("PERSON")} />
            创新性人才（还可推荐 {left.PERSON} 名）
          </label>
        </div>
        {e.category?.map((m) => (
          <p key={m} role="alert" className="text-sm text-red-600">
            {m}
          </p>
        ))}
      </fieldset>
      {/* Both parts stay mounted, so switching the category never loses what was typed. */}
      <div hidden={category !== "WORK"} className="space-y-4">
        <Field label="推荐项目" {...form.frame("projectId")} required hint="本单位当年已立项、实施中或已完成的项目">
          <select {...form.field("projectId")} className="input" defaultValue="">
            <option value="">请选择</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div hidden={category !== "PERSON"} className="space-y-4">
        {cadres.length > 0 && (
          <Field
            label="被推荐人"
            {...form.frame("personUserId")}
            hint="选择本科室的组工干部，推荐材料将附上其本年度实践记录（四个一等）；推荐其他人员请选“其他人员”并填写姓名"
          >
            <select {...form.field("personUserId")} className="input" value={cadreId} onChange={(ev) => setCadreId(ev.target.value)}>
              <option value="">其他人员（填写姓名）</option>
              {cadres.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <div hidden={cadreId !== ""}>
            <Field label="姓名" {...form.frame("personName")} required>
              <input {...form.field("personName")} className="input" />
            </Field>
          </div>
          <Field label="单位职务" {...form.frame("personTitle")} required>
            <input {...form.field("personTitle")} className="input" />
          </Field>
        </div>
        <Field label="主要事迹" {...form.frame("deeds")} required hint="至少 50 个字：做了什么创新、解决了什么问题、取得了什么成效">
          <textarea {...form.field("deeds")} rows={6} className="input" />
        </Field>
        <fieldset data-field="ledProjectIds">
          <legend className="text-sm font-medium text-stone-700">牵头的创新项目</legend>
          <div className="mt-1 space-y-1 text-sm">
            {projects.length === 0 && <p className="text-stone-500">本单位当年没有已立项的项目。</p>}
            {projects.map((p) => (
              <label key={p.id} className="flex items-center gap-2">
                <input type="checkbox" name={form.name("ledProjectIds")} value={p.id} />
                {p.title}
              </label>
            ))}
          </div>
          {e.ledProjectIds?.map((m) => (
            <p key={m} role="alert" className="text-sm text-red-600">
              {m}
            </p>
          ))}
        </fieldset>
      </div>
      <Field label="推荐理由" {...form.frame("statement")} required>
        <textarea {...form.field("statement")} rows={4} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        提交推荐
      </Button>
    </form>
  );
}
