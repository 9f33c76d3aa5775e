import type { Metadata } from "next";
import Link from "next/link";
import { diffChars } from "diff";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { getProject, versionPair } from "@/lib/projects/queries";
import { describeSnapshot } from "@/lib/projects/snapshot";
import { formatDateTime } from "@/lib/time";
import { z } from "@/lib/validation";
import { Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "申报书版本比较" };

export default async function VersionPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const user = await requirePermission("projects.view");
  const { id, number } = await params;
  const project = await getProject(user, id);
  const versionNumber = z.coerce.number().int().min(1).max(1000).safeParse(number);
  if (!project || !versionNumber.success) return notFoundAudited(user, { entityType: "ProjectVersion", id: `${id}/${number}` });
  const { current, previous } = await versionPair(project.id, versionNumber.data);
  if (!current) return notFoundAudited(user, { entityType: "ProjectVersion", id: `${id}/${number}` });
  const now = describeSnapshot(current.snapshot);
  const before = previous ? describeSnapshot(previous.snapshot) : null;
  const changed = before ? now.filter((row, index) => row.value !== before[index].value).length : 0;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`第 ${current.number} 版申报书${previous ? `（与第 ${previous.number} 版比较）` : ""}`}
        description={`${project.title} · 提交于 ${formatDateTime(current.submittedAt)} · ${current.submittedBy ?? ""}`}
        actions={
          <span className="flex flex-wrap gap-2">
            <Link href={`/projects/${project.id}/versions/${current.number}/document`} className={buttonClass("secondary")}>
              打印 / 下载申报书
            </Link>
            <Link href={`/projects/${project.id}`} className={buttonClass("secondary")}>
              返回项目
            </Link>
          </span>
        }
      />
      {before && (
        <p className="text-sm text-stone-600">{changed === 0 ? "两版内容相同。" : `共 ${changed} 处改动：新增内容以绿色标出，删去内容以红色删除线标出。`}</p>
      )}
      <Card>
        <dl className="grid gap-x-3 gap-y-3 text-sm sm:grid-cols-[9rem_1fr]">
          {now.map((row, index) => {
            const old = before?.[index].value;
            const differs = before !== null && old !== row.value;
            return (
              <div key={row.label} className="contents" data-changed={differs || undefined}>
                <dt className={differs ? "font-medium text-amber-800" : "text-stone-500"}>
                  {row.label}
                  {differs && "（有改动）"}
                </dt>
                <dd className="whitespace-pre-wrap">
                  {differs
                    ? diffChars(old ?? "", row.value).map((part, i) =>
                        part.added ? (
                          <ins key={i} className="bg-emerald-100 no-underline">
                            {part.value}
                          </ins>
                        ) : part.removed ? (
                          <del key={i} className="bg-red-100 text-red-800">
                            {part.value}
                          </del>
                        ) : (
                          <span key={i}>{part.value}</span>
                        ),
                      )
                    : row.value || "—"}
                </dd>
              </div>
            );
          })}
        </dl>
      </Card>
    </div>
  );
}
