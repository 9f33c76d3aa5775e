// The learning and ledger figures on a cadre's year page (四个一), for viewers who may read that cadre's records.
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session-store";
import { learningRecordFor, mayReadCadre } from "@/lib/learning/queries";
import { formatRate } from "@/lib/learning/rules";
import { ledgerRecordFor } from "@/lib/ledger/queries";
import { formatDate } from "@/lib/time";
import { Card } from "@/components/ui/page";

export async function CadreLearning({ viewer, cadreId, yearId, now }: { viewer: CurrentUser; cadreId: string; yearId: string; now: Date }) {
  if (!can(viewer.roles, "learning.view") || !(await mayReadCadre(viewer, cadreId))) return null;
  const [learning, ledger] = await Promise.all([learningRecordFor([cadreId], yearId, now), ledgerRecordFor([cadreId], yearId, now)]);
  const record = learning.get(cadreId)!;
  const problems = ledger.get(cadreId)!;
  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-2">
      <Card title="学习情况（组工讲坛、业务考试、心得体会）">
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="cadre-learning">
          <div>
            <dt className="text-stone-600">讲坛出勤</dt>
            <dd className="text-lg font-semibold">
              {record.attended} / {record.sessionsHeld}
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">出勤率</dt>
            <dd className="text-lg font-semibold">{formatRate(record.attendanceRate)}</dd>
          </div>
          <div>
            <dt className="text-stone-600">考试及格 / 参加</dt>
            <dd className="text-lg font-semibold">
              {record.examsPassed} / {record.examsTaken}
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">心得体会</dt>
            <dd className="text-lg font-semibold">{record.reflections} 篇</dd>
          </div>
        </dl>
        {record.exams.length > 0 && (
          <ul className="mt-3 space-y-1 text-sm">
            {record.exams.map((exam) => (
              <li key={exam.examId}>
                {formatDate(exam.heldOn)} {exam.title}：{exam.score} 分
                {exam.passed ? "" : <span className="text-red-700">（不及格，及格线 {exam.passMark}）</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="盘点销号">
        <p className="text-sm">
          负责遗留问题 {problems.owned} 个，未销号 {problems.open} 个
          {problems.overdue > 0 && <span className="text-red-700">（逾期 {problems.overdue} 个）</span>}，本年度销号 {problems.clearedInYear} 个。
        </p>
        <Link href="/ledger" className="link mt-2 inline-block text-sm">
          查看台账 →
        </Link>
      </Card>
    </div>
  );
}
