import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { notFoundAudited } from "@/lib/auth/refused-read";
import { can } from "@/lib/auth/permissions";
import { examPage } from "@/lib/learning/queries";
import { passed } from "@/lib/learning/rules";
import { formatDate } from "@/lib/time";
import { idSchema } from "@/lib/validation";
import { Badge, Card, DataTable, EmptyRow, PageHeader } from "@/components/ui/page";
import { ScoreSheet } from "@/components/learning/exam-forms";

export const metadata: Metadata = { title: "业务考试" };

export default async function ExamPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("learning.view");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const manage = can(user.roles, "learning.manage");
  const page = await examPage(user, id.data, manage);
  if (!page) return notFoundAudited(user, { entityType: "Exam", id: id.data });
  const { exam } = page;
  return (
    <div className="space-y-4">
      <PageHeader
        title={exam.title}
        description={`${formatDate(exam.heldOn)} · 满分 ${exam.fullMark} · 及格 ${exam.passMark}`}
        actions={
          <Link href="/learning/exams" className="link text-sm">
            返回业务考试
          </Link>
        }
      />
      <DataTable headers={["组工干部", "科室", "成绩", ""]}>
        {page.results.length === 0 && <EmptyRow colSpan={4}>暂无可查看的成绩</EmptyRow>}
        {page.results.map((r) => (
          <tr key={r.user.id} data-testid="result-row">
            <td className="whitespace-nowrap">{r.user.name}</td>
            <td className="whitespace-nowrap">{r.user.unit.name}</td>
            <td>{r.score}</td>
            <td>{passed(r.score, exam.passMark) ? <Badge tone="green">及格</Badge> : <Badge tone="red">不及格</Badge>}</td>
          </tr>
        ))}
      </DataTable>
      {manage && (
        <Card title="录入成绩（未参加的留空）">
          <ScoreSheet
            examId={exam.id}
            passMark={exam.passMark}
            rows={page.cadres.map((c) => ({ id: c.id, name: c.name, unit: c.unit.name, score: c.examResults[0] ? String(c.examResults[0].score) : "" }))}
          />
        </Card>
      )}
    </div>
  );
}
