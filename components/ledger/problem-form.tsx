"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createProblem, updateProblem } from "@/lib/ledger/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

export type ProblemInitial = { title: string; since: string; measures: string; targetDate: string; ownerId: string };

/** Logs a legacy problem of the section, or edits one still being worked on (with the version it was based on). */
export function ProblemForm({
  problem,
  initial,
  owners,
  today,
}: {
  problem?: { id: string; version: number };
  initial?: ProblemInitial;
  owners: { id: string; name: string }[];
  today: string;
}) {
  const router = useRouter();
  const form = useActionForm(problem ? updateProblem : (createProblem as typeof updateProblem), {
    with: problem,
    onSuccess: (data) => {
      router.push(`/ledger/${data.id}?saved=1`);
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormError message={form.formError} />
      <Field label="遗留问题" {...form.frame("title")} required hint="过去工作中没有解决、需要盘点销号的问题">
        <input {...form.field("title")} defaultValue={initial?.title} className="input" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="存在时间" {...form.frame("since")} required hint="如：2019 年换届以来">
          <input {...form.field("since")} defaultValue={initial?.since} className="input" />
        </Field>
        <Field label="责任人" {...form.frame("ownerId")} required>
          <select {...form.field("ownerId")} defaultValue={initial?.ownerId ?? owners[0]?.id} className="input">
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="目标销号日期" {...form.frame("targetDate")} required>
          <input {...form.field("targetDate")} type="date" min={today} defaultValue={initial?.targetDate} className="input" />
        </Field>
      </div>
      <Field label="整改措施" {...form.frame("measures")} required>
        <textarea {...form.field("measures")} rows={4} defaultValue={initial?.measures} className="input" />
      </Field>
      {Object.keys(e).length > 0 && <Notice tone="warning">还有 {Object.keys(e).length} 处需要修改，已在对应栏目下标出。</Notice>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={form.pending}>
          {problem ? "保存修改" : "登记问题"}
        </Button>
        <Link href={problem ? `/ledger/${problem.id}` : "/ledger"} className={buttonClass("secondary")}>
          取消
        </Link>
      </div>
    </form>
  );
}
