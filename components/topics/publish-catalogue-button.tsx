"use client";

import { useRouter } from "next/navigation";
import { publishCatalogue } from "@/lib/topics/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormError, Notice } from "@/components/ui/field";

export function PublishCatalogueButton({ yearId, year, drafts }: { yearId: string; year: number; drafts: number }) {
  const router = useRouter();
  const action = useActionButton(publishCatalogue, () => router.refresh());
  return (
    <div className="mb-3 space-y-2">
      <Notice tone="warning">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span>
            {year} 年度有 {drafts} 个选题草稿尚未发布。发布后所有单位可见，并在站内通知各单位。
          </span>
          <Button
            type="button"
            pending={action.pending}
            onClick={() => {
              if (!window.confirm(`确定发布 ${year} 年度的 ${drafts} 个选题吗？发布后只能凭理由修改或撤回。`)) return;
              action.run({ yearId, expected: drafts });
            }}
          >
            发布参考选题（{drafts} 个）
          </Button>
        </div>
      </Notice>
      <FormError message={action.error} />
    </div>
  );
}
