"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { addGuidanceNote, assignLiaison, transitionProject } from "@/lib/projects/actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { TRANSITIONS, type TransitionName } from "@/lib/projects/states";

function needsOf(name: TransitionName): { field: "reason" | "summary"; label: string } | undefined {
  const transition = TRANSITIONS[name];
  return "needs" in transition ? transition.needs : undefined;
}

/** The transitions the caller may make now; those needing a reason or summary ask for it first. */
export function TransitionPanel({ project, transitions }: { project: { id: string; version: number }; transitions: TransitionName[] }) {
  const router = useRouter();
  const [open, setOpen] = useState<TransitionName | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const action = useActionButton(transitionProject, () => {
    setOpen(null);
    router.refresh();
  });
  if (transitions.length === 0) return null;
  const needs = open ? needsOf(open) : undefined;
  const run = (name: TransitionName) => {
    const transition = TRANSITIONS[name];
    if ("needs" in transition && open !== name) return setOpen(name);
    if (!("needs" in transition) && name === "withdraw" && !window.confirm("撤回后申报书回到草稿，可修改后重新提交。确定撤回？")) return;
    const value = text.current?.value ?? "";
    action.run({ id: project.id, version: project.version, transition: name, reason: value, summary: value });
  };
  return (
    <div className="space-y-3">
      <FormError message={action.error} />
      {needs && open && (
        <Field label={needs.label} {...action.frame(needs.field)} required>
          <textarea ref={text} {...action.control(needs.field)} rows={4} className="input" />
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        {transitions.map((name) => (
          <Button
            key={name}
            type="button"
            variant={name === "terminate" || name === "return" ? "danger" : open === name || !("needs" in TRANSITIONS[name]) ? "primary" : "secondary"}
            pending={action.pending}
            onClick={() => run(name)}
          >
            {open === name ? `确认${TRANSITIONS[name].label}` : TRANSITIONS[name].label}
          </Button>
        ))}
        {open && (
          <Button type="button" variant="secondary" onClick={() => setOpen(null)}>
            取消
          </Button>
        )}
      </div>
    </div>
  );
}

export function LiaisonForm({
  project,
  options,
  current,
}: {
  project: { id: string; version: number };
  options: { id: string; label: string }[];
  current: string | null;
}) {
  const router = useRouter();
  const form = useActionForm(assignLiaison, {
    with: { id: project.id, version: project.version },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <FormError message={form.formError} />
      <Field label="联系人" {...form.frame("liaisonId")}>
        <select {...form.field("liaisonId")} defaultValue={current ?? ""} className="input w-64">
          <option value="">（未指定）</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存联系人
      </Button>
    </form>
  );
}

export function GuidanceNoteForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(addGuidanceNote, {
    with: { projectId },
    onSuccess: () => {
      ref.current?.reset();
      router.refresh();
    },
  });
  return (
    <form ref={ref} onSubmit={form.onSubmit} noValidate className="space-y-2">
      <FormError message={form.formError} />
      <Field label="指导内容" {...form.frame("content")}>
        <textarea {...form.field("content")} rows={3} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        添加指导记录
      </Button>
    </form>
  );
}
