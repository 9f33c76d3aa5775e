"use client";

import { useRouter } from "next/navigation";
import { setCalendarDay } from "@/lib/calendar/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export function CalendarDayForm() {
  const router = useRouter();
  const form = useActionForm(setCalendarDay, { onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid gap-3 sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-start">
      <Field label="日期" {...form.frame("date")} required>
        <input {...form.field("date")} type="date" className="input" />
      </Field>
      <Field label="本县安排" {...form.frame("working")} required>
        <select {...form.field("working")} className="input" defaultValue="off">
          <option value="off">休息（不计工作日）</option>
          <option value="work">上班（计为工作日）</option>
        </select>
      </Field>
      <Field label="说明" {...form.frame("note")} required hint="如：县庆放假、防汛补班">
        <input {...form.field("note")} className="input" maxLength={60} />
      </Field>
      <div className="sm:pt-6">
        <Button type="submit" pending={form.pending}>
          保存
        </Button>
      </div>
      <div className="sm:col-span-4">
        <FormError message={form.formError} />
      </div>
    </form>
  );
}
