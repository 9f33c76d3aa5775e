import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { parseSlotParam } from "@/lib/practice/periods";
import { practiceItemPage, linkedProject } from "@/lib/practice/queries";
import { EXEMPLAR_TYPE_LABELS, REQUIRED_FIELDS } from "@/lib/practice/schemas";
import { PRACTICE_MACHINE } from "@/lib/practice/states";
import { formatDateTime } from "@/lib/time";
import { idSchema } from "@/lib/validation";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { StepBar } from "@/components/ui/step-bar";
import { PracticeBadge } from "@/components/practice/cell-badge";
import { PracticeFiles } from "@/components/practice/item-files";
import { PracticeItemForm } from "@/components/practice/item-form";
import { PracticeReviewForm } from "@/components/practice/review-form";

export const metadata: Metadata = { title: "四个一" };

export default async function PracticeItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string; slot: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission("practice.view");
  const { year: yearText, slot: slotText } = await params;
  const query = await searchParams;
  const year = Number(yearText);
  const slot = parseSlotParam(slotText);
  if (!slot || !Number.isInteger(year) || year < 2000 || year > 2100) notFound();
  const asked = idSchema.safeParse(query.cadre);
  const cadreId = asked.success ? asked.data : user.id;
  const now = new Date();
  const page = await practiceItemPage(user, cadreId, { year, kind: slot.kind, period: slot.period }, now);
  if (!page) return notFoundAudited(user, { entityType: "PracticeItem", id: `${cadreId}/${yearText}/${slotText}` });
  const { item, cadre } = page;
  const own = cadre.id === user.id;
  const editable = own && can(user.roles, "practice.write") && (!item || PRACTICE_MACHINE.available(item.status, ["cadre"]).includes("submit"));
  const content = (item?.content ?? {}) as Record<string, string | null>;
  const status = item?.status ?? "DRAFT";
  // The viewer's next steps: the cadre fills in and submits; the section head reviews what was submitted.
  const next = [
    ...(editable ? [status === "RETURNED" ? "修改后重新提交" : "填写并提交"] : []),
    ...(item && page.reviewable ? PRACTICE_MACHINE.available(item.status, ["head"]).map((name) => PRACTICE_MACHINE.transitions[name].label) : []),
  ];
  return (
    <div>
      <PageHeader
        title={`${cadre.name} · ${year}年${slot.label}`}
        description={
          <>
            {cadre.unit.name} · 截止 {formatDateTime(page.slot.due)} · <PracticeBadge cell={page.slot.cell} late={item?.late} />
          </>
        }
        actions={
          <Link href={own ? `/practice?year=${year}` : `/practice?year=${year}&cadre=${cadre.id}`} className="link text-sm">
            返回年度四个一
          </Link>
        }
      />
      <StepBar
        label="办理进度"
        steps={PRACTICE_MACHINE.progress(status)}
        holder={status === "DRAFT" || status === "RETURNED" ? `${cadre.name}填写并提交` : PRACTICE_MACHINE.states[status].holder}
        next={next.length > 0 && <p>您可以：{next.join("、")}</p>}
        deadline={status === "DRAFT" || status === "RETURNED" ? { label: "提交截止", at: page.slot.due } : null}
      />
      {own && item?.status === "SUBMITTED" && (
        <div className="my-3">
          <Notice tone="success">{item.late ? "已提交，等待科室负责人审核（已过截止时间，记为逾期提交）。" : "已提交，等待科室负责人审核。"}</Notice>
        </div>
      )}
      {item?.reviewComment && (
        <div className="my-3">
          <Notice tone={item.status === "RETURNED" ? "warning" : "info"}>审核意见：{item.reviewComment}</Notice>
        </div>
      )}
      <div className="mt-4">
        {editable ? (
          <PracticeItemForm
            itemKey={{ year, kind: slot.kind, period: slot.period }}
            version={item?.version}
            initial={{ ...Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v ?? ""])), projectId: item?.projectId ?? "" }}
            linked={slot.kind === "EXEMPLAR" ? await linkedProject(item?.projectId ?? null) : null}
          />
        ) : item ? (
          <Card>
            <dl className="space-y-3 text-sm">
              {REQUIRED_FIELDS[slot.kind].map(([field, label]) => (
                <div key={field}>
                  <dt className="font-medium text-stone-700">{label}</dt>
                  <dd className="whitespace-pre-wrap">
                    {field === "exemplarType" && content[field]
                      ? EXEMPLAR_TYPE_LABELS[content[field] as keyof typeof EXEMPLAR_TYPE_LABELS]
                      : (content[field] ?? "")}
                  </dd>
                </div>
              ))}
              {page.linked && (
                <div>
                  <dt className="font-medium text-stone-700">关联项目</dt>
                  <dd>
                    <Link href={`/projects/${page.linked.id}`} className="link">
                      {page.linked.title}
                    </Link>
                  </dd>
                </div>
              )}
              {item.submittedAt && (
                <div className="text-stone-500">
                  <dt className="inline">提交于</dt> <dd className="inline">{formatDateTime(item.submittedAt)}</dd>
                </div>
              )}
            </dl>
          </Card>
        ) : (
          <p className="text-sm text-stone-600">尚未填写。</p>
        )}
      </div>
      {(editable || (item && item.attachments.length > 0)) && (
        <div className="mt-4">
          <Card title="附件">
            <PracticeFiles
              itemKey={{ year, kind: slot.kind, period: slot.period }}
              itemId={item?.id ?? null}
              files={item?.attachments ?? []}
              editable={editable}
              lead={slot.kind === "RESEARCH" ? "调研报告正文、走访记录、照片等" : undefined}
            />
          </Card>
        </div>
      )}
      {item && page.reviewable && item.status === "SUBMITTED" && (
        <div className="mt-4">
          <PracticeReviewForm itemId={item.id} version={item.version} />
        </div>
      )}
    </div>
  );
}
