"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createTownshipMeeting, updateTownshipMeeting } from "@/lib/township-meetings/actions";
import { shareableYears } from "@/lib/township-meetings/rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

export type MeetingFormInitial = {
  heldOn: string;
  place: string;
  host: string;
  attendees: string;
  problems: string;
  followUps: string;
  shares: { unitId: string; practice: string; projectId: string }[];
};
type Option = { id: string; name: string };
type ProjectOption = { id: string; title: string; unitId: string; year: number };
type Row = MeetingFormInitial["shares"][number] & { key: number };

const blankRow = (key: number): Row => ({ key, unitId: "", practice: "", projectId: "" });

/**
 * Records or edits one meeting. The plain fields stay uncontrolled and the share rows live in state,
 * so a refused submit keeps everything typed; the edit sends the version it was based on.
 */
export function MeetingForm({
  meeting,
  initial,
  townships,
  projects,
  today,
}: {
  meeting?: { id: string; version: number };
  initial?: MeetingFormInitial;
  townships: Option[];
  projects: ProjectOption[];
  today: string;
}) {
  const router = useRouter();
  const nextKey = useRef(1);
  const [rows, setRows] = useState<Row[]>(() =>
    initial?.shares.length ? initial.shares.map((share) => ({ ...share, key: nextKey.current++ })) : [blankRow(nextKey.current++)],
  );
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? "");
  const action = meeting ? updateTownshipMeeting : createTownshipMeeting;
  const form = useActionForm(action as typeof createTownshipMeeting, {
    transform: (values) => ({ ...values, ...meeting, shares: rows.map(({ key: _key, ...share }) => ({ ...share, projectId: share.projectId || null })) }),
    onSuccess: (data) => {
      router.push(`/township-meetings/${data.id}?saved=1`);
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  const years = shareableYears(Number((heldOn || today).slice(0, 4)));
  const set = (key: number, patch: Partial<Row>) => setRows((list) => list.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const text = (
    name: Parameters<typeof form.field>[0] & keyof MeetingFormInitial,
    label: string,
    options: { required?: boolean; rows?: number; hint?: string } = {},
  ) => (
    <Field label={label} {...form.frame(name)} required={options.required} hint={options.hint}>
      {options.rows ? (
        <textarea {...form.field(name)} rows={options.rows} defaultValue={initial?.[name] as string} className="input" />
      ) : (
        <input {...form.field(name)} defaultValue={initial?.[name] as string} className="input" />
      )}
    </Field>
  );
  const errorCount = Object.keys(e).length;

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <FormError message={form.formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="例会日期" {...form.frame("heldOn")} required>
          <input
            {...form.field("heldOn")}
            type="date"
            max={today}
            defaultValue={initial?.heldOn}
            onChange={(event) => setHeldOn(event.target.value)}
            className="input"
          />
        </Field>
        {text("place", "地点", { required: true })}
        {text("host", "主持人", { required: true })}
      </div>
      {text("attendees", "参会人员", { required: true, rows: 2, hint: "各乡镇组织委员及列席人员，按姓名填写" })}

      <fieldset className="space-y-3 rounded-lg border border-stone-200 p-3" data-field="shares">
        <legend className="px-1 text-sm font-medium text-stone-700">
          各乡镇交流的做法<span className="ml-0.5 text-red-600">*</span>
        </legend>
        <ol className="space-y-3">
          {rows.map((row, index) => {
            const name = (field: "unitId" | "projectId" | "practice") => `shares.${index}.${field}` as const;
            const choices = projects.filter((p) => p.unitId === row.unitId && (years.includes(p.year) || p.id === row.projectId));
            return (
              <li key={row.key} className="space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3" aria-label={`第 ${index + 1} 条交流`}>
                <div className="grid gap-2 sm:grid-cols-2">
                  <Field label={`第 ${index + 1} 个乡镇`} {...form.frame(name("unitId"))} required>
                    <select
                      {...form.control(name("unitId"))}
                      value={row.unitId}
                      onChange={(event) => set(row.key, { unitId: event.target.value, projectId: "" })}
                      className="input"
                    >
                      <option value="">请选择乡镇</option>
                      {townships.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field
                    label="来自哪个项目"
                    {...form.frame(name("projectId"))}
                    hint={row.unitId ? `${years.at(-1)}—${years[0]} 年度已立项、实施中或已结项的项目` : "先选乡镇"}
                  >
                    <select
                      {...form.control(name("projectId"))}
                      value={row.projectId}
                      onChange={(event) => set(row.key, { projectId: event.target.value })}
                      disabled={!row.unitId}
                      className="input"
                    >
                      <option value="">不关联项目</option>
                      {choices.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.title}（{p.year} 年度）
                        </option>
                      ))}
                    </select>
                  </Field>
                </div>
                <Field label="交流的做法" {...form.frame(name("practice"))} required>
                  <textarea
                    {...form.control(name("practice"))}
                    rows={3}
                    value={row.practice}
                    onChange={(event) => set(row.key, { practice: event.target.value })}
                    className="input"
                    placeholder="如：一村一名入党积极分子计划，每村确定一名培养对象，镇党委书记联系"
                  />
                </Field>
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="text-sm text-stone-600 hover:underline"
                    onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
                  >
                    删除第 {index + 1} 个乡镇
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        <button type="button" className="link text-sm" onClick={() => setRows((list) => [...list, blankRow(nextKey.current++)])}>
          + 添加乡镇
        </button>
        {e.shares?.map((message) => (
          <p key={message} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ))}
      </fieldset>

      {text("problems", "查询问题", { rows: 3, hint: "会上查找、提出的问题" })}
      {text("followUps", "跟进事项", { rows: 3, hint: "谁在什么时候之前做什么" })}
      {errorCount > 0 && <Notice tone="warning">还有 {errorCount} 处需要修改，已在对应栏目下标出。</Notice>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={form.pending}>
          {meeting ? "保存修改" : "记录例会"}
        </Button>
        <Link href={meeting ? `/township-meetings/${meeting.id}` : "/township-meetings"} className={buttonClass("secondary")}>
          取消
        </Link>
      </div>
    </form>
  );
}
