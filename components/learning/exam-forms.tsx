"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createExam, saveScores } from "@/lib/learning/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

/** The admin records an exam with its full and pass marks. */
export function ExamForm({ today }: { today: string }) {
  const router = useRouter();
  const form = useActionForm(createExam, {
    onSuccess: (data) => {
      router.push(`/learning/exams/${data.id}`);
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      <div className="grid gap-3 sm:grid-cols-4">
        <div className="sm:col-span-2">
          <Field label="考试名称" {...form.frame("title")} required>
            <input {...form.field("title")} className="input" />
          </Field>
        </div>
        <Field label="考试日期" {...form.frame("heldOn")} required>
          <input {...form.field("heldOn")} type="date" max={today} className="input" />
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field label="满分" {...form.frame("fullMark")} required>
            <input {...form.field("fullMark")} inputMode="numeric" defaultValue="100" className="input" />
          </Field>
          <Field label="及格分" {...form.frame("passMark")} required>
            <input {...form.field("passMark")} inputMode="numeric" defaultValue="60" className="input" />
          </Field>
        </div>
      </div>
      <Button type="submit" pending={form.pending}>
        登记考试
      </Button>
    </form>
  );
}

type Row = { id: string; name: string; unit: string; score: string };

/** The admin's score sheet: one field per cadre; empty means did not take the exam. */
export function ScoreSheet({ examId, rows, passMark }: { examId: string; rows: Row[]; passMark: number }) {
  const router = useRouter();
  const [values, setValues] = useState(() => Object.fromEntries(rows.map((r) => [r.id, r.score])));
  const form = useActionForm(saveScores, {
    transform: () => ({ examId, scores: rows.map((r) => ({ userId: r.id, score: values[r.id] ?? "" })) }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormError message={form.formError} />
      {form.data && <Notice tone="success">已保存 {form.data.recorded} 人的成绩。</Notice>}
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {rows.map((row, index) => {
          const name = `scores.${index}.score` as const;
          const score = values[row.id];
          return (
            <li key={row.id}>
              <Field label={`${row.name}（${row.unit}）`} {...form.frame(name)}>
                <div className="flex items-center gap-2">
                  <input
                    {...form.control(name)}
                    inputMode="numeric"
                    value={score ?? ""}
                    onChange={(e) => setValues((v) => ({ ...v, [row.id]: e.target.value }))}
                    className="input w-24"
                  />
                  {score !== "" && score !== undefined && Number(score) < passMark && <span className="text-xs text-red-700">不及格</span>}
                </div>
              </Field>
            </li>
          );
        })}
      </ul>
      <Button type="submit" pending={form.pending}>
        保存成绩
      </Button>
    </form>
  );
}
