"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { reviewPractice } from "@/lib/practice/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** The section head's decision: accept, or return with a comment. */
export function PracticeReviewForm({ itemId, version }: { itemId: string; version: number }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const action = useActionButton(reviewPractice, () => router.refresh());
  return (
    <div className="max-w-3xl space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <FormError message={action.error} />
      <Field label="审核意见（退回时必填）" {...action.frame("comment")}>
        <textarea id="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className="input" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={action.pending} onClick={() => void action.run({ itemId, version, accept: true, comment })}>
          认可
        </Button>
        <Button type="button" variant="secondary" pending={action.pending} onClick={() => void action.run({ itemId, version, accept: false, comment })}>
          退回
        </Button>
      </div>
    </div>
  );
}
