// Writing proposals and moving projects through their states; shared by the actions, the hearing module and the demo.
import "server-only";
import { type RunSql, sqlQuery, type Tx, viaTx } from "@/lib/db/client";
import { Prisma, type ProjectState } from "@/lib/generated/prisma/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyAdmins, notifyCarriers, notifyUsers } from "@/lib/notifications/service";
import { type Carrier, carriedWhere } from "@/lib/projects/carrier";
import { formatDateTime } from "@/lib/time";
import { EDITABLE_STATES, STATE_LABELS } from "@/lib/projects/catalog";
import { proposalProblems } from "@/lib/projects/completeness";
import { proposalOf } from "@/lib/projects/proposal";
import { nextProjectCode } from "@/lib/projects/code";
import { milestoneDate, type ProposalFields } from "@/lib/projects/schemas";
import { TRANSITIONS, transitionProblem, type TransitionActor, type TransitionName } from "@/lib/projects/states";
import { TAKEN_UP } from "@/lib/topics/rules";
import { setProjectSectors } from "@/lib/sectors/service";
import { sectorLabel } from "@/lib/sectors/label";
import { checkProgramme } from "@/lib/plan/service";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };

/** A new draft for the unit, blank or filled from a topic the unit has taken up. */
export async function createProjectRecord(tx: Tx, input: { yearId: string; topicId?: string }, unitId: string, by: By) {
  const year = await tx.year.findUnique({ where: { id: input.yearId } });
  if (!year) throw new NotFoundError("年度不存在");
  let fromTopic: Partial<Prisma.ProjectUncheckedCreateInput> = {};
  if (input.topicId) {
    const topic = await tx.topic.findFirst({ where: { id: input.topicId, status: "PUBLISHED", claims: { some: { unitId, status: { in: TAKEN_UP } } } } });
    if (!topic) throw new ActionError("只能据本单位已认领、中标或接受发包的选题申报");
    const existing = await tx.project.findFirst({ where: { topicId: topic.id, unitId }, select: { id: true } });
    if (existing) return { id: existing.id, existed: true };
    fromTopic = {
      topicId: topic.id,
      yearId: topic.yearId,
      title: topic.title,
      category: topic.category,
      focus: topic.focus,
      tier: topic.tier,
      problem: topic.description,
      // A project taking up a topic sits under the topic's programme (the unit may change it in its draft).
      programmeId: topic.programmeId,
    };
  }
  const project = await tx.project.create({ data: { yearId: year.id, unitId, title: "", createdById: by.actor.id, createdAt: by.now, ...fromTopic } });
  await tx.projectEvent.create({
    data: {
      projectId: project.id,
      kind: "create",
      toState: "DRAFT",
      note: input.topicId ? "据参考选题创建" : null,
      actorId: by.actor.id,
      actorName: by.actor.name,
      at: by.now,
    },
  });
  await writeAudit(
    { actor: by.actor, action: "project.create", entityType: "Project", entityId: project.id, summary: project.title || "（未命名）", ip: by.ip },
    tx,
  );
  return { id: project.id, existed: false };
}

function proposalData(fields: ProposalFields) {
  const { milestones, selfAssessment, sectorIds, programmeId, ...rest } = fields;
  // No programme in the fields is "under no programme" (a cleared choice), never "leave as it was".
  return { data: { ...rest, selfAssessment, programmeId: programmeId ?? null }, milestones: milestones.filter((m) => m.title || m.dueDate), sectorIds };
}

/** What an autosave checks and compares against, read in one statement (draftForSave). */
type DraftRow = {
  state: ProjectState;
  version: number;
  programmeId: string | null;
  yearId: string;
  sectorIds: string[];
  milestones: { sortOrder: number; title: string; due: number | null }[];
};

/**
 * The carrier's project with its sectors and milestones: the autosave's reads in one statement instead of four
 * (issue 17). Locked (`lock`) inside the transaction of saveDraftRecord: a save that waited for the lock sees the
 * other's new version and is refused, so the sectors and milestones it read are those of the version it saves over.
 */
