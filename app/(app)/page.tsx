import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { ROLE_LABELS, ALL_ROLES } from "@/lib/auth/roles";
import { getCurrentYear, yearChoice } from "@/lib/years/queries";
import { unitCountsByType } from "@/lib/units/queries";
import { userCounts } from "@/lib/users/queries";
import { auditSummary } from "@/lib/audit/queries";
import { UNIT_TYPE_LABELS, UNIT_TYPES } from "@/lib/units/tree";
import { Card, PageHeader } from "@/components/ui/page";
import { Notice } from "@/components/ui/field";
import { YearWindows } from "@/components/home/year-windows";
import { CountyDashboard } from "@/components/dashboard/county-dashboard";
import { UnitDashboard } from "@/components/dashboard/unit-dashboard";
import { ReviewerDashboard } from "@/components/dashboard/reviewer-dashboard";
import { cadreYear } from "@/lib/practice/queries";
import { CadreTodo, CadreWorkTodo } from "@/components/practice/cadre-todo";
import { cadreWorkTodo } from "@/lib/practice/todo";
import { LedProjects } from "@/components/projects/led-projects";
import { ledProjects } from "@/lib/projects/queries";
import { ledReportsDue } from "@/lib/reports/queries";
import { antivirusState } from "@/lib/health/readiness";
import { AntivirusStatus } from "@/components/shell/antivirus-status";

export const metadata: Metadata = { title: "首页" };

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  const body = (
    <>
      <div className="text-2xl font-semibold text-stone-900">{value}</div>
      <div className="text-sm text-stone-600">{label}</div>
    </>
  );
  return href ? (
    <Link href={href} className="rounded-md border border-stone-200 p-3 hover:border-brand-600">
      {body}
    </Link>
  ) : (
    <div className="rounded-md border border-stone-200 p-3">{body}</div>
  );
}

export default async function HomePage({ searchParams }: { searchParams: Promise<{ password?: string; year?: string }> }) {
  const user = await requirePermission("home.view");
  const { password, year: askedYear } = await searchParams;
  const now = new Date();
  const business = can(user.roles, "years.view");
  // Roles combine: each role's section shows (county readers the county view, units their to-do, reviewers their progress).
  const county = seesWholeCounty(user.roles) && can(user.roles, "projects.view");
  const unit = can(user.roles, "projects.propose");
  const reviewer = can(user.roles, "hearings.score");
  // The system's administrators (管理员, 安全管理员) see whether uploads are scanned: a real ping of clamd.
  const systemAdmin = can(user.roles, "years.manage") || can(user.roles, "users.manage");
  const [year, choice, unitCounts, accounts, audit, antivirus] = await Promise.all([
    business ? getCurrentYear() : null,
    county ? yearChoice(Number(askedYear) || undefined) : null,
    can(user.roles, "units.view") ? unitCountsByType() : null,
    can(user.roles, "users.manage") ? userCounts(now) : null,
    can(user.roles, "audit.view") ? auditSummary(now) : null,
    systemAdmin ? antivirusState() : null,
  ]);
  // A cadre (组工干部 of a section) sees their own 四个一 to-do of the current year.
  const cadre = can(user.roles, "practice.write") && user.unit.type === "SECTION";
  const practiceYear = year?.year ?? new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const practice = cadre ? await cadreYear(user, user.id, practiceYear, now).then((data) => data && { year: practiceYear, slots: data.slots }) : null;
  const work = cadre ? await cadreWorkTodo(user) : null;
  // The projects one leads after an individual bid (a department cadre has no unit dashboard to find them on).
  const led = can(user.roles, "projects.carry") ? await ledProjects(user.id) : [];
  const ledReports = led.some((p) => p.state === "IN_PROGRESS") ? await ledReportsDue(user.id, now) : [];

  return (
    <div className="space-y-4">
      <PageHeader title={`您好，${user.name}`} description={`${user.unit.fullName} · ${user.roles.map((r) => ROLE_LABELS[r]).join("、")}`} />
      {password === "changed" && <Notice tone="success">密码已修改。</Notice>}
      {antivirus && <AntivirusStatus level={antivirus.level} text={antivirus.notice} />}
      {/* Rendered in full on the server (no streaming): once the page shows it hydrates at once, as journeys that click right away expect. */}
      {unit && <UnitDashboard user={user} year={year} now={now} />}
      {reviewer && <ReviewerDashboard user={user} />}
      {county && choice?.year && <CountyDashboard viewer={user} year={choice.year} years={choice.years} now={now} />}
      <div className="grid gap-4 lg:grid-cols-2">
        {business && <YearWindows year={year} now={now} />}
        <Card title="我的单位">
          <p className="text-base font-medium">{user.unit.fullName}</p>
          <p className="text-sm text-stone-600">{UNIT_TYPE_LABELS[user.unit.type]}</p>
        </Card>
        {practice && <CadreTodo year={practice.year} slots={practice.slots} now={now} />}
        {work && <CadreWorkTodo data={work} now={now} />}
        {led.length > 0 && <LedProjects projects={led} reports={ledReports} />}
        {can(user.roles, "suggestions.submit") && (
          <Card title="建言献策">
            <p className="text-sm text-stone-600">围绕干部工作、基层党建、人才工作和组织部门自身建设，欢迎提出意见建议。</p>
            <Link href="/suggest" className="link mt-2 inline-block text-sm">
              我要建言 →
            </Link>
          </Card>
        )}
        {unitCounts && (
          <Card title="单位概况">
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {UNIT_TYPES.filter((type) => unitCounts[type]).map((type) => (
                <Stat key={type} label={UNIT_TYPE_LABELS[type]} value={unitCounts[type] ?? 0} href={`/units?type=${type}`} />
              ))}
            </div>
          </Card>
        )}
        {accounts && (
          <Card title="账户概况">
            <div className="grid grid-cols-3 gap-2">
              <Stat label="启用账户" value={accounts.active} href="/users" />
              <Stat label="已停用" value={accounts.inactive} href="/users?status=inactive" />
              <Stat label="锁定中" value={accounts.locked} href="/users?status=locked" />
            </div>
            <ul className="mt-3 grid grid-cols-2 gap-1 text-sm text-stone-700">
              {ALL_ROLES.map((role) => (
                <li key={role}>
                  {ROLE_LABELS[role]}：{accounts.byRole[role] ?? 0}
                </li>
              ))}
            </ul>
          </Card>
        )}
        {audit && (
          <Card title="最近 24 小时">
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              <Stat label="登录成功" value={audit["auth.login"] ?? 0} href="/audit?action=auth.login" />
              <Stat label="登录失败" value={audit["auth.login_failed"] ?? 0} href="/audit?action=auth.login_failed" />
              <Stat label="账户锁定" value={audit["auth.locked"] ?? 0} href="/audit?action=auth.locked" />
              <Stat label="越权访问" value={audit["access.denied"] ?? 0} href="/audit?action=access.denied" />
            </div>
          </Card>
        )}
      </div>
    </div>
  );
}
