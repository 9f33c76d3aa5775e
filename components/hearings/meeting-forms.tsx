"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createMeeting, recordDecision, saveRubric } from "@/lib/hearings/actions";
import { formOnly, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { RANK_AGGREGATE_LABELS, VERDICT_LABELS, type RankAggregate, type Verdict } from "@/lib/hearings/labels";
import type { Criterion } from "@/lib/hearings/scoring";

export function MeetingForm({ yearId }: { yearId: string }) {
  const router = useRouter();
  const form = useActionForm(createMeeting, {
    with: { yearId },
    onSuccess: (data) => router.push(`/hearings/meetings/${(data as { id: string }).id}`),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="期次" {...form.frame("number")} required hint="如 2026 年第 5 次">
          <input {...form.field("number")} className="input" />
        </Field>
        <Field label="会议时间" {...form.frame("heldAt")} required>
          <input {...form.field("heldAt")} type="datetime-local" className="input" />
        </Field>
      </div>
      <Field label="参会人员" {...form.frame("attendees")} required>
        <textarea {...form.field("attendees")} rows={2} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        新建部务会
      </Button>
    </form>
  );
}

type Project = { id: string; label: string; version: number };

export function DecisionForm({ meetingId, projects }: { meetingId: string; projects: Project[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState("");
  const form = useActionForm(recordDecision, {
    transform: (values) => ({ ...values, meetingId, projectVersion: projects.find((p) => p.id === values.projectId)?.version ?? 0 }),
    onSuccess: () => {
      setChosen("");
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  if (projects.length === 0) return <p className="text-sm text-stone-500">没有待审定的项目。</p>;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" key={projects.length}>
      <FormError message={form.formError} />
      <Field label="项目" {...form.frame("projectId")} required>
        <select {...form.field("projectId")} value={chosen} onChange={(event) => setChosen(event.target.value)} className="input">
          <option value="">请选择</option>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.label}
            </option>
          ))}
        </select>
      </Field>
      <fieldset data-field="verdict">
        <legend className="text-sm font-medium text-stone-700">审定结果</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {(Object.keys(VERDICT_LABELS) as Verdict[]).map((verdict) => (
            <label key={verdict} className="flex items-center gap-1">
              <input type="radio" name={form.name("verdict")} value={verdict} />
              {VERDICT_LABELS[verdict]}
            </label>
          ))}
        </div>
        {e.verdict?.map((m) => (
          <p key={m} role="alert" className="text-sm text-red-600">
            {m}
          </p>
        ))}
      </fieldset>
      <Field label="审定意见" {...form.frame("opinion")} required hint="将写入给单位的通知">
        <textarea {...form.field("opinion")} rows={3} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        记录审定结果
      </Button>
    </form>
  );
}

export function RubricForm({
  yearId,
  version,
  criteria,
  rankBy,
  frozen,
}: {
  yearId: string;
  version: number;
  criteria: Criterion[];
  rankBy: RankAggregate;
  frozen: boolean;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useActionForm(saveRubric, {
    // Three inputs per criterion, gathered into `criteria` by its key.
    formOnly: formOnly<`${"label" | "weight" | "max"}_${string}`>(),
    transform: (_values, values) => ({
      yearId,
      version,
      criteria: criteria.map((c) => ({ key: c.key, label: values[`label_${c.key}`], weight: values[`weight_${c.key}`], max: values[`max_${c.key}`] })),
      rankBy: values.rankBy as RankAggregate,
    }),
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" data-field="criteria">
      <FormError message={form.formError ?? form.fieldErrors.criteria?.[0]} />
      {saved && <Notice tone="success">已保存。</Notice>}
      <fieldset disabled={frozen} className="space-y-2">
        {criteria.map((criterion, index) => (
          <div key={criterion.key} className="grid gap-2 sm:grid-cols-[1fr_7rem_7rem]">
            <input name={form.name(`label_${criterion.key}`)} aria-label={`第 ${index + 1} 项标准`} defaultValue={criterion.label} className="input" />
            <input
              name={form.name(`weight_${criterion.key}`)}
              aria-label={`第 ${index + 1} 项权重（%）`}
              type="number"
              defaultValue={criterion.weight}
              className="input"
            />
            <input
              name={form.name(`max_${criterion.key}`)}
              aria-label={`第 ${index + 1} 项满分`}
              type="number"
              defaultValue={criterion.max}
              className="input"
            />
          </div>
        ))}
        <div className="pt-2" data-field="rankBy">
          <label htmlFor="rankBy" className="block text-sm font-medium text-stone-700">
            排名依据
          </label>
          <select {...form.field("rankBy")} defaultValue={rankBy} className="input mt-1 w-full sm:w-64" aria-describedby="rankBy-hint">
            {(Object.keys(RANK_AGGREGATE_LABELS) as RankAggregate[]).map((key) => (
              <option key={key} value={key}>
                {RANK_AGGREGATE_LABELS[key]}
              </option>
            ))}
          </select>
          <p id="rankBy-hint" className="mt-1 text-xs text-stone-500">
            听证结果和年度排名按此排序，另一种算法的名次并列显示；随评分标准公布，开始评分后与评分标准一起锁定。
          </p>
          <FormError message={form.fieldErrors.rankBy?.[0]} />
        </div>
      </fieldset>
      {!frozen && (
        <Button type="submit" pending={form.pending}>
          保存评分标准
        </Button>
      )}
    </form>
  );
}
