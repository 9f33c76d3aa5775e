// The one role → permission table. Pages, navigation and every server action ask `can`.
import type { Role } from "@/lib/generated/prisma/enums";

const BUSINESS: Role[] = ["COUNTY_ADMIN", "COUNTY_STAFF", "UNIT_USER", "REVIEWER", "LEADER"];
const COUNTY_READERS: Role[] = ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER"];

export const PERMISSIONS = {
  /** See the current year, its windows and one's own unit. */
  "home.view": [...BUSINESS, "SECURITY_ADMIN", "AUDIT_ADMIN"],
  /** Change one's own password. */
  "account.self": [...BUSINESS, "SECURITY_ADMIN", "AUDIT_ADMIN"],
  "years.view": BUSINESS,
  "years.manage": ["COUNTY_ADMIN"],
  /** Read the whole unit tree (units see only themselves). */
  "units.view": [...COUNTY_READERS, "SECURITY_ADMIN"],
  "units.manage": ["COUNTY_ADMIN"],
  /** The list of party-organisation sectors (党组织领域) projects name. */
  "sectors.configure": ["COUNTY_ADMIN"],
  /** The year's work plan (工作要点): county readers every plan, units the published ones. */
  "plan.view": ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER", "UNIT_USER"],
  /** Write, copy, publish and withdraw the plan, its items and item kinds; place topics and projects under programmes. */
  "plan.manage": ["COUNTY_ADMIN"],
  "users.manage": ["SECURITY_ADMIN"],
  /** Leave a suggestion under one's own name and unit (visitors use the public form). */
  "suggestions.submit": BUSINESS,
  "suggestions.view": COUNTY_READERS,
  /** Accept, reply, merge, decline. */
  "suggestions.triage": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** The aspects under each category. */
  "suggestions.configure": ["COUNTY_ADMIN"],
  /** Browse the catalogue: units see published topics, county readers drafts too. */
  "topics.view": BUSINESS,
  /** Draft topics, turn suggestions into topics, amend published ones with a reason. */
  "topics.manage": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** Publish the catalogue, withdraw topics, close claims, award bids. */
  "topics.publish": ["COUNTY_ADMIN"],
  /** Take up, bid for and answer assignments of topics, for one's own unit. */
  "topics.claim": ["UNIT_USER"],
  /** Bid for topics open to individual cadres in one's own name (the department's cadres and the units' cadres); decision 0080. */
  "topics.bidPersonally": ["COUNTY_STAFF", "UNIT_USER"],
  /** Projects: a unit its own, county readers all. */
  "projects.view": ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER", "UNIT_USER"],
  /** Start proposals for one's own unit and see its to-do; writing and carrying them is projects.carry, scoped to the unit. */
  "projects.propose": ["UNIT_USER"],
  /**
   * Carry a project: a unit account its unit's (as projects.propose), and anyone the project it leads after an
   * individual bid, a department cadre included (lib/projects/carrier.ts, decision 0083). Scoped in each query.
   */
  "projects.carry": ["UNIT_USER", "COUNTY_STAFF"],
  /** Pre-check (return for completion), liaisons, start, complete and terminate any project. */
  "projects.manage": ["COUNTY_ADMIN"],
  /** Guidance notes (指导记录) on the projects one is liaison of. */
  "projects.guide": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** Hearings, their agendas, assignments, progress and results; 部务会 decisions. */
  "hearings.view": COUNTY_READERS,
  /** Build hearings, assign reviewers, set the rubric, close hearings, record 部务会 decisions. */
  "hearings.manage": ["COUNTY_ADMIN"],
  /** Score the proposals assigned to oneself, declare conflicts. */
  "hearings.score": ["REVIEWER"],
  /** Quarterly progress reports: a unit its own, county readers the grid of all. */
  "reports.view": ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER", "UNIT_USER"],
  /** Write and submit the quarterly reports of the projects one carries (one's unit's, or the one one leads). */
  "reports.submit": ["UNIT_USER", "COUNTY_STAFF"],
  /** Return or accept reports (the project's liaison, or the admin). */
  "reports.review": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** Hold consultations (会诊) on projects in trouble and record their follow-up. */
  "consultations.manage": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** Inspections (季度督查): county readers all; units the published ones concerning them. */
  "inspections.view": ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER", "UNIT_USER"],
  /** Form teams, pick projects, publish (admin); team members write the report. */
  "inspections.manage": ["COUNTY_ADMIN"],
  "inspections.write": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** Answer the rectification items of one's own unit. */
  "inspections.answer": ["UNIT_USER"],
  /** The year-end campaign (评比表彰): county readers all of it; units their own nominations and breakdowns. */
  "awards.view": ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER", "UNIT_USER"],
  /** Open campaigns, set tiers, quotas, jury and weights, rank, adjust, announce and issue the decision. */
  "awards.manage": ["COUNTY_ADMIN"],
  /** Nominate the projects and people of one's own unit (sections at the 部机关 level, the rest county-wide). */
  "awards.nominate": ["UNIT_USER"],
  /** Investigate and answer objections (异议) to the announced list. */
  "awards.objections": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** Score the nominations of the campaigns one sits on the jury of. */
  "awards.score": ["REVIEWER"],
  /** The case library (案例库) of marked and awarded projects. */
  "cases.view": BUSINESS,
  /** Mark projects 品牌 / 精品 / 示范 and revoke marks. */
  "promotion.mark": ["COUNTY_ADMIN"],
  /** Record that one's own unit adopted a practice (借鉴推广). */
  "adoptions.record": ["UNIT_USER"],
  /** Monthly township meetings (乡镇组织委员例会). */
  "meetings.view": ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER", "UNIT_USER"],
  "meetings.manage": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** 现场会、经验交流会、理论研讨会: county readers all; a unit the events it is invited to (or hosts) once notified. */
  "events.view": ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER", "UNIT_USER"],
  /** Plan events, invite units, print the notice, select materials for the compilation, record minutes, archive. */
  "events.manage": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** Confirm who attends and write, submit and attach the unit's own 交流材料 / 论文. */
  "events.respond": ["UNIT_USER"],
  /** 四个一 of the department's cadres: county readers the grid of all; units outside the department none of it. */
  "practice.view": COUNTY_READERS,
  /** Write and submit one's own 四个一 (the department's cadres). */
  "practice.write": ["COUNTY_STAFF"],
  /** Return or accept 四个一: a section head those of their section, the admin those of the heads (checked in the query). */
  "practice.review": ["COUNTY_STAFF", "COUNTY_ADMIN"],
  /** Name a section's head (科室负责人). */
  "practice.configure": ["COUNTY_ADMIN"],
  /** 调查研究课题: county readers all topics, reports and markings; units outside the department none of it. */
  "research.view": COUNTY_READERS,
  /** Set the year's research topics (title, question, lead, members, due date, area) and the list of areas. */
  "research.manage": ["COUNTY_ADMIN"],
  /** Start a topic and write its report (its lead cadre and members, checked in the query); submit it (the lead). */
  "research.write": ["COUNTY_STAFF"],
  /** Close a topic or return its report: the head of the lead's section, the admin for the heads' own (checked in the query). */
  "research.review": ["COUNTY_STAFF", "COUNTY_ADMIN"],
  /** Mark a closed topic's proposals 采纳 / 部分采纳 / 未采纳: leaders, and the admin on a named leader's behalf. */
  "research.mark": ["LEADER", "COUNTY_ADMIN"],
  /** 盘点销号: a cadre the problems they own or logged, a section head the section's, the admin, leaders and staff outside the sections all (checked in the query). */
  "ledger.view": COUNTY_READERS,
  /** Log, edit and ask to clear (销号) the problems of one's own section: its cadres their own, its head all of them. */
  "ledger.write": ["COUNTY_STAFF"],
  /** Confirm 销号, send a request back, reopen: a section head for the section's problems, the admin for the heads' own. */
  "ledger.confirm": ["COUNTY_STAFF", "COUNTY_ADMIN"],
  /** 组工讲坛, exams and 心得体会: sessions for all county readers; each cadre's figures as for the ledger. */
  "learning.view": COUNTY_READERS,
  /** Record a 组工讲坛 session (the admin, and the department's staff who organise or give it). */
  "learning.sessions": ["COUNTY_ADMIN", "COUNTY_STAFF"],
  /** Sign in at a session on its day and write one's own 心得体会 (the department's cadres). */
  "learning.write": ["COUNTY_STAFF"],
  /** Exams with their pass marks and scores; sign-ins recorded for others (补签). */
  "learning.manage": ["COUNTY_ADMIN"],
  /** One's own in-app notifications. */
  "notifications.read": [...BUSINESS, "SECURITY_ADMIN", "AUDIT_ADMIN"],
  "audit.view": ["AUDIT_ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/** Roles whose reach is the whole county rather than their own unit. */
export const COUNTY_WIDE_ROLES: Role[] = ["COUNTY_ADMIN", "COUNTY_STAFF", "LEADER", "SECURITY_ADMIN"];
export function seesWholeCounty(roles: readonly Role[]): boolean {
  return roles.some((role) => COUNTY_WIDE_ROLES.includes(role));
}
