// The county dashboard (管理员, 组工干部, 县委领导): read-only pictures of the year; every number links to its list.
import { countyFigures } from "@/lib/dashboard/queries";
import { formatPercent } from "@/lib/dashboard/rates";
import { PROJECT_STATES, STATE_LABELS } from "@/lib/projects/catalog";
import { PROJECT_MACHINE } from "@/lib/projects/states";
import { stateShades } from "@/lib/states/colors";
import { CATEGORY_LABELS } from "@/lib/suggestions/categories";
import { FOCUS_LABELS, TIER_LABELS, TOPIC_FOCUSES, TOPIC_TIERS } from "@/lib/topics/vocabulary";
import { UNIT_TYPE_LABELS } from "@/lib/units/tree";
import { QUARTER_LABELS } from "@/lib/reports/quarters";
import { formatDateTime } from "@/lib/time";
import { Card, DataTable, EmptyRow, FoldToggle } from "@/components/ui/page";
import { YearSelect } from "@/components/years/year-select";
import { buttonClass } from "@/components/ui/button";
import { BarChart, MiniBars, NumberList, StackedBar, type ChartItem } from "@/components/dashboard/charts";
import type { ProjectState, SuggestionCategory } from "@/lib/generated/prisma/enums";
import { practicePanel } from "@/lib/dashboard/practice";
import type { Reader } from "@/lib/learning/reach";
import { PracticePanel, type AdoptionFigure } from "@/components/dashboard/practice-panel";
import { ledgerBySection } from "@/lib/ledger/queries";
import { researchAdoptionForYear } from "@/lib/research/queries";

/** Each project state's chart colour, from its tone in the project table. */
const SHADES = stateShades(PROJECT_MACHINE);
const STATE_COLORS = Object.fromEntries(PROJECT_STATES.map((s) => [s, SHADES[s].hex])) as Record<ProjectState, string>;

/** The part of a township's approved projects neither under way nor completed. */
const MIX_APPROVED = `${STATE_LABELS.APPROVED}未实施或${STATE_LABELS.TERMINATED}`;

const CATEGORIES = Object.keys(CATEGORY_LABELS) as SuggestionCategory[];
const UNIT_TYPES = ["TOWNSHIP", "DEPARTMENT", "SECTION", "COUNTY"] as const;

export const ON_TIME_DEFINITION =
  "按时报送率 = 截止时间已过的季度中，按时报送（截止前提交，含已通过和退回修改）的季度报告数 ÷ 应报数。应报：该季度内任一时间处于实施中的项目各报一份；截止时间为年度安排中的“进展报送”截止时间，未设置时为季度结束后第 10 日 24 时（北京时间）。未到截止时间的季度不计入。";

function Key({ label, value, href, hint }: { label: string; value: string | number; href?: string; hint?: string }) {
  return (
    <div className="rounded-md border border-stone-200 p-3">
      <div className="text-2xl font-semibold text-stone-900">
        {href ? (
          <a href={href} className="hover:text-brand-700 hover:underline" aria-label={`${label} ${value}`}>
            {value}
          </a>
        ) : (
          value
        )}
      </div>
      <div className="text-sm text-stone-600">{label}</div>
      {hint && <div className="text-xs text-stone-500">{hint}</div>}
    </div>
  );
}

