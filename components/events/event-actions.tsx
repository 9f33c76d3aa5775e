"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import {
  archiveEvent,
  confirmAttendance,
  publishEvent,
  recordEventMinutes,
  removeEventAttachment,
  saveSubmission,
  selectSubmission,
  uploadEventAttachment,
} from "@/lib/events/actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";
import { FileBox, type StoredFile } from "@/components/ui/file-box";

/** 印发通知 / 归档: one click, confirmed first; the page reloads with the new state. */
export function EventTransitionButton({ id, version, transition }: { id: string; version: number; transition: "publish" | "archive" }) {
  const router = useRouter();
  const button = useActionButton(transition === "publish" ? publishEvent : archiveEvent, () => router.refresh());
  const label = transition === "publish" ? "印发通知" : "归档";
  const question = transition === "publish" ? "印发通知后，受邀单位将收到消息并可确认参会、报送材料。确定印发？" : "归档后不能再修改纪要和汇编。确定归档？";
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        pending={button.pending}
        onClick={() => {
          if (window.confirm(question)) void button.run({ id, version });
        }}
      >
        {label}
      </Button>
      {button.error && (
        <span role="alert" className="text-sm text-red-600">
          {button.error}
        </span>
      )}
    </span>
  );
}

export function MinutesForm({ id, version, minutes, followUps }: { id: string; version: number; minutes: string; followUps: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useActionForm(recordEventMinutes, {
    with: { id, version },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-3" aria-label="会议纪要">
      {saved && <Notice tone="success">纪要已保存。</Notice>}
      <FormError message={form.formError} />
      <Field label="会议纪要" {...form.frame("minutes")} required hint="会议议定的事项、领导讲话要点、各单位交流的主要做法，一段一行">
        <textarea {...form.field("minutes")} rows={6} defaultValue={minutes} className="input" />
      </Field>
      <Field label="后续工作" {...form.frame("followUps")} hint="谁在什么时候之前做什么">
        <textarea {...form.field("followUps")} rows={3} defaultValue={followUps} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        保存纪要
      </Button>
    </form>
  );
}

export function ConfirmForm({ eventId, version, attendees, confirmed }: { eventId: string; version: number; attendees: string; confirmed: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useActionForm(confirmAttendance, {
    with: { eventId, version },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-3" aria-label="确认参会">
      {saved && <Notice tone="success">已确认参会。</Notice>}
      <FormError message={form.formError} />
      <Field label="参会人员" {...form.frame("attendees")} required hint="姓名和职务，如：王某（党委副书记）、李某（组织委员）">
        <input {...form.field("attendees")} defaultValue={attendees} className="input" />
      </Field>
      <Button type="submit" pending={form.pending}>
        {confirmed ? "修改参会人员" : "确认参会"}
      </Button>
    </form>
  );
}

/** The unit's own 交流材料 / 论文: save as draft, then submit; files once the draft exists. */
export function SubmissionForm({
  eventId,
  material,
  submission,
  defaultAuthor,
}: {
  eventId: string;
  material: string;
  submission: { id: string; version: number; title: string; author: string; body: string; attachments: StoredFile[] } | null;
  defaultAuthor: string;
}) {
  const router = useRouter();
  const intent = useRef<"save" | "submit">("save");
  const [saved, setSaved] = useState<string>();
  const form = useActionForm(saveSubmission, {
    transform: (values) => ({ ...values, eventId, version: submission?.version ?? null, intent: intent.current }),
    onSuccess: () => {
      setSaved(intent.current === "submit" ? `${material}已提交。` : "草稿已保存。");
      router.refresh();
    },
  });
  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} onChange={() => setSaved(undefined)} noValidate className="space-y-3" aria-label={material}>
        {saved && <Notice tone="success">{saved}</Notice>}
        <FormError message={form.formError} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="标题" {...form.frame("title")} required>
            <input {...form.field("title")} defaultValue={submission?.title} className="input" />
          </Field>
          <Field label="作者" {...form.frame("author")} required>
            <input {...form.field("author")} defaultValue={submission?.author ?? defaultAuthor} className="input" />
          </Field>
        </div>
        <Field label="正文" {...form.frame("body")} required>
          <textarea {...form.field("body")} rows={10} defaultValue={submission?.body} className="input" />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" pending={form.pending} onClick={() => (intent.current = "save")}>
            保存草稿
          </Button>
          <Button
            type="submit"
            pending={form.pending}
            onClick={(event) => {
              if (!window.confirm(`提交后不能再修改，确定提交${material}？`)) event.preventDefault();
              else intent.current = "submit";
            }}
          >
            提交{material}
          </Button>
        </div>
      </form>
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-stone-700">附件</h3>
        {submission ? (
          <SubmissionFiles eventId={eventId} submissionId={submission.id} attachments={submission.attachments} editable />
        ) : (
          <p className="text-sm text-stone-500">先保存草稿，再上传附件。</p>
        )}
      </div>
    </div>
  );
}

/** The files of one 交流材料 / 论文; its unit uploads them while the submission is a draft. */
export function SubmissionFiles({
  eventId,
  submissionId,
  attachments,
  editable,
}: {
  eventId: string;
  submissionId: string;
  attachments: StoredFile[];
  editable: boolean;
}) {
  return (
    <FileBox
      files={attachments}
      downloadBase={`/events/${eventId}/attachments`}
      editable={editable}
      upload={uploadEventAttachment}
      remove={removeEventAttachment}
      fields={{ submissionId }}
      inputId="event-attachment"
    />
  );
}

/** 选入汇编 / 不选入 for one submitted material. */
export function SelectButtons({ id, version, state }: { id: string; version: number; state: "SUBMITTED" | "SELECTED" | "NOT_SELECTED" }) {
  const router = useRouter();
  const button = useActionButton(selectSubmission, () => router.refresh());
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {state !== "SELECTED" && (
        <Button type="button" pending={button.pending} onClick={() => void button.run({ id, version, decision: "select" })}>
          选入汇编
        </Button>
      )}
      {state !== "NOT_SELECTED" && (
        <Button type="button" variant="secondary" pending={button.pending} onClick={() => void button.run({ id, version, decision: "reject" })}>
          不选入
        </Button>
      )}
      {button.error && (
        <span role="alert" className="text-sm text-red-600">
          {button.error}
        </span>
      )}
    </span>
  );
}
