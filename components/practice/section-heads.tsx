"use client";

import { useRouter } from "next/navigation";
import { setSectionHead } from "@/lib/practice/actions";
import { useActionButton } from "@/components/forms/use-action-form";
import { FormError, Notice } from "@/components/ui/field";

type Section = { id: string; name: string; headId: string | null; users: { id: string; name: string }[] };

/** The admin names each section's head (科室负责人), who reviews its cadres' 四个一. */
export function SectionHeads({ sections }: { sections: Section[] }) {
  const router = useRouter();
  const action = useActionButton(setSectionHead, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormError message={action.error ?? action.fieldErrors.headId?.[0]} />
      {action.data && <Notice tone="success">已保存。</Notice>}
      <ul className="grid gap-2 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.id} className="flex items-center gap-2 text-sm">
            <label htmlFor={`head-${section.id}`} className="w-28 shrink-0">
              {section.name}
            </label>
            <select
              id={`head-${section.id}`}
              defaultValue={section.headId ?? ""}
              className="input"
              aria-label={`${section.name}负责人`}
              onChange={(e) => void action.run({ sectionId: section.id, headId: e.target.value })}
            >
              <option value="">未设置</option>
              {section.users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </div>
  );
}
