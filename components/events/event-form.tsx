"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createEvent, updateEvent } from "@/lib/events/actions";
import { EVENT_KIND_LABELS, MATERIAL_LABELS } from "@/lib/events/rules";
import type { EventKind } from "@/lib/generated/prisma/enums";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

export type EventFormInitial = {
  kind: EventKind;
  title: string;
  startsAt: string;
  place: string;
  siteProjectId: string;
  hostUnitId: string;
  agenda: string;
  submissionDeadline: string;
  noticeNumber: string;
  projectIds: string[];
  unitIds: string[];
};
type Option = { id: string; name: string };
type ProjectOption = { id: string; label: string };
type UnitOption = Option & { type: string };

/**
 * Plans or edits one event. Fields stay uncontrolled (a refused submit keeps what was typed); the kind decides
 * which fields show: a 现场会 names its site project, the other two the deadline for materials.
 */
export function EventForm({
  event,
  initial,
  hosts,
  invitable,
  projects,
}: {
  event?: { id: string; version: number };
  initial?: EventFormInitial;
  hosts: Option[];
  invitable: UnitOption[];
  projects: ProjectOption[];
}) {
  const router = useRouter();
  const [kind, setKind] = useState<EventKind | "">(initial?.kind ?? "");
  const action = event ? updateEvent : createEvent;
  const form = useActionForm(action as typeof updateEvent, {
    arrays: ["projectIds", "unitIds"],
    with: event,
    onSuccess: (data) => {
      router.push(`/events/${data.id}?saved=1`);
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  const material = kind ? MATERIAL_LABELS[kind] : null;
  const errorCount = Object.keys(e).length;
  const townships = invitable.filter((u) => u.type === "TOWNSHIP");
  const departments = invitable.filter((u) => u.type !== "TOWNSHIP");
  const unitBoxes = (list: UnitOption[], group: string) => (
    <fieldset className="space-y-1">
      <legend className="text-xs text-stone-500">{group}</legend>
      <div className="grid grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-4">
        {list.map((unit) => (
          <label key={unit.id} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={form.name("unitIds")} value={unit.id} defaultChecked={initial?.unitIds.includes(unit.id)} />
            {unit.name}
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <FormError message={form.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="活动类型" {...form.frame("kind")} required>
          <select {...form.field("kind")} defaultValue={initial?.kind ?? ""} onChange={(ev) => setKind(ev.target.value as EventKind)} className="input">
            <option value="">请选择</option>
            {Object.entries(EVENT_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="活动名称" {...form.frame("title")} required>
          <input {...form.field("title")} defaultValue={initial?.title} className="input" placeholder="如：全县农村党建创新现场会" />
        </Field>
        <Field label="召开时间" {...form.frame("startsAt")} required>
          <input {...form.field("startsAt")} type="datetime-local" defaultValue={initial?.startsAt} className="input" />
        </Field>
        <Field label="地点" {...form.frame("place")} required hint={kind === "SITE_VISIT" ? "现场会开在项目现场，如：青石镇石门村党群服务中心" : undefined}>
          <input {...form.field("place")} defaultValue={initial?.place} className="input" />
        </Field>
        <Field label="承办单位" {...form.frame("hostUnitId")} required>
          <select {...form.field("hostUnitId")} defaultValue={initial?.hostUnitId ?? ""} className="input">
            <option value="">请选择</option>
            {hosts.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="发文字号" {...form.frame("noticeNumber")} hint="印在通知上，如：明组通〔2026〕12号；可不填">
          <input {...form.field("noticeNumber")} defaultValue={initial?.noticeNumber} className="input" />
        </Field>
        {kind === "SITE_VISIT" && (
          <Field label="现场所在项目" {...form.frame("siteProjectId")} required>
            <select {...form.field("siteProjectId")} defaultValue={initial?.siteProjectId ?? ""} className="input">
              <option value="">请选择</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </Field>
        )}
        {material && (
          <Field label={`${material}报送截止时间`} {...form.frame("submissionDeadline")} required>
            <input {...form.field("submissionDeadline")} type="datetime-local" defaultValue={initial?.submissionDeadline} className="input" />
          </Field>
        )}
      </div>
      <Field label="会议议程" {...form.frame("agenda")} required hint="一行一项，如：观摩项目现场；项目单位介绍做法；与会单位交流；领导讲话">
        <textarea {...form.field("agenda")} rows={4} defaultValue={initial?.agenda} className="input" />
      </Field>
      <Field label="展示的项目" {...form.frame("projectIds")} hint="在会上观摩或交流的创新项目，按住 Ctrl 可多选">
        <select {...form.field("projectIds")} multiple size={6} defaultValue={initial?.projectIds} className="input">
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </Field>
      <div className="space-y-2 rounded-lg border border-stone-200 p-3" data-field="unitIds">
        <p className="text-sm font-medium text-stone-700">
          邀请单位<span className="ml-0.5 text-red-600">*</span>
        </p>
        {unitBoxes(townships, "乡镇")}
        {unitBoxes(departments, "县直单位")}
        {e.unitIds?.map((message) => (
          <p key={message} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ))}
      </div>
      {errorCount > 0 && <Notice tone="warning">还有 {errorCount} 处需要修改，已在对应栏目下标出。</Notice>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={form.pending}>
          {event ? "保存修改" : "保存活动安排"}
        </Button>
        <Link href={event ? `/events/${event.id}` : "/events"} className={buttonClass("secondary")}>
          取消
        </Link>
      </div>
    </form>
  );
}
