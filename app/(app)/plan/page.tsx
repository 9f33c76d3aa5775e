import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { can, seesWholeCounty } from "@/lib/auth/permissions";
import { copySource, planForYear, planKinds, sectionOptions } from "@/lib/plan/queries";
import { buildTree, planShape } from "@/lib/plan/rules";
import { PLAN_MACHINE } from "@/lib/plan/states";
import { planPageSchema } from "@/lib/plan/schemas";
import { yearChoice } from "@/lib/years/queries";
import { formatDate } from "@/lib/time";
import { Card, FilterBar, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { StepBar } from "@/components/ui/step-bar";
import { YearSelect } from "@/components/years/year-select";
import { PlanTree } from "@/components/plan/plan-tree";
import { AddItemForm, ItemControls, PlanStatusButton, StartPlan, ThemeForm } from "@/components/plan/plan-editor";

export const metadata: Metadata = { title: "年度工作要点" };

export default async function PlanPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("plan.view");
  const filter = planPageSchema.parse(await searchParams);
  const { years, year } = await yearChoice(filter.year);
  if (!year) return <p>尚未设置年度。</p>;
  const manage = can(user.roles, "plan.manage");
  const county = seesWholeCounty(user.roles);
  const [plan, kinds, sections, source] = await Promise.all([
    planForYear(user, year.id),
    manage ? planKinds() : Promise.resolve([]),
    manage ? sectionOptions() : Promise.resolve([]),
    manage ? copySource(year.year) : Promise.resolve(null),
  ]);
  const tree = plan ? buildTree(plan.items) : [];
  const shape = plan
    ? planShape(
        plan.items.map((item) => ({ ...item, kindName: item.kind.name })),
        kinds.length > 0 ? kinds : uniqueKinds(plan.items),
      )
    : "";
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${year.year} 年度组织工作要点`}
        description={plan ? `主题：${plan.theme}${shape ? `　｜　${shape}` : ""}` : "每年的工作主题和工作要点：主线、突破、工作、工程……创新项目归入其中的工程"}
        actions={
          <div className="flex flex-wrap gap-2">
            {plan && (
              <Link href={`/plan/document?year=${year.year}`} className={buttonClass("secondary")}>
                打印《组织工作要点》
              </Link>
            )}
            {manage && (
              <Link href="/plan/kinds" className={buttonClass("secondary")}>
                条目类型设置
              </Link>
            )}
          </div>
        }
      />
      <FilterBar>
        <YearSelect years={years} selected={year.year} />
      </FilterBar>
      {!plan && !manage && <p className="text-sm text-stone-600">{year.year} 年度工作要点尚未印发。</p>}
      {!plan && manage && (
        <Card title={`新建 ${year.year} 年度工作要点`}>
          <StartPlan yearId={year.id} year={year.year} copyFrom={source?.year.year ?? null} />
        </Card>
      )}
      {plan && (
        <>
          {county && (
            <StepBar
              label="工作要点进程"
              steps={PLAN_MACHINE.progress(plan.status)}
              holder={PLAN_MACHINE.states[plan.status].holder}
              next={
                manage ? (
                  <div className="flex flex-wrap items-center gap-3">
                    {plan.publishedAt && <span className="text-sm text-stone-600">印发于 {formatDate(plan.publishedAt)}</span>}
                    <PlanStatusButton plan={{ id: plan.id, version: plan.version }} transition={plan.status === "DRAFT" ? "publish" : "withdraw"} />
                  </div>
                ) : undefined
              }
            />
          )}
          {manage && (
            <Card title="主题与总体要求">
              <ThemeForm plan={plan} />
            </Card>
          )}
          {!manage && plan.preamble && (
            <Card>
              <p className="whitespace-pre-line text-sm">{plan.preamble}</p>
            </Card>
          )}
          <section aria-label="工作要点条目" className="space-y-3">
            {tree.length === 0 && <p className="text-sm text-stone-600">还没有条目。</p>}
            <PlanTree
              nodes={tree}
              year={county ? year.year : undefined}
              controls={
                manage
                  ? (node, index, siblings) => (
                      <ItemControls
                        item={{
                          id: node.id,
                          version: node.version,
                          planId: plan.id,
                          kindId: node.kindId,
                          title: node.title,
                          goals: node.goals,
                          sectionId: node.sectionId,
                          first: index === 0,
                          last: index === siblings - 1,
                        }}
                        kinds={kinds}
                        sections={sections}
                      />
                    )
                  : undefined
              }
            />
            {manage && <AddItemForm planId={plan.id} parentId={null} kinds={kinds} sections={sections} label="添加一级条目" />}
          </section>
        </>
      )}
    </div>
  );
}

function uniqueKinds(items: { kind: { name: string } }[]) {
  return [...new Set(items.map((item) => item.kind.name))].map((name) => ({ name }));
}
