"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useRef, useState } from "react";
import {
  addAgendaItems,
  assignReviewer,
  autoAssignReviewers,
  closeHearing,
  remindReviewers,
  removeAgendaItem,
  setHearingReviewers,
  unassignReviewer,
} from "@/lib/hearings/actions";
import { useActionButton, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Notice } from "@/components/ui/field";

type Option = { id: string; label: string };

export function AgendaForm({ hearingId, projects }: { hearingId: string; projects: Option[] }) {
  const router = useRouter();
  const form = useActionForm(addAgendaItems, {
    arrays: ["projectIds"],
    with: { hearingId },
    onSuccess: () => router.refresh(),
  });
  if (projects.length === 0) return <p className="text-sm text-stone-500">本年度没有待列入听证的“已申报”项目。</p>;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2" data-field="projectIds">
      <FormError message={form.formError} />
      <fieldset className="max-h-56 space-y-1 overflow-y-auto rounded border border-stone-200 p-2 text-sm">
        <legend className="sr-only">已申报的项目</legend>
        {projects.map((project) => (
          <label key={project.id} className="flex items-center gap-2">
            <input type="checkbox" name={form.name("projectIds")} value={project.id} />
            {project.label}
          </label>
        ))}
      </fieldset>
      {form.fieldErrors.projectIds?.map((message) => (
        <p key={message} role="alert" className="text-sm text-red-600">
          {message}
        </p>
      ))}
      <Button type="submit" pending={form.pending}>
        列入议程
      </Button>
    </form>
  );
}

export function RemoveItemButton({ itemId, title }: { itemId: string; title: string }) {
  const router = useRouter();
  const action = useActionButton(removeAgendaItem, () => router.refresh());
  return (
    <span>
      <button
        type="button"
        className="text-xs text-red-700 hover:underline"
        disabled={action.pending}
        onClick={() => window.confirm(`把“${title}”移出议程？`) && action.run({ itemId })}
      >
        移出议程
      </button>
      {action.error && (
        <span role="alert" className="ml-2 text-xs text-red-600">
          {action.error}
        </span>
      )}
    </span>
  );
}

export function ReviewersForm({ hearing, reviewers, chosen }: { hearing: { id: string; version: number }; reviewers: Option[]; chosen: string[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useActionForm(setHearingReviewers, {
    arrays: ["userIds"],
    with: { hearingId: hearing.id, version: hearing.version },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2" data-field="userIds" onChange={() => setSaved(false)}>
      <FormError message={form.formError} />
      {saved && <Notice tone="success">已保存。</Notice>}
      <fieldset className="grid gap-1 text-sm sm:grid-cols-2">
        <legend className="sr-only">评审专家</legend>
        {reviewers.map((reviewer) => (
          <label key={reviewer.id} className="flex items-center gap-2">
            <input type="checkbox" name={form.name("userIds")} value={reviewer.id} defaultChecked={chosen.includes(reviewer.id)} />
            {reviewer.label}
          </label>
        ))}
      </fieldset>
      {form.fieldErrors.userIds?.map((message) => (
        <p key={message} role="alert" className="text-sm text-red-600">
          {message}
        </p>
      ))}
      <Button type="submit" variant="secondary" pending={form.pending}>
        保存评审专家
      </Button>
    </form>
  );
}

export function AutoAssignForm({ hearingId }: { hearingId: string }) {
  const router = useRouter();
  const form = useActionForm(autoAssignReviewers, { with: { hearingId }, onSuccess: () => router.refresh() });
  const result = form.data as { added: number; short: { title: string; missing: number }[] } | undefined;
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-2">
      <FormError message={form.formError} />
      <div className="flex flex-wrap items-end gap-2">
        <Field label="每个项目的评审人数" {...form.frame("perProposal")}>
          <input {...form.field("perProposal")} type="number" min={1} max={50} defaultValue={3} className="input w-24" />
        </Field>
        <Button type="submit" pending={form.pending}>
          自动分配
        </Button>
      </div>
      <p className="text-xs text-stone-500">按各专家已分配数量均衡分配；与申报单位同单位或上下级的专家、已声明回避的专家不会被分配。</p>
      {result && (
        <Notice tone={result.short.length > 0 ? "warning" : "success"}>
          新分配 {result.added} 项。
          {result.short.map((s) => `“${s.title}”还差 ${s.missing} 人`).join("；")}
        </Notice>
      )}
    </form>
  );
}

// The hearing's seated reviewers, sent to the browser once for the whole agenda page rather than once per item
// (a hearing with 200 reviewers and 30 items made a 1.2 MB page).
const SeatOptions = createContext<Option[]>([]);

export function SeatOptionsProvider({ options, children }: { options: Option[]; children: ReactNode }) {
  return <SeatOptions.Provider value={options}>{children}</SeatOptions.Provider>;
}

/** Assigns one more seated reviewer to an item; `assigned` are the reviewers it has already. */
export function ManualAssign({ itemId, assigned }: { itemId: string; assigned: string[] }) {
  const router = useRouter();
  const select = useRef<HTMLSelectElement>(null);
  const action = useActionButton(assignReviewer, () => router.refresh());
  const reviewers = useContext(SeatOptions).filter((option) => !assigned.includes(option.id));
  if (reviewers.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-field={`assign-${itemId}`}>
      <select ref={select} aria-label="手动分配评审专家" className="input w-44 py-1">
        <option value="">手动分配…</option>
        {reviewers.map((reviewer) => (
          <option key={reviewer.id} value={reviewer.id}>
            {reviewer.label}
          </option>
        ))}
      </select>
      <Button
        type="button"
        variant="secondary"
        className="py-1"
        pending={action.pending}
        onClick={() => action.run({ itemId, reviewerId: select.current?.value ?? "" })}
      >
        分配
      </Button>
      {[action.error, ...(action.fieldErrors.reviewerId ?? [])].filter(Boolean).map((message) => (
        <span key={message} role="alert" className="text-xs text-red-600">
          {message}
        </span>
      ))}
    </div>
  );
}

export function UnassignButton({ assignmentId, name }: { assignmentId: string; name: string }) {
  const router = useRouter();
  const action = useActionButton(unassignReviewer, () => router.refresh());
  return (
    <button
      type="button"
      aria-label={`取消${name}的分配`}
      title={action.error ?? "取消分配"}
      className="ml-1 text-xs text-stone-500 hover:text-red-700"
      onClick={() => action.run({ assignmentId })}
    >
      ✕
      {action.error && (
        <span role="alert" className="ml-1 text-red-600">
          {action.error}
        </span>
      )}
    </button>
  );
}

export function HearingButtons({ hearing }: { hearing: { id: string; version: number } }) {
  const router = useRouter();
  const remind = useActionButton(remindReviewers);
  const close = useActionButton(closeHearing, () => router.refresh());
  const reminded = remind.data as { reminded: number } | undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" pending={remind.pending} onClick={() => remind.run({ hearingId: hearing.id })}>
          提醒未完成评分的专家
        </Button>
        <Button
          type="button"
          variant="danger"
          pending={close.pending}
          onClick={() => window.confirm("结束后评分不能再提交或修改。确定结束评分？") && close.run({ id: hearing.id, version: hearing.version })}
        >
          结束评分
        </Button>
      </div>
      {reminded && <Notice tone="success">已提醒 {reminded.reminded} 名专家。</Notice>}
      <FormError message={remind.error ?? close.error} />
    </div>
  );
}