async function draftRow(run: RunSql, id: string, carrier: Carrier, lock: boolean): Promise<DraftRow> {
  const [row] = await run<DraftRow>(Prisma.sql`
    SELECT p."state"::text AS "state", p."version", p."programmeId", p."yearId",
           ARRAY(SELECT s."sectorId" FROM "ProjectSector" s WHERE s."projectId" = p."id") AS "sectorIds",
           coalesce((SELECT jsonb_agg(jsonb_build_object('sortOrder', m."sortOrder", 'title', m."title",
                                                         'due', (extract(epoch FROM m."dueDate") * 1000)::bigint) ORDER BY m."sortOrder")
                       FROM "ProjectMilestone" m WHERE m."projectId" = p."id"), '[]'::jsonb) AS "milestones"
      FROM "Project" p
     WHERE p."id" = ${id} AND (p."unitId" = ${carrier.unitId} OR p."leadUserId" = ${carrier.leadUserId})
     ${lock ? Prisma.sql`FOR UPDATE OF p` : Prisma.empty}`);
  if (!row) throw new NotFoundError("项目不存在");
  return row;
}

const DRAFT_CHANGED = "该申报书已在别处修改（可能是同事或另一个窗口），请刷新页面后再改；本页未保存的内容请先复制留存";

/** What a save may not do, the same for both ways of saving below. */
function draftProblem(project: DraftRow, version: number) {
  if (!EDITABLE_STATES.includes(project.state)) throw new ActionError(`“${STATE_LABELS[project.state]}”的申报书不能修改`);
  if (project.version !== version) throw new ActionError(DRAFT_CHANGED);
}

const storedMilestones = (project: DraftRow): StoredMilestone[] =>
  project.milestones.map((m) => ({ sortOrder: m.sortOrder, title: m.title, dueDate: m.due === null ? null : new Date(Number(m.due)) }));

/** Saves what the unit typed. Optimistic locking: a save based on an older version is refused, never merged. */
export async function saveDraftRecord(tx: Tx, input: ProposalFields & { id: string; version: number }, carrier: Carrier, _by: By) {
  const { id, version, ...fields } = input;
  const project = await draftRow(viaTx(tx), id, carrier, true);
  draftProblem(project, version);
  const { data, milestones, sectorIds } = proposalData(fields);
  // A unit picks from its year's published plan; a programme already on the project (placed by the admin) may stay.
  if (data.programmeId !== project.programmeId) await checkProgramme(tx, data.programmeId, project.yearId, true);
  await tx.project.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  await setProjectSectors(tx, id, sectorIds, project.sectorIds);
  await replaceMilestones(tx, id, milestones, storedMilestones(project));
  return { version: version + 1 };
}

type DraftData = ReturnType<typeof proposalData>["data"];

/** Each field of the proposal as its column: a field added to the form does not compile here until it is written. */
const DRAFT_COLUMNS: { [K in keyof DraftData]-?: (value: DraftData[K]) => Prisma.Sql } = {
  title: (v) => Prisma.sql`"title" = ${v}::text`,
  leaderName: (v) => Prisma.sql`"leaderName" = ${v}::text`,
  leaderContact: (v) => Prisma.sql`"leaderContact" = ${v}::text`,
  category: (v) => Prisma.sql`"category" = ${v}::"SuggestionCategory"`,
  focus: (v) => Prisma.sql`"focus" = ${v}::"TopicFocus"`,
  tier: (v) => Prisma.sql`"tier" = ${v}::"TopicTier"`,
  problem: (v) => Prisma.sql`"problem" = ${v}::text`,
  innovationKinds: (v) => Prisma.sql`"innovationKinds" = ${v}::"InnovationKind"[]`,
  methods: (v) => Prisma.sql`"methods" = ${v}::"TenMethod"[]`,
  goals: (v) => Prisma.sql`"goals" = ${v}::text`,
  measures: (v) => Prisma.sql`"measures" = ${v}::text`,
  expectedResults: (v) => Prisma.sql`"expectedResults" = ${v}::text`,
  inputPeople: (v) => Prisma.sql`"inputPeople" = ${v}::text`,
  inputMoney: (v) => Prisma.sql`"inputMoney" = ${v}::text`,
  inputMaterials: (v) => Prisma.sql`"inputMaterials" = ${v}::text`,
  selfAssessment: (v) => Prisma.sql`"selfAssessment" = ${JSON.stringify(v)}::jsonb`,
  programmeId: (v) => Prisma.sql`"programmeId" = ${v}::text`,
};

