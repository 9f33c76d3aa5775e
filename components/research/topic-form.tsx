"use client";

import { useRouter } from "next/navigation";
import { createResearchTopic, updateResearchTopic } from "@/lib/research/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export type CadreSection = { id: string; name: string; users: { id: string; name: string }[] };
type Initial = { title: string; question: string; areaId: string; leadId: string; memberIds: string[]; dueAt: string };

/** The admin's topic form: new (with the year) or an existing topic (with its id and version). */
export function TopicForm({
  year,
  topic,
  initial,
  areas,
  sections,
}: {
  year?: number;
  topic?: { id: string; version: number };
  initial: Initial;
  areas: { id: string; name: string }[];
  sections: CadreSection[];
}) {
  const router = useRouter();
  const create = useActionForm(createResearchTopic, {
    arrays: ["memberIds"],
    with: { year },
    onSuccess: (data) => router.push(`/research/${data.id}`),
  });
  const update = useActionForm(updateResearchTopic, {
    arrays: ["memberIds"],
    with: { id: topic?.id, version: topic?.version },
    onSuccess: () => router.push(`/research/${topic?.id}`),
  });
  const form = topic ? update : create;
  const errors = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormError message={form.formError} />
      <Field label="课题名称" {...form.frame("title")} required>
        <input {...form.field("title")} defaultValue={initial.title} className="input" />
      </Field>
      <Field label="研究的问题" {...form.frame("question")} required hint="这个课题要回答什么问题">
        <textarea {...form.field("question")} rows={3} defaultValue={initial.question} className="input" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="调研领域" {...form.frame("areaId")} required>
          <select {...form.field("areaId")} defaultValue={initial.areaId} className="input">
            <option value="">请选择</option>
            {areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="完成时限" {...form.frame("dueAt")} required>
          <input {...form.field("dueAt")} type="datetime-local" defaultValue={initial.dueAt} className="input" />
        </Field>
      </div>
      <Field label="牵头人" {...form.frame("leadId")} required hint="牵头人所在科室的负责人审核报告">
        <select {...form.field("leadId")} defaultValue={initial.leadId} className="input">
          <option value="">请选择</option>
          {sections.map((section) => (
            <optgroup key={section.id} label={section.name}>
              {section.users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}（{section.name}）
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <fieldset className="space-y-2" data-field="memberIds">
        <legend className="text-sm font-medium text-stone-700">课题组成员（可多选）</legend>
        <div className="max-h-64 space-y-2 overflow-y-auto rounded-md border border-stone-200 p-3">
          {sections.map((section) => (
            <div key={section.id}>
              <div className="text-xs font-medium text-stone-500">{section.name}</div>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {section.users.map((user) => (
                  <label key={user.id} className="flex items-center gap-1 text-sm">
                    <input type="checkbox" name={form.name("memberIds")} value={user.id} defaultChecked={initial.memberIds.includes(user.id)} />
                    {user.name}
                  </label>
                ))}
              </div>
            </div>
          ))}
        </div>
        {errors.memberIds?.map((message) => (
          <p key={message} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ))}
      </fieldset>
      <Button type="submit" pending={form.pending}>
        {topic ? "保存修改" : "设立课题"}
      </Button>
    </form>
  );
}
