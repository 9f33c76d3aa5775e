"use client";

import { useRouter } from "next/navigation";
import { arrangeDefence, closeDefence } from "@/lib/topics/person-actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

type Reviewer = { id: string; name: string; unit: string };
type Defence = { version: number; heldAt: string; place: string; reviewerIds: string[]; closed: boolean; scores: number };

/** Arranging the defence (time, place, panel) and ending its scoring. */
export function DefenceAdmin({ topicId, defence, reviewers }: { topicId: string; defence: Defence | null; reviewers: Reviewer[] }) {
  const router = useRouter();
  const form = useActionForm(arrangeDefence, { arrays: ["reviewerIds"], with: { topicId, version: defence?.version }, onSuccess: () => router.refresh() });
  const close = useActionButton(closeDefence, () => router.refresh());
  const errors = form.fieldErrors;
  if (defence?.closed) return <p className="text-sm text-stone-600">答辩评分已结束（共 {defence.scores} 份评分），可以评定中标人。</p>;
  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} noValidate className="max-w-2xl space-y-3" aria-label="安排答辩">
        <FormError message={form.formError} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="答辩时间" {...form.frame("heldAt")} required hint="北京时间">
            <input {...form.field("heldAt")} type="datetime-local" defaultValue={defence?.heldAt ?? ""} className="input" />
          </Field>
          <Field label="答辩地点" {...form.frame("place")} required>
            <input {...form.field("place")} defaultValue={defence?.place ?? ""} className="input" />
          </Field>
        </div>
        <fieldset className="space-y-1" data-field="reviewerIds">
          <legend className="text-sm font-medium">答辩评审专家</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {reviewers.map((reviewer) => (
              <label key={reviewer.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={form.name("reviewerIds")} value={reviewer.id} defaultChecked={defence?.reviewerIds.includes(reviewer.id)} />
                {reviewer.name}（{reviewer.unit}）
              </label>
            ))}
          </div>
          {errors.reviewerIds?.map((message) => (
            <p key={message} role="alert" className="text-sm text-red-600">
              {message}
            </p>
          ))}
        </fieldset>
        <Button type="submit" pending={form.pending}>
          {defence ? "保存答辩安排" : "安排答辩"}
        </Button>
      </form>
      {defence && (
        <div className="space-y-2 border-t border-stone-100 pt-3">
          <p className="text-sm text-stone-600">已收到 {defence.scores} 份评分。评分结束后不能再改分，然后评定中标人。</p>
          <FormError message={close.error} />
          <Button
            type="button"
            variant="secondary"
            pending={close.pending}
            onClick={() => {
              if (!window.confirm("确定结束答辩评分吗？结束后评审专家不能再改分。")) return;
              close.run({ topicId, version: defence.version });
            }}
          >
            结束答辩评分
          </Button>
        </div>
      )}
    </div>
  );
}
