"use client";

import { useRouter } from "next/navigation";
import { createProject } from "@/lib/projects/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** Starts a proposal (blank, or from a topic the unit took up) and opens it for writing. */
export function NewProjectButton({
  yearId,
  topicId,
  label,
  variant = "primary",
}: {
  yearId: string;
  topicId?: string;
  label: string;
  variant?: "primary" | "secondary";
}) {
  const router = useRouter();
  const action = useActionButton(createProject, (data) => router.push(`/projects/${(data as { id: string }).id}/edit`));
  return (
    <span className="inline-flex flex-col gap-1">
      <Button type="button" variant={variant} pending={action.pending} onClick={() => action.run({ yearId, topicId })}>
        {label}
      </Button>
      <FormError message={action.error} />
    </span>
  );
}