export async function CountyDashboard({
  viewer,
  year,
  years,
  now,
  adoption,
}: {
  /** Who looks: the 四个一 panel names late cadres only to readers of every cadre. */
  viewer: Reader;
  year: { id: string; year: number };
  years: { id: string; year: number }[];
  now: Date;
  /** 调研成果采纳率 for the 四个一 panel, from the research module (not shown when absent). */
  adoption?: AdoptionFigure;
}) {
  const allYears = years.map((y) => y.year);
  const recent = [...allYears]
    .sort((a, b) => a - b)
    .filter((y) => y <= year.year)
    .slice(-6);
  // The project tables' figures are kept between requests and read again when they change (decision 0105).
  const [{ states, dims, flow, rates, behind, townships, history, programmes }, practice, ledger, research] = await Promise.all([
    countyFigures(year, allYears, recent, now),
    practicePanel(viewer, year.year, now),
    ledgerBySection(now),
    adoption ? null : researchAdoptionForYear(year.id),
  ]);
  const adoptionShown: AdoptionFigure | undefined =
    adoption ??
    (research && research.topics > 0
      ? {
          rate: research.rate === null ? null : Math.round(research.rate * 100),
          hint: `${research.topics} 项调查研究课题，已标记对策建议 ${research.tally.adopted + research.tally.partly + research.tally.notAdopted} 条`,
          href: `/research?year=${year.year}`,
        }
      : undefined);
  const Y = year.year;
  const list = (params: Record<string, string>) => `/projects?${new URLSearchParams({ year: String(Y), ...params }).toString()}`;
  const thisYear = rates.years.find((r) => r.year === Y);

  const stateItems: ChartItem[] = PROJECT_STATES.filter((s) => states[s]).map((s) => ({
    label: STATE_LABELS[s],
    value: states[s] ?? 0,
    href: list({ state: s }),
    color: STATE_COLORS[s],
  }));
  const flowItems: ChartItem[] = [
    { label: "已发布选题", value: flow.topics, href: `/topics?year=${Y}&phase=published` },
    { label: "单位认领", value: flow.claims, href: `/topics?year=${Y}&phase=published` },
    { label: "项目申报", value: flow.proposals, href: list({}) },
    { label: "立项", value: flow.approved, href: list({ stage: "approved" }) },
    { label: "结项", value: flow.completed, href: list({ state: "COMPLETED" }) },
  ];
  const dimension = (title: string, items: ChartItem[]) => (
    <div>
      <h3 className="text-sm font-medium text-stone-700">{title}</h3>
      <BarChart title={`${Y}年度项目按${title}`} items={items} />
      <NumberList label={`${title}（点击数字查看项目）`} items={items} />
    </div>
  );
  const none = (count: number | undefined) => (count ? [{ label: "未填写", value: count }] : []);
  // Quarters before their deadline have no rate yet: the chart shows only closed ones.
  const rateItems: ChartItem[] = (thisYear?.quarters ?? []).filter((q) => q.closed).map((q) => ({ label: QUARTER_LABELS[q.quarter], value: q.rate ?? 0 }));

  return (
    <section aria-labelledby="county-dashboard" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="county-dashboard" className="text-lg font-semibold text-stone-900">
          全县概览 · {Y} 年度
        </h2>
        <form className="flex items-end gap-2" aria-label="选择年度">
          <YearSelect years={years} selected={Y} />
          <button type="submit" className={buttonClass("secondary")}>
            查看
          </button>
        </form>
      </div>

      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Key label="申报项目" value={flow.proposals} href={list({})} />
        <Key label="已立项" value={flow.approved} href={list({ stage: "approved" })} hint="含实施、结项、终止" />
        <Key label={STATE_LABELS.IN_PROGRESS} value={states.IN_PROGRESS ?? 0} href={list({ state: "IN_PROGRESS" })} />
        <Key label={STATE_LABELS.COMPLETED} value={flow.completed} href={list({ state: "COMPLETED" })} />
        <Key label="节点滞后项目" value={behind.total} href={`/reports?year=${Y}&lagging=1`} />
        <Key
          label="按时报送率"
          value={formatPercent(thisYear?.rate ?? null)}
          href={`/reports?year=${Y}`}
          hint={thisYear ? `${thisYear.onTime}/${thisYear.due} 份` : undefined}
        />
      </div>

      <Card title="盘点销号 · 部机关遗留问题">
        {ledger.length === 0 ? (
          <p className="text-sm text-stone-600">各科室没有未销号的遗留问题。</p>
        ) : (
          <div className="space-y-2" data-testid="ledger-panel">
            <p className="text-sm">
              未销号 {ledger.reduce((n, r) => n + r.open + r.pending, 0)} 个，其中逾期{" "}
              <a
                href="/ledger?view=overdue"
                className="font-semibold text-red-700 hover:underline"
                aria-label={`逾期遗留问题 ${ledger.reduce((n, r) => n + r.overdue, 0)}`}
              >
                {ledger.reduce((n, r) => n + r.overdue, 0)}
              </a>{" "}
              个（在办或重新打开、已过目标销号日期）
            </p>
            <DataTable headers={["科室", "在办", "待确认销号", "逾期"]}>
              {ledger.map((row) => (
                <tr key={row.sectionId}>
                  <td className="whitespace-nowrap">
                    <a href={`/ledger?section=${row.sectionId}`} className="link">
                      {row.name}
                    </a>
                  </td>
                  <td>{row.open}</td>
                  <td>{row.pending}</td>
                  <td className={row.overdue > 0 ? "font-semibold text-red-700" : ""}>{row.overdue}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="项目状态">
          {stateItems.length === 0 ? (
            <p className="text-sm text-stone-600">本年度还没有申报的项目。</p>
          ) : (
            <>
              <StackedBar title={`${Y}年度项目按状态`} items={stateItems} width={400} height={24} />
              <NumberList label="各状态项目数（点击数字查看项目）" items={stateItems} keyed />
            </>
          )}
        </Card>
        <Card title="推进过程：选题 → 申报 → 立项 → 结项">
          <BarChart title={`${Y}年度推进过程`} items={flowItems} />
          <NumberList label="推进过程各环节数（点击数字查看清单）" items={flowItems} />
          <p className="mt-1 text-xs text-stone-500">其中据参考选题申报 {flow.fromTopics} 个；“立项”含立项后实施、结项和终止的项目。</p>
        </Card>
      </div>

      {programmes.length > 0 && (
        <Card title="各项工程推进情况">
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="各项工程">
            {programmes.map((programme) => {
              const items: ChartItem[] = PROJECT_STATES.filter((s) => programme.byState[s]).map((s) => ({
                label: STATE_LABELS[s],
                value: programme.byState[s] ?? 0,
                href: list({ programme: programme.id ?? "none", state: s }),
                color: STATE_COLORS[s],
              }));
              return (
                <li key={programme.id ?? "none"} className="min-w-0 rounded-md border border-stone-200 p-3" aria-label={programme.title}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-medium text-stone-900">{programme.title}</h3>
                    <a href={list({ programme: programme.id ?? "none" })} className="link text-sm" aria-label={`${programme.title}项目 ${programme.total}`}>
                      {programme.total} 个项目
                    </a>
                  </div>
                  {items.length > 0 && (
                    <>
                      <StackedBar title={`${programme.title}各状态项目数`} items={items} width={260} height={14} />
                      <p className="mt-1 text-xs text-stone-600">
                        {items.map((item, index) => (
                          <span key={item.label}>
                            {index > 0 && " · "}
                            <a href={item.href} className="hover:underline">
                              {item.label} {item.value}
                            </a>
                          </span>
                        ))}
                      </p>
                    </>
                  )}
                  <p className="mt-1 text-sm">
                    按时报送率：{programme.due > 0 ? `${formatPercent(programme.rate)}（${programme.onTime}/${programme.due} 份）` : "暂无应报"}
                  </p>
                  {programme.lagging.length > 0 ? (
                    <div className="mt-1 text-sm">
                      <span className="text-red-700">节点滞后 {programme.lagging.length} 个：</span>
                      <ul className="ml-4 list-disc">
                        {programme.lagging.slice(0, 5).map((item) => (
                          <li key={item.id}>
                            <a href={`/projects/${item.id}`} className="link">
                              {item.title}
                            </a>
                            <span className="text-xs text-stone-500">
                              （{item.unitName}，滞后 {item.lagging} 个节点）
                            </span>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : (
                    <p className="mt-1 text-sm text-stone-500">无节点滞后项目</p>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="mt-2 text-xs text-stone-500">工程来自本年度工作要点；按时报送率和节点滞后的口径与下方“季度按时报送率”“节点滞后项目”相同。</p>
        </Card>
      )}

      <Card title="项目分布">
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {dimension("类别", [
            ...CATEGORIES.filter((c) => dims.category[c]).map((c) => ({
              label: CATEGORY_LABELS[c],
              value: dims.category[c] ?? 0,
              href: list({ category: c }),
            })),
            ...none(dims.category.NONE),
          ])}
          {dimension("着眼领域", [
            ...TOPIC_FOCUSES.filter((f) => dims.focus[f]).map((f) => ({ label: FOCUS_LABELS[f], value: dims.focus[f] ?? 0, href: list({ focus: f }) })),
            ...none(dims.focus.NONE),
          ])}
          {dimension("目标层次", [
            ...TOPIC_TIERS.filter((t) => dims.tier[t]).map((t) => ({ label: TIER_LABELS[t], value: dims.tier[t] ?? 0, href: list({ tier: t }) })),
            ...none(dims.tier.NONE),
          ])}
          {dimension(
            "单位类型",
            UNIT_TYPES.filter((t) => dims.unitType[t]).map((t) => ({ label: UNIT_TYPE_LABELS[t], value: dims.unitType[t] ?? 0, href: list({ unitType: t }) })),
          )}
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="季度按时报送率" className="min-w-0">
          <BarChart title={`${Y}年各季度按时报送率`} items={rateItems} unit="%" max={100} format={(v) => `${v}%`} />
          <DataTable headers={["季度", "截止时间", "应报", "按时", "逾期报送", "逾期未报", "按时率"]}>
            {(thisYear?.quarters ?? []).map((q) => (
              <tr key={q.quarter}>
                <td className="whitespace-nowrap">{QUARTER_LABELS[q.quarter]}</td>
                <td className="whitespace-nowrap">{formatDateTime(q.deadline)}</td>
                <td>
                  <a href={`/reports?year=${Y}`} className="link" aria-label={`${QUARTER_LABELS[q.quarter]}应报 ${q.due}`}>
                    {q.due}
                  </a>
                </td>
                <td>{q.onTime}</td>
                <td>{q.late}</td>
                <td>{q.closed ? q.missing : ""}</td>
                <td className="whitespace-nowrap">{q.closed ? formatPercent(q.rate) : "未到期"}</td>
              </tr>
            ))}
          </DataTable>
          <p className="mt-2 text-xs text-stone-500">{ON_TIME_DEFINITION}</p>
        </Card>
        <Card title="节点滞后项目" className="min-w-0">
          <p className="text-sm">
            实施中、有节点已过期而最近一次报告未标记完成的项目共{" "}
            <a href={`/reports?year=${Y}&lagging=1`} className="link font-semibold" aria-label={`节点滞后项目 ${behind.total}`}>
              {behind.total}
            </a>{" "}
            个。
          </p>
          {behind.items.length > 0 && (
            <ul className="fold-list mt-2 divide-y divide-stone-100 text-sm" aria-label="节点滞后项目">
              {behind.items.map((item) => (
                <li key={item.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <a href={`/projects/${item.id}`} className="link">
                    {item.title}
                  </a>
                  <span className="text-stone-600">
                    {item.unitName} · 滞后 {item.lagging} 个节点
                  </span>
                </li>
              ))}
            </ul>
          )}
          <FoldToggle total={behind.items.length} />
          <p className="mt-2 text-xs text-stone-500">与“季度报告”表格的滞后标记同一规则；可在“季度督查”中一次选入全部滞后项目。</p>
        </Card>
      </div>

      <PracticePanel data={practice} adoption={adoptionShown} />

      <Card title="乡镇一览">
        <DataTable
          headers={[
            "乡镇",
            "申报",
            "立项",
            STATE_LABELS.IN_PROGRESS,
            STATE_LABELS.COMPLETED,
            "节点滞后",
            "按时报送率",
            "项目构成",
            `历年申报（${recent[0] ?? Y}–${Y}）`,
          ]}
          fold
        >
          {townships.length === 0 && <EmptyRow colSpan={9} />}
          {townships.map((t) => {
            const rate = rates.byUnit.get(t.id);
            const late = behind.byUnit.get(t.id) ?? 0;
            const mix: ChartItem[] = [
              { label: STATE_LABELS.COMPLETED, value: t.completed, color: STATE_COLORS.COMPLETED },
              { label: STATE_LABELS.IN_PROGRESS, value: t.inProgress, color: STATE_COLORS.IN_PROGRESS },
              { label: MIX_APPROVED, value: t.approved - t.inProgress - t.completed, color: STATE_COLORS.APPROVED },
              { label: "未立项", value: t.other, color: "#d6d3d1" },
            ];
            const cell = (value: number, params: Record<string, string>, what: string) =>
              value > 0 ? (
                <a href={list({ unitId: t.id, ...params })} className="link" aria-label={`${t.name}${what} ${value}`}>
                  {value}
                </a>
              ) : (
                <span className="text-stone-500">0</span>
              );
            return (
              <tr key={t.id} data-testid="township-row">
                <td className="whitespace-nowrap">{t.name}</td>
                <td>{cell(t.proposals, {}, "申报")}</td>
                <td>{cell(t.approved, { stage: "approved" }, "立项")}</td>
                <td>{cell(t.inProgress, { state: "IN_PROGRESS" }, STATE_LABELS.IN_PROGRESS)}</td>
                <td>{cell(t.completed, { state: "COMPLETED" }, STATE_LABELS.COMPLETED)}</td>
                <td>
                  {late > 0 ? (
                    <a
                      href={`/reports?${new URLSearchParams({ year: String(Y), lagging: "1", q: t.name })}`}
                      className="link text-red-700"
                      aria-label={`${t.name}节点滞后 ${late}`}
                    >
                      {late}
                    </a>
                  ) : (
                    <span className="text-stone-500">0</span>
                  )}
                </td>
                <td className="whitespace-nowrap">{rate && rate.due > 0 ? `${formatPercent(rate.rate)}（${rate.onTime}/${rate.due}）` : "—"}</td>
                <td className="min-w-28">{t.proposals > 0 ? <StackedBar title={`${t.name}${Y}年度项目构成`} items={mix} width={120} height={12} /> : null}</td>
                <td>
                  <MiniBars title={`${t.name}历年申报项目数`} items={recent.map((y, i) => ({ label: `${y}年`, value: t.perYear[i] ?? 0 }))} />
                </td>
              </tr>
            );
          })}
        </DataTable>
        <FoldToggle total={townships.length} />
        <p className="mt-2 text-xs text-stone-500">
          项目构成：{SHADES.COMPLETED.name}
          {STATE_LABELS.COMPLETED}、{SHADES.IN_PROGRESS.name}
          {STATE_LABELS.IN_PROGRESS}、{SHADES.APPROVED.name}
          {MIX_APPROVED}、灰色未立项；历年申报中红色为所选年度。
        </p>
      </Card>

      <Card title="历年对比">
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart
            title="历年申报项目数"
            items={history.map((h) => ({ label: `${h.year}年`, value: h.proposals, color: h.year === Y ? "#b91c1c" : "#a8a29e" }))}
          />
          <DataTable headers={["年度", "申报", "立项", "结项", "按时报送率"]}>
            {history.map((h) => {
              const rate = rates.years.find((r) => r.year === h.year);
              const link = (value: number, params: Record<string, string>, what: string) => (
                <a href={`/projects?${new URLSearchParams({ year: String(h.year), ...params })}`} className="link" aria-label={`${h.year}年${what} ${value}`}>
                  {value}
                </a>
              );
              return (
                <tr key={h.year} className={h.year === Y ? "bg-amber-50" : undefined}>
                  <td className="whitespace-nowrap">{h.year}</td>
                  <td>{link(h.proposals, {}, "申报")}</td>
                  <td>{link(h.approved, { stage: "approved" }, "立项")}</td>
                  <td>{link(h.completed, { state: "COMPLETED" }, "结项")}</td>
                  <td className="whitespace-nowrap">
                    {rate && rate.due > 0 ? (
                      <a href={`/reports?year=${h.year}`} className="link">
                        {formatPercent(rate.rate)}（{rate.onTime}/{rate.due}）
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </div>
      </Card>
    </section>
  );
}