/**
 * The autosave's usual case — the texts changed, the sectors, milestones and programme did not — as one UPDATE that
 * checks the version, the state and the carrier itself: one atomic statement, no transaction, not compiled by Prisma
 * (decision 0113). Null when the sectors, milestones or programme changed: the caller saves through saveDraftRecord.
 */
export async function saveDraftFields(input: ProposalFields & { id: string; version: number }, carrier: Carrier): Promise<{ version: number } | null> {
  const { id, version, ...fields } = input;
  const project = await draftRow(sqlQuery, id, carrier, false);
  draftProblem(project, version);
  const { data, milestones, sectorIds } = proposalData(fields);
  const sameSectors = new Set(sectorIds).size === project.sectorIds.length && sectorIds.every((sectorId) => project.sectorIds.includes(sectorId));
  if (!sameSectors || !sameMilestones(storedMilestones(project), wantedMilestones(id, milestones)) || data.programmeId !== project.programmeId) return null;
  const sets = (Object.keys(DRAFT_COLUMNS) as (keyof DraftData)[]).map((key) => (DRAFT_COLUMNS[key] as (value: unknown) => Prisma.Sql)(data[key]));
  const [saved] = await sqlQuery<{ version: number }>(Prisma.sql`
    UPDATE "Project" p SET ${Prisma.join(sets, ", ")}, "version" = p."version" + 1, "updatedAt" = ${new Date()}::timestamptz(3)
     WHERE p."id" = ${id} AND (p."unitId" = ${carrier.unitId} OR p."leadUserId" = ${carrier.leadUserId})
       AND p."version" = ${version}::int AND p."state"::text = ANY(${[...EDITABLE_STATES]}::text[])
    RETURNING p."version"`);
  // Saved by another between the read and the update (or moved out of an editable state): refused, as above.
  if (!saved) throw new ActionError(DRAFT_CHANGED);
  return { version: saved.version };
}

type StoredMilestone = { sortOrder: number; title: string; dueDate: Date | null };

const wantedMilestones = (projectId: string, milestones: { title: string; dueDate: string }[]) =>
  milestones.map((m, index) => ({ projectId, sortOrder: index, title: m.title, dueDate: milestoneDate(m.dueDate) }));

function sameMilestones(stored: StoredMilestone[], wanted: ReturnType<typeof wantedMilestones>) {
  return (
    stored.length === wanted.length &&
    stored.every((row, index) => row.sortOrder === index && row.title === wanted[index].title && row.dueDate?.getTime() === wanted[index].dueDate?.getTime())
  );
}

/**
 * The milestones as typed, in order. An autosave sends them every time though they rarely change: compared with
 * what is stored first (read here, or passed in when the caller read them already), they are rewritten only when
 * they differ (issue 17: cheap writes).
 */
async function replaceMilestones(tx: Tx, projectId: string, milestones: { title: string; dueDate: string }[], known?: StoredMilestone[]) {
  const wanted = wantedMilestones(projectId, milestones);
  const stored =
    known ??
    (await tx.projectMilestone.findMany({
      where: { projectId },
      orderBy: { sortOrder: "asc" },
      select: { sortOrder: true, title: true, dueDate: true },
    }));
  if (sameMilestones(stored, wanted)) return;
  await tx.projectMilestone.deleteMany({ where: { projectId } });
  if (wanted.length > 0) await tx.projectMilestone.createMany({ data: wanted });
}

/** The proposal as submitted, for the version history and its comparison. */
async function snapshot(tx: Tx, projectId: string) {
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    include: {
      milestones: { orderBy: { sortOrder: "asc" } },
      attachments: { where: { reportId: null }, orderBy: { createdAt: "asc" }, select: { fileName: true } },
      sectors: { select: { sectorId: true, sector: { select: { name: true, grouping: true } } }, orderBy: { sector: { sortOrder: "asc" } } },
      programme: { select: { title: true } },
    },
  });
  return {
    ...proposalOf(project),
    programmeName: project.programme?.title ?? "",
    sectorNames: project.sectors.map((s) => sectorLabel(s.sector)),
    attachments: project.attachments.map((a) => a.fileName),
  };
}

export type ProposalSnapshot = Awaited<ReturnType<typeof snapshot>>;

/** The proposal window of the project's year, checked against the server clock. */
async function proposalWindowProblem(tx: Tx, yearId: string, now: Date) {
  const window = await tx.yearWindow.findUnique({ where: { yearId_kind: { yearId, kind: "PROPOSAL" } } });
  if (!window) return null;
  if (window.startsAt && now < window.startsAt) return `申报尚未开始（${formatDateTime(window.startsAt)} 起）`;
  if (now >= window.endsAt) return `申报已于 ${formatDateTime(window.endsAt)} 截止`;
  return null;
}

type TransitionInput = {
  id: string;
  version: number;
  transition: TransitionName;
  reason?: string | null;
  summary?: string | null;
  /** Words recorded with a transition that needs none (the 部务会's opinion on a decision). */
  note?: string | null;
};

/**
 * The next 项目编号 (立项编号) of the year, given when the 部务会 approves a project (decision 0077). Approvals of one
 * year queue on a transaction lock from here to their commit, so it is taken last; the unique key would refuse a
 * duplicate anyway. Not at submission: the units' rush before the deadline would queue on it.
 */
async function newProjectCode(tx: Tx, yearId: string, year: number): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`project-code:${yearId}`}))`;
  const [highest] = await tx.$queryRaw<{ code: string | null }[]>`
    SELECT "code" FROM "Project" WHERE "yearId" = ${yearId} AND "code" IS NOT NULL ORDER BY length("code") DESC, "code" DESC LIMIT 1`;
  return nextProjectCode(year, highest?.code ? [highest.code] : []);
}

/**
 * Moves a project along one transition of the table, after checking who acts, the state, the version
 * and what the transition needs; writes the timeline, the audit log and the notices.
 */
export async function transitionProjectRecord(tx: Tx, input: TransitionInput, actor: { kind: TransitionActor; carrier?: Carrier }, by: By) {
  const now = by.now ?? new Date();
  await tx.$queryRaw`SELECT 1 FROM "Project" WHERE "id" = ${input.id} FOR UPDATE`;
  // The unit side acts only on what it carries; no carrier given carries nothing.
  const scope = actor.kind === "unit" ? carriedWhere(actor.carrier ?? { unitId: null, leadUserId: null }) : {};
  const project = await tx.project.findFirst({ where: { AND: [{ id: input.id }, scope] }, include: { year: true } });
  if (!project) throw new NotFoundError("项目不存在");
  const transition = TRANSITIONS[input.transition];
  // A double click arrives after the first click already moved the project: say so plainly.
  if (project.state === transition.to && project.version === input.version + 1) throw new ActionError(`已经${transition.label}，无需重复操作`);
  const problem = transitionProblem(input.transition, project.state, actor.kind);
  if (problem) throw new ActionError(problem);
  if (project.version !== input.version) throw new ActionError(STALE_RECORD);
  const needs: { field: "reason" | "summary"; label: string } | undefined = "needs" in transition ? transition.needs : undefined;
  const text = needs ? input[needs.field] : null;
  if (needs && !text) throw new FieldError(needs.field, `请填写${needs.label}`);

  const extra: Prisma.ProjectUpdateInput = {};
  let versionNumber: number | null = null;
  if (input.transition === "submit" || input.transition === "resubmit") {
    const problems = proposalProblems(await proposalFieldsOf(tx, project.id));
    if (Object.keys(problems).length > 0)
      throw new ActionError(`申报书尚不完整：${Object.values(problems).slice(0, 3).join("；")}${Object.keys(problems).length > 3 ? " 等" : ""}`);
    // A first submission keeps to the year's window; a proposal returned for completion may come back later.
    if (input.transition === "submit") {
      const late = await proposalWindowProblem(tx, project.yearId, now);
      if (late) throw new ActionError(late);
    }
    versionNumber = (await tx.projectVersion.count({ where: { projectId: project.id } })) + 1;
    await tx.projectVersion.create({
      data: { projectId: project.id, number: versionNumber, snapshot: await snapshot(tx, project.id), submittedAt: now, submittedBy: by.actor.name },
    });
    extra.submittedAt = now;
  }
  if (input.transition === "complete") extra.finalSummary = text;
  if (input.transition === "start") extra.startedAt = now;
  if (input.transition === "complete" || input.transition === "terminate") extra.endedAt = now;

  await tx.project.update({ where: { id: project.id }, data: { ...extra, state: transition.to, version: { increment: 1 } } });
  const from: ProjectState = project.state;
  await tx.projectEvent.create({
    data: {
      projectId: project.id,
      kind: input.transition,
      fromState: from,
      toState: transition.to,
      note: text ?? input.note ?? (versionNumber ? `第 ${versionNumber} 版申报书` : null),
      actorId: by.actor.id,
      actorName: by.actor.name,
      at: now,
    },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: transition.audit,
      entityType: "Project",
      entityId: project.id,
      summary: `${project.title}：${STATE_LABELS[from]} → ${STATE_LABELS[transition.to]}（${transition.label}）`,
      details: text ? { text } : undefined,
      ip: by.ip,
    },
    tx,
  );
  const link = `/projects/${project.id}`;
  if (actor.kind === "unit") {
    if (input.transition === "submit" || input.transition === "resubmit") {
      await notifyAdmins(tx, {
        kind: "project.submitted",
        title: `新的申报：${project.title}`,
        body: input.transition === "resubmit" ? "补充修改后重新提交" : null,
        link,
      });
    }
  } else {
    await notifyCarriers(tx, project, {
      kind: transition.to === "RETURNED" ? "project.returned" : "project.transition",
      title: `项目“${project.title}”${transition.label}`,
      body: text ?? input.note ?? null,
      link,
    });
  }
  if (project.liaisonId && actor.kind === "unit")
    await notifyUsers(tx, [project.liaisonId], { kind: "project.transition", title: `联系项目“${project.title}”${transition.label}`, link });
  // Last, so that the lock on the year's numbering is held for as short a time as possible.
  if (input.transition === "approve" && !project.code)
    await tx.project.update({ where: { id: project.id }, data: { code: await newProjectCode(tx, project.yearId, project.year.year) } });
  return { state: transition.to, versionNumber };
}

async function proposalFieldsOf(tx: Tx, projectId: string): Promise<ProposalFields> {
  return proposalOf(
    await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      include: { milestones: { orderBy: { sortOrder: "asc" } }, sectors: { select: { sectorId: true } } },
    }),
  );
}

export async function assignLiaisonRecord(tx: Tx, input: { id: string; version: number; liaisonId: string | null }, by: By) {
  const project = await tx.project.findUnique({ where: { id: input.id } });
  if (!project) throw new NotFoundError("项目不存在");
  if (project.version !== input.version) throw new ActionError(STALE_RECORD);
  const liaison = input.liaisonId
    ? await tx.user.findFirst({ where: { id: input.liaisonId, active: true, roles: { hasSome: ["COUNTY_STAFF", "COUNTY_ADMIN"] } } })
    : null;
  if (input.liaisonId && !liaison) throw new FieldError("liaisonId", "联系人须是在岗的组工干部");
  await tx.project.update({ where: { id: project.id }, data: { liaisonId: liaison?.id ?? null, version: { increment: 1 } } });
  await tx.projectEvent.create({
    data: {
      projectId: project.id,
      kind: "liaison",
      note: liaison ? `联系人：${liaison.name}` : "取消联系人",
      actorId: by.actor.id,
      actorName: by.actor.name,
      at: by.now,
    },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "project.liaison",
      entityType: "Project",
      entityId: project.id,
      summary: `${project.title}：${liaison?.name ?? "无联系人"}`,
      ip: by.ip,
    },
    tx,
  );
  if (liaison)
    await notifyUsers(tx, [liaison.id], { kind: "project.liaison", title: `您被指定为项目“${project.title}”的联系人`, link: `/projects/${project.id}` });
}

/** 指导记录: only the project's liaison (or the admin) writes them. */
export async function addGuidanceNoteRecord(tx: Tx, input: { projectId: string; content: string }, by: By & { isAdmin: boolean }) {
  const project = await tx.project.findUnique({ where: { id: input.projectId } });
  if (!project) throw new NotFoundError("项目不存在");
  if (project.liaisonId !== by.actor.id && !by.isAdmin) throw new ActionError("只有该项目的联系人可以填写指导记录");
  const note = await tx.guidanceNote.create({
    data: { projectId: project.id, authorId: by.actor.id, authorName: by.actor.name, content: input.content, at: by.now },
  });
  await writeAudit({ actor: by.actor, action: "project.note", entityType: "Project", entityId: project.id, summary: project.title, ip: by.ip }, tx);
  await notifyCarriers(tx, project, {
    kind: "project.note",
    title: `联系人对“${project.title}”有新的指导意见`,
    body: input.content.slice(0, 200),
    link: `/projects/${project.id}`,
  });
  return note;
}
