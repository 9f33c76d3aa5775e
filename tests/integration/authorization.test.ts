// Every server action and every route handler, found from the code rather than from a hand-kept list, is refused
// to visitors and to the roles the permission table leaves out; unit users cannot reach another unit's records.
// A new action or route is covered the moment it exists, and one without readable metadata fails the test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { PERMISSIONS, can, type Permission } from "@/lib/auth/permissions";
import { Role } from "@/lib/generated/prisma/enums";
import { DOCUMENTS } from "@/lib/documents/registry";
import { DOCUMENT_TYPES } from "@/lib/documents/model";
import { createYearRecord } from "@/lib/years/service";
import { createProjectRecord } from "@/lib/projects/service";
import { addAttachmentRecord } from "@/lib/projects/attachments";
import { addPracticeAttachmentRecord } from "@/lib/practice/service";
import { addEventAttachmentRecord, createEventRecord, publishEventRecord, saveSubmissionRecord } from "@/lib/events/service";
import { DEFAULT_WEIGHTS } from "@/lib/awards/ranking";
import { toDateTimeLocal } from "@/lib/time";
import { actAs, makeCounty, makeUnit, makeUser, signOutTestUser } from "./support/fixtures";
import { sessionHandle } from "@/lib/account/sessions";
import { addLedgerAttachmentRecord } from "@/lib/ledger/service";
import { testSession } from "./support/session";
import { unitCarrier } from "@/lib/projects/carrier";

// The middleware names the action it is about to check (noteRequest) before it looks at the caller: recording that
// name proves, at run time, that an exported function really is an action of ours and that the metadata read from
// the source text is the metadata it runs with.
const noted = vi.hoisted(() => ({ names: [] as string[] }));
vi.mock("@/lib/log", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/log")>();
  return {
    ...real,
    noteRequest: (fields: { action?: string; userId?: string }) => {
      if (fields.action) noted.names.push(fields.action);
      real.noteRequest(fields);
    },
  };
});

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "authz-uploads-"));

const ROOT = path.resolve(import.meta.dirname, "../..");
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
      walk(full, keep, out);
    } else if (keep(full)) out.push(full);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding the actions

type ActionMeta = {
  file: string;
  exportName: string;
  client: "actionClient" | "publicActionClient";
  name: string;
  permission: string;
  hasInput: boolean;
  /** The record ids its input names (id, …Id, …Ids, a session handle), read from the schema's source: see schemaText. */
  recordKeys: string[];
};

const ACTION_DEFINITION = /\b(actionClient|publicActionClient)\s*\.\s*metadata\s*\(/;

/** Every file under lib/, app/ and components/ that is a "use server" module or defines actions with our clients. */
function actionFiles(): string[] {
  const sources = ["lib", "app", "components"].flatMap((dir) => walk(path.join(ROOT, dir), (f) => /\.(ts|tsx)$/.test(f)));
  return sources
    .filter((file) => rel(file) !== "lib/actions/client.ts")
    .filter((file) => {
      const text = fs.readFileSync(file, "utf8");
      return /^\s*["']use server["']/m.test(text) || ACTION_DEFINITION.test(text);
    })
    .sort();
}

/** The text inside the balanced parentheses that open at `open` (the index of "("). */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The file an import specifier of this repository names ("@/lib/x", "./x"); null for a package. */
function moduleFile(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => fs.existsSync(f)) ?? null;
}

/** The right-hand side of a top-level `const NAME = …` in a file, up to the next top-level statement. */
function definition(text: string, name: string): string | null {
  const m = new RegExp(`^(?:export\\s+)?const\\s+${name}\\b[^=]*=`, "m").exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  const end = /\n(?=\S)/.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

/**
 * The source text of a schema expression together with the definitions of every name it uses, followed through
 * the file's own constants and its imports from this repository (`updateX = xFields.extend(…)`, `...itemKey`, a
 * FormData schema's `.pipe(z.object({ projectId: idSchema … }))`). Read as text, so a schema kept out of the module's
 * exports is read too.
 */
function schemaText(file: string, expression: string, seen = new Set<string>()): string {
  let out = expression;
  const text = fs.readFileSync(file, "utf8");
  for (const [identifier] of expression.matchAll(/\b[A-Za-z_]\w*\b/g)) {
    if (identifier === "z" || seen.has(`${file}:${identifier}`)) continue;
    seen.add(`${file}:${identifier}`);
    const local = definition(text, identifier);
    if (local !== null) {
      out += `\n${schemaText(file, local, seen)}`;
      continue;
    }
    const imported = new RegExp(`import\\s*(?:type\\s*)?\\{[^}]*\\b${identifier}\\b[^}]*\\}\\s*from\\s*"([^"]+)"`).exec(text);
    const target = imported && moduleFile(file, imported[1]);
    const there = target && definition(fs.readFileSync(target, "utf8"), identifier);
    if (target && there) out += `\n${schemaText(target, there, seen)}`;
  }
  return out;
}

/** The keys of a schema's text that name records: id, …Id, …Ids (a cuid each), and a session's handle. */
const recordKeysOf = (schema: string) => [...new Set([...schema.matchAll(/(?:^|[\s{,(])(id|handle|[a-z]\w*Ids?)\s*:/g)].map((m) => m[1]))];

function objectField(literal: string, field: string): string | undefined {
  return new RegExp(`\\b${field}\\s*:\\s*"([^"]*)"`).exec(literal)?.[1];
}

/**
 * Reads `export const X = actionClient.metadata({ name: "…", permission: "…" })`, and the one helper pattern in use,
 * `const manage = (name: string) => actionClient.metadata({ name, permission: "…" })` with `export const X = manage("…")`.
 * Anything else comes back without a name or permission, which fails the test: extend the parser, don't skip.
 */
function parseActions(file: string): { metas: ActionMeta[]; unreadable: string[] } {
  const text = fs.readFileSync(file, "utf8");
  const helpers = new Map<string, { client: ActionMeta["client"]; permission?: string }>();
  for (const m of text.matchAll(
    /const\s+(\w+)\s*=\s*\(\s*name\s*:\s*string\s*\)\s*=>\s*(actionClient|publicActionClient)\s*\.\s*metadata\s*\(\s*(\{[^}]*\})\s*\)/g,
  )) {
    helpers.set(m[1], { client: m[2] as ActionMeta["client"], permission: objectField(m[3], "permission") });
  }
  const exports = [...text.matchAll(/^export\s+const\s+(\w+)\s*=/gm)];
  const metas: ActionMeta[] = [];
  const unreadable: string[] = [];
  exports.forEach((m, i) => {
    const body = text.slice(m.index! + m[0].length, i + 1 < exports.length ? exports[i + 1].index : text.length);
    const schemaAt = /\.\s*inputSchema\s*\(/.exec(body.split(/\.\s*action\s*\(/)[0]);
    const hasInput = schemaAt !== null;
    const recordKeys = schemaAt ? recordKeysOf(schemaText(file, balanced(body, schemaAt.index + schemaAt[0].length - 1))) : [];
    const direct = /^\s*(actionClient|publicActionClient)\s*\.\s*metadata\s*\(\s*(\{[^}]*\})\s*\)/.exec(body);
    const viaHelper = /^\s*(\w+)\s*\(\s*"([^"]*)"\s*\)/.exec(body);
    let meta: ActionMeta | null = null;
    if (direct) {
      const name = objectField(direct[2], "name");
      const permission = objectField(direct[2], "permission");
      if (name && permission) meta = { file: rel(file), exportName: m[1], client: direct[1] as ActionMeta["client"], name, permission, hasInput, recordKeys };
    } else if (viaHelper && helpers.has(viaHelper[1])) {
      const helper = helpers.get(viaHelper[1])!;
      if (helper.permission)
        meta = { file: rel(file), exportName: m[1], client: helper.client, name: viaHelper[2], permission: helper.permission, hasInput, recordKeys };
    }
    if (meta) metas.push(meta);
    else unreadable.push(`${rel(file)}: ${m[1]}`);
  });
  return { metas, unreadable };
}

type Found = ActionMeta & { fn: (input?: unknown) => Promise<{ data?: unknown; serverError?: string; validationErrors?: unknown } | undefined> };

// Each refused call is checked for its audit row: the loops take a while on a busy machine (hence 180 s).
// Well below today's 91 actions, far above what a broken glob or parser would find.
const MIN_ACTIONS = 80;
// The actions open to visitors, deliberately: the suggestion box (and its fresh question) and the objection form.
const KNOWN_PUBLIC_ACTIONS = [
  "lib/awards/actions.ts: raiseObjection",
  "lib/suggestions/actions.ts: newChallenge",
  "lib/suggestions/actions.ts: submitSuggestion",
];

let found: Found[] = [];
let problems: string[] = [];

async function discoverActions() {
  const files = actionFiles();
  const all: Found[] = [];
  const issues: string[] = [];
  for (const file of files) {
    const { metas, unreadable } = parseActions(file);
    issues.push(...unreadable.map((u) => `no readable metadata: ${u}`));
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      const meta = metas.find((m) => m.exportName === exportName);
      if (!meta) {
        if (!unreadable.some((u) => u.endsWith(`: ${exportName}`))) issues.push(`exported function without metadata: ${rel(file)}: ${exportName}`);
        continue;
      }
      all.push({ ...meta, fn: value as Found["fn"] });
    }
    for (const meta of metas) if (typeof mod[meta.exportName] !== "function") issues.push(`not an exported function: ${meta.file}: ${meta.exportName}`);
  }
  for (const action of all) {
    if (action.client === "publicActionClient" && action.permission !== "public")
      issues.push(`${action.exportName}: publicActionClient with permission ${action.permission}`);
    if (action.client === "actionClient" && !(action.permission in PERMISSIONS))
      issues.push(`${action.exportName}: permission "${action.permission}" is not in PERMISSIONS`);
  }
  return { all, issues, files };
}

// ---------------------------------------------------------------------------------------------------------------
// The database fingerprint: every table's rows, hashed (a sum of row hashes: no sort, a few ms). AuditLog is excluded because refusals write to it on purpose
// (counted separately, per attempt); Session because loading a session refreshes its lastSeenAt every 30 s.
// RateLimit because refusals are counted there (lib/audit/refusals.ts: at most so many audit rows a minute).
const NOT_FINGERPRINTED = ["AuditLog", "Session", "RateLimit", "_prisma_migrations"];
let fingerprintSql = "";

async function fingerprint(): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose rows differ between two fingerprints, for the failure message. */
function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((t) => before[t] !== after[t]);
}

/**
 * The audit rows written since row `id` (in write order: the calls here are one after another), as "who action outcome
 * summary @ip". Not by `seq`: an entry is linked into the chain just after its commit, so the newest may be pending.
 */
async function auditSince(id: bigint) {
  const rows = await db.auditLog.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
  return rows.map((r) => `${r.actorUsername ?? "visitor"} ${r.action} ${r.outcome} ${r.summary} @${r.ip}`);
}
const lastSeq = async () => (await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
/** Each refused call below must leave its row: start every minute's allowance afresh (the limit is tested in scoping-and-audit). */
const freshRefusalAllowance = () => db.rateLimit.deleteMany({ where: { key: { startsWith: "audit-refusal:" } } });

// ---------------------------------------------------------------------------------------------------------------
// Data and callers

const ROLES = Object.values(Role);
const sessions = {} as Record<Role, string>;
const usernames = {} as Record<Role, string>;
let county: Awaited<ReturnType<typeof makeCounty>>;
let clerkA: Awaited<ReturnType<typeof makeUser>>;
let clerkB: Awaited<ReturnType<typeof makeUser>>;
let sessionB = "";
let sessionMustChange = "";
const ofA = {
  draftId: "",
  runningId: "",
  attachmentId: "",
  adoptionId: "",
  notificationId: "",
  campaignId: "",
  nominationId: "",
  rectificationId: "",
  eventId: "",
  eventSubmissionId: "",
  eventAttachmentId: "",
  /** A topic still in draft (no unit sees it), and a published one open to person bids with clerk A's own bid. */
  draftTopicId: "",
  personBidTopicId: "",
};
/** Another section's cadre's records (lib/ledger/scope.ts, lib/practice, lib/research): the department cadre's "another unit". */
const ofCadre = { practiceItemId: "", problemId: "", ledgerAttachmentId: "", researchTopicId: "" };
/** The session handles (account page) of clerk A and of the other section's cadre. */
const handles = { clerkA: "", cadre: "" };
/** A session of the other section's cadre, who owns the 遗留问题 above. */
let sessionCadre = "";
const YEAR = new Date().getFullYear();
const QUARTER = Math.floor(new Date().getMonth() / 3) + 1;

beforeAll(async () => {
  const discovered = await discoverActions();
  found = discovered.all;
  problems = discovered.issues;

  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  fingerprintSql = tables
    .map((t) => t.table_name)
    .filter((t) => !NOT_FINGERPRINTED.includes(t))
    .map((t) => `SELECT '${t}' AS t, count(*)::int AS n, coalesce(sum(hashtext(x::text)::bigint), 0)::text AS h FROM "${t}" x`)
    .join(" UNION ALL ");

  county = await makeCounty();
  // One signed-in user per role, each in a unit where the role makes sense.
  for (const role of ROLES) {
    const unitId = role === "UNIT_USER" ? county.townshipA.id : county.section.id;
    const user = await makeUser([role], unitId);
    usernames[role] = user.username;
    sessions[role] = await actAs(user);
  }
  sessionMustChange = await actAs(await makeUser(["COUNTY_ADMIN"], county.section.id, { mustChangePassword: true }));
  clerkA = await makeUser(["UNIT_USER"], county.townshipA.id);
  clerkB = await makeUser(["UNIT_USER"], county.townshipB.id);
  sessionB = await actAs(clerkB);

  // Unit A's records, made through the services: a draft proposal with an attachment, a project in progress,
  // its draft quarterly report, an adoption record and a notification of its clerk.
  const by = { actor: { id: clerkA.id, username: clerkA.username, name: clerkA.name }, ip: null };
  const year = await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  ofA.draftId = (await db.$transaction((tx) => createProjectRecord(tx, { yearId: year.id }, clerkA.unitId, by))).id;
  await db.project.update({ where: { id: ofA.draftId }, data: { title: "甲镇的申报书" } });
  ofA.attachmentId = (
    await db.$transaction((tx) =>
      addAttachmentRecord(tx, { projectId: ofA.draftId, name: "方案.pdf", content: Buffer.from("%PDF-1.4 甲镇") }, unitCarrier(clerkA.unitId), by),
    )
  ).id;
  ofA.runningId = (await db.$transaction((tx) => createProjectRecord(tx, { yearId: year.id }, clerkA.unitId, by))).id;
  await db.project.update({
    where: { id: ofA.runningId },
    data: { title: "甲镇在实施的项目", state: "IN_PROGRESS", startedAt: new Date(`${YEAR}-01-01T00:00:00+08:00`) },
  });
  await actAs(clerkA);
  const { recordAdoption } = await import("@/lib/promotion/actions");
  const adoption = await recordAdoption({
    sourceName: "外县做法",
    sourcePlace: "某县",
    adoptedOn: new Date().toISOString().slice(0, 10),
    how: "照着做",
    result: "有成效",
  } as never);
  expect(adoption?.serverError ?? adoption?.validationErrors ?? null).toBeNull();
  const { saveReport } = await import("@/lib/reports/actions");
  const report = await saveReport({
    projectId: ofA.runningId,
    year: YEAR,
    quarter: QUARTER,
    progress: "甲镇草稿",
    percent: 10,
    problems: null,
    nextSteps: "继续",
    milestones: [],
  });
  expect(report?.serverError ?? report?.validationErrors ?? null).toBeNull();
  ofA.adoptionId = (await db.adoption.findFirstOrThrow({ where: { unitId: clerkA.unitId } })).id;
  // A campaign open for nominations (made by the county admin), and unit A's nomination of its running project.
  const jurors = [
    await makeUser(["REVIEWER"], county.department.id),
    await makeUser(["REVIEWER"], county.department.id),
    await makeUser(["REVIEWER"], county.department.id),
  ];
  as(sessions.COUNTY_ADMIN);
  const { createCampaign, nominate } = await import("@/lib/awards/actions");
  const campaign = await createCampaign({
    year: YEAR,
    title: `${YEAR}年度评比表彰`,
    nominationStartsAt: toDateTimeLocal(new Date(Date.now() - 3_600_000)),
    nominationEndsAt: toDateTimeLocal(new Date(Date.now() + 3_600_000)),
    workQuotaPerUnit: 1,
    personQuotaPerUnit: 1,
    criteria: [{ key: "effect", label: "实效性", weight: 100, max: 10 }],
    weights: DEFAULT_WEIGHTS,
    tiers: [{ category: "WORK", level: "COUNTY", name: "一等奖", quota: 1 }],
    jurorIds: jurors.map((j) => j.id),
    announcementDays: 5,
  });
  expect(campaign?.serverError ?? campaign?.validationErrors ?? null).toBeNull();
  ofA.campaignId = campaign!.data!.id;
  await actAs(clerkA);
  const nomination = await nominate({ campaignId: ofA.campaignId, category: "WORK", projectId: ofA.runningId, statement: "甲镇推荐" });
  expect(nomination?.serverError ?? nomination?.validationErrors ?? null).toBeNull();
  ofA.nominationId = nomination!.data!.id;
  // A rectification item addressed to unit A (the inspection workflow that leads there is tested in inspections.test.ts).
  const inspection = await db.inspection.create({ data: { year: YEAR, quarter: QUARTER, theme: "季度督查", publishedAt: new Date() } });
  const item = await db.inspectionItem.create({ data: { inspectionId: inspection.id, projectId: ofA.runningId, finding: null } });
  ofA.rectificationId = (
    await db.rectificationItem.create({ data: { itemId: item.id, unitId: clerkA.unitId, content: "整改台账", dueAt: new Date(Date.now() + 86_400_000) } })
  ).id;
  ofA.notificationId = (await db.notification.create({ data: { userId: clerkA.id, kind: "test", title: "给甲镇的通知" } })).id;
  // An exchange meeting only unit A is invited to, with A's draft material and its file (lib/events).
  const staffBy = { actor: { id: clerkA.id, username: "staff", name: "组工干部" }, ip: null };
  const soon = (days: number) => new Date(Date.now() + days * 86_400_000);
  const event = await db.$transaction((tx) =>
    createEventRecord(
      tx,
      {
        kind: "EXCHANGE",
        title: "甲镇受邀的交流会",
        startsAt: soon(10),
        place: "会议室",
        siteProjectId: null,
        hostUnitId: county.section.id,
        agenda: "交流",
        submissionDeadline: soon(5),
        noticeNumber: null,
        projectIds: [],
        unitIds: [clerkA.unitId],
      },
      staffBy,
    ),
  );
  await db.$transaction((tx) => publishEventRecord(tx, { id: event.id, version: 0 }, staffBy));
  ofA.eventId = event.id;
  const unitBy = { ...by, unitId: clerkA.unitId };
  ofA.eventSubmissionId = (
    await db.$transaction((tx) =>
      saveSubmissionRecord(tx, { eventId: event.id, version: null, intent: "save", title: "甲镇材料", author: "甲", body: "正文" }, unitBy),
    )
  ).id;
  ofA.eventAttachmentId = (
    await db.$transaction((tx) =>
      addEventAttachmentRecord(tx, { submissionId: ofA.eventSubmissionId, name: "材料.pdf", content: Buffer.from("%PDF-1.4 甲镇") }, unitBy),
    )
  ).id;
  // Topics: one in draft (units and cadres see none of it), one open to person bids carrying clerk A's own bid.
  const topicBase = { yearId: year.id, description: "说明", category: "CADRE" as const, focus: "KEY" as const, tier: "ROUTINE" as const };
  ofA.draftTopicId = (
    await db.topic.create({
      data: { ...topicBase, code: "T-1", seq: 1, title: "未发布的选题", claimMode: "OPEN", claimClosesAt: soon(10), openToPersons: true },
    })
  ).id;
  ofA.personBidTopicId = (
    await db.topic.create({
      data: {
        ...topicBase,
        code: "T-2",
        seq: 2,
        title: "个人投标选题",
        claimMode: "BIDDING",
        claimClosesAt: soon(10),
        openToPersons: true,
        status: "PUBLISHED",
      },
    })
  ).id;
  await db.personBid.create({
    data: { topicId: ofA.personBidTopicId, userId: clerkA.id, unitId: clerkA.unitId, approach: "甲镇思路", steps: "步骤", expectedResults: "成效" },
  });
  // Another section of the department, its cadre's 四个一 item, 遗留问题 (with an evidence file) and research topic;
  // the department cadre who calls below heads the first section, so a head's reach is what is refused.
  const staff = await db.user.findUniqueOrThrow({ where: { username: usernames.COUNTY_STAFF } });
  await db.unit.update({ where: { id: county.section.id }, data: { headId: staff.id } });
  const otherSection = await makeUnit("宣传科", "SECTION", county.department.id);
  const cadre = await makeUser(["COUNTY_STAFF"], otherSection.id);
  await db.unit.update({ where: { id: otherSection.id }, data: { headId: (await makeUser(["COUNTY_STAFF"], otherSection.id)).id } });
  ofCadre.practiceItemId = (
    await db.practiceItem.create({
      data: { userId: cadre.id, year: YEAR, kind: "RESEARCH", period: 1, title: "宣传科的调研", content: {}, status: "SUBMITTED" },
    })
  ).id;
  ofCadre.problemId = (
    await db.ledgerProblem.create({
      data: {
        sectionId: otherSection.id,
        ownerId: cadre.id,
        createdById: cadre.id,
        title: "宣传科的问题",
        since: "去年",
        measures: "整改",
        targetDate: soon(30),
      },
    })
  ).id;
  const cadreBy = { actor: { id: cadre.id, username: cadre.username, name: cadre.name }, ip: null };
  ofCadre.ledgerAttachmentId = (
    await db.$transaction((tx) =>
      addLedgerAttachmentRecord(
        tx,
        { problemId: ofCadre.problemId, name: "佐证.pdf", content: Buffer.from("%PDF-1.4 宣传科") },
        { id: cadre.id, roles: cadre.roles, unit: { type: "SECTION" }, unitId: otherSection.id },
        cadreBy,
      ),
    )
  ).id;
  const area = await db.researchArea.create({ data: { name: "党建引领" } });
  ofCadre.researchTopicId = (
    await db.researchTopic.create({
      data: {
        yearId: year.id,
        areaId: area.id,
        title: "宣传科的课题",
        question: "问题",
        leadId: cadre.id,
        sectionId: otherSection.id,
        dueAt: soon(60),
        createdById: cadre.id,
        state: "REPORTED",
      },
    })
  ).id;
  // Their sessions, as the account page names them.
  sessionCadre = await actAs(cadre);
  handles.cadre = sessionHandle((await db.session.findFirstOrThrow({ where: { userId: cadre.id } })).id);
  handles.clerkA = sessionHandle((await db.session.findFirstOrThrow({ where: { userId: clerkA.id } })).id);
  signOutTestUser();
});

afterAll(() => signOutTestUser());

function as(sessionId: string | null) {
  testSession.sessionId = sessionId;
}

const actionsOf = (client: ActionMeta["client"]) => found.filter((a) => a.client === client);
const label = (a: ActionMeta) => `${a.file}: ${a.exportName}`;

// ---------------------------------------------------------------------------------------------------------------

describe("the actions found in the code", () => {
  it("all have readable metadata naming a known permission, and there are plenty of them", () => {
    expect(problems).toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(MIN_ACTIONS);
    expect(new Set(found.map(label)).size).toBe(found.length);
    console.info(
      `authorization: ${found.length} actions in ${new Set(found.map((a) => a.file)).size} files; ${actionsOf("actionClient").length} need a permission`,
    );
  });

  it("are public only where meant to be", () => {
    const publicOnes = actionsOf("publicActionClient").map(label).sort();
    console.info(
      `public actions: ${actionsOf("publicActionClient")
        .map((a) => `${a.exportName} (${a.name})`)
        .join(", ")}`,
    );
    expect(publicOnes).toEqual(KNOWN_PUBLIC_ACTIONS);
  });
});

describe("every permission-checked action", () => {
  it("refuses a visitor, changing nothing, with one audit line naming the address per attempt", async () => {
    const before = await fingerprint();
    const wrong: string[] = [];
    for (const action of actionsOf("actionClient")) {
      as(null);
      noted.names.length = 0;
      await freshRefusalAllowance();
      const since = await lastSeq();
      // The middleware runs before the input is parsed (next-safe-action v8), so {} reaches the check.
      const result = await action.fn({});
      if (result?.serverError !== "登录已失效，请重新登录") wrong.push(`${label(action)}: ${JSON.stringify(result)}`);
      if (noted.names.join() !== action.name) wrong.push(`${label(action)}: ran as "${noted.names.join()}", metadata in the source says "${action.name}"`);
      const audit = await auditSince(since);
      const expected = [`visitor access.denied DENIED 未登录：操作：${action.name} @127.0.0.1`];
      if (JSON.stringify(audit) !== JSON.stringify(expected)) wrong.push(`${label(action)}: audit ${JSON.stringify(audit)}`);
    }
    expect(wrong).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 180_000);

  it("refuses a user who still has to change the initial password (except the password change)", async () => {
    const before = await fingerprint();
    const wrong: string[] = [];
    for (const action of actionsOf("actionClient")) {
      if (action.exportName === "changePassword") continue;
      as(sessionMustChange);
      const result = await action.fn({});
      if (result?.serverError !== "请先修改初始密码") wrong.push(`${label(action)}: ${JSON.stringify(result)}`);
    }
    expect(wrong).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses every role the permission table leaves out, with one audit line per attempt, changing nothing", async () => {
    // One fingerprint around the whole loop; the audit lines are read per action: one per refused role's user.
    const before = await fingerprint();
    const wrong: string[] = [];
    let attempts = 0;
    for (const action of actionsOf("actionClient")) {
      await freshRefusalAllowance();
      const since = await lastSeq();
      const refusedRoles = ROLES.filter((r) => !can([r], action.permission as Permission));
      for (const role of refusedRoles) {
        as(sessions[role]);
        const result = await action.fn({});
        attempts++;
        if (result?.serverError !== "无权执行此操作") wrong.push(`${label(action)} as ${role}: ${JSON.stringify(result)}`);
      }
      const expected = refusedRoles.map((role) => `${usernames[role]} access.denied DENIED 操作：${action.name} @127.0.0.1`);
      const got = await auditSince(since);
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${label(action)}: audit ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    }
    expect(wrong).toEqual([]);
    expect(changed(before, await fingerprint())).toEqual([]);
    console.info(`authorization: ${attempts} refused attempts by role`);
  }, 180_000);

  it("lets exactly the roles of its permission past the check (the permission read from the source is the one it runs with)", async () => {
    // An input no schema accepts: a role that passes the middleware stops at validation, one that doesn't is refused.
    // Actions without an input schema would run, so they are left to the refusal tests above.
    const wrong: string[] = [];
    const before = await fingerprint();
    let attempts = 0;
    for (const action of actionsOf("actionClient").filter((a) => a.hasInput)) {
      for (const role of ROLES.filter((r) => can([r], action.permission as Permission))) {
        as(sessions[role]);
        const result = await action.fn("not an input");
        attempts++;
        if (result?.serverError !== undefined || result?.validationErrors === undefined) wrong.push(`${label(action)} as ${role}: ${JSON.stringify(result)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(changed(before, await fingerprint())).toEqual([]);
    console.info(`authorization: ${attempts} permitted attempts stopped at validation`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Another unit's record, another cadre's record: which actions must be tried, found from the code.

type Caller = "unit" | "cadre";
const UNIT: Caller[] = ["unit"];
const CADRE: Caller[] = ["cadre"];
const BOTH: Caller[] = ["unit", "cadre"];
type Case = { action: string; by?: Caller[]; input: () => unknown; refusal: RegExp; entity?: "none" };

/**
 * The permissions whose records a department cadre (COUNTY_STAFF) holds as their own or their section's (its head),
 * or carries as the lead of a project (decision 0083): an action under one of them that takes a record id must be
 * tried by a cadre with someone else's. COUNTY_STAFF's other permissions reach the whole county by design.
 */
const CADRE_OWN_PERMISSIONS: Permission[] = [
  "account.self",
  "notifications.read",
  "topics.bidPersonally",
  "projects.carry",
  "reports.submit",
  "practice.write",
  "practice.review",
  "ledger.write",
  "ledger.confirm",
  "research.write",
  "research.review",
  "learning.write",
];

/** Who must be tried with another's record id: a unit user if the permission lets one in, a cadre as above. */
function callersOf(action: ActionMeta): Caller[] {
  const permission = action.permission as Permission;
  return [...(can(["UNIT_USER"], permission) ? UNIT : []), ...(can(["COUNTY_STAFF"], permission) && CADRE_OWN_PERMISSIONS.includes(permission) ? CADRE : [])];
}

/** Actions with a record id tried by a test of their own below (not the common loop), and for whom. */
const OWN_TESTS: Record<string, Caller[]> = {
  // The project or the person nominated must be one's own unit's: refused as a field error.
  "lib/awards/actions.ts: nominate": UNIT,
  // Scoped by the caller's own id in the update: another's notification is left as it is, nothing to refuse.
  "lib/notifications/actions.ts: markNotificationRead": BOTH,
  // Another cadre's 四个一 file: "refuses a cadre another cadre's 四个一 file" below.
  "lib/practice/actions.ts: removePracticeAttachment": CADRE,
};

/** Actions whose record ids are not someone else's to protect, each with the reason. */
const NO_CROSS_CASE: Record<string, string> = {
  "lib/projects/actions.ts: findSimilar": "reads only: similar projects and topics of every unit, by design; the id only leaves the caller's own draft out",
  "lib/projects/actions.ts: createProject":
    "makes a new draft for the caller's own unit (from the session); the year and the catalogue topic are read by every unit",
  "lib/promotion/actions.ts: recordAdoption":
    "the source project and event are other units' on purpose (借鉴 their practice); the record is the caller's unit's",
  "lib/practice/actions.ts: savePractice":
    "the item is the caller's own (the session's user, year, kind, period); the project id only links a project of any unit",
  "lib/learning/actions.ts: signIn": "a 组工讲坛 session is the whole department's; the sign-in made is the caller's own",
  "lib/learning/actions.ts: createReflection": "a 组工讲坛 session is the whole department's; the 心得体会 made is the caller's own",
  "lib/ledger/actions.ts: createProblem":
    "a new problem of the caller's own section; another section's cadre as owner is a field error (ledger-learning.test.ts)",
};

describe("a unit user with another unit's record, a cadre with another cadre's", () => {
  const iso = () => new Date().toISOString().slice(0, 10);
  const file = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", new File([new Uint8Array(Buffer.from("%PDF-1.4 乙乡"))], "乙乡.pdf"));
    return form;
  };
  const q = () => QUARTER;
  const proposal = {
    title: "乙乡改写",
    background: "",
    problem: "",
    goals: "",
    measures: "",
    milestones: [],
    expectedOutcome: "",
    budget: null,
    topicId: null,
  };

  // Input per action, valid for its schema, pointing at unit A's record; the expected refusal where it is stable.
  // `by`: who tries, unit B's clerk ("unit", the default) and/or the department cadre heading the first section
  // ("cadre": a project they do not carry, decision 0083; another section's cadre's records).
  const cases: Case[] = [
    { action: "saveDraft", by: BOTH, input: () => ({ ...proposal, id: ofA.draftId, version: 0 }), refusal: /不存在/ },
    {
      action: "transitionProject",
      by: BOTH,
      input: () => ({ id: ofA.draftId, version: 0, transition: "submit", reason: null, summary: null }),
      refusal: /不存在/,
    },
    {
      action: "transitionProject",
      by: BOTH,
      input: () => ({ id: ofA.runningId, version: 0, transition: "complete", reason: null, summary: "乙乡替甲镇结项" }),
      refusal: /不存在/,
    },
    { action: "uploadAttachment", by: BOTH, input: () => file({ projectId: ofA.draftId }), refusal: /不存在/ },
    { action: "removeAttachment", by: BOTH, input: () => ({ id: ofA.attachmentId }), refusal: /不存在/ },
    {
      action: "saveReport",
      by: BOTH,
      input: () => ({ projectId: ofA.runningId, year: YEAR, quarter: q(), progress: "乙乡代写", percent: 10, problems: null, nextSteps: "无", milestones: [] }),
      refusal: /不存在/,
    },
    { action: "submitReport", by: BOTH, input: () => ({ projectId: ofA.runningId, year: YEAR, quarter: q(), version: 0 }), refusal: /不存在/ },
    // Scoped to the caller's unit like the rest; the message is the one for "no draft report of yours".
    {
      action: "uploadReportAttachment",
      by: BOTH,
      input: () => file({ projectId: ofA.runningId, year: String(YEAR), quarter: String(q()) }),
      refusal: /不存在|请先保存进展报告草稿/,
    },
    {
      action: "updateNomination",
      input: () => ({ id: ofA.nominationId, version: 0, personTitle: null, deeds: null, statement: "乙乡改写" }),
      refusal: /不存在/,
    },
    { action: "withdrawNomination", input: () => ({ id: ofA.nominationId, version: 0 }), refusal: /不存在/ },
    // Unit B nominating unit A's project: refused as a field error (only one's own unit's projects), see below.
    { action: "answerRectification", input: () => ({ id: ofA.rectificationId, version: 0, answer: "乙乡代答" }), refusal: /不存在/ },
    {
      action: "updateAdoption",
      input: () => ({ id: ofA.adoptionId, version: 0, sourceName: "改名", sourcePlace: "某县", adoptedOn: iso(), how: "乙乡改", result: "乙乡改" }),
      refusal: /不存在/,
    },
    // An event unit B is not invited to: its invitation, material and files are not there for B.
    { action: "confirmAttendance", input: () => ({ eventId: ofA.eventId, version: 0, attendees: "乙乡冒名" }), refusal: /不存在/ },
    { action: "saveSubmission", input: () => ({ eventId: ofA.eventId, title: "乙乡代写", author: "乙", body: "乙乡代写" }), refusal: /不存在/ },
    { action: "uploadEventAttachment", input: () => file({ submissionId: ofA.eventSubmissionId }), refusal: /不存在/ },
    { action: "removeEventAttachment", input: () => ({ id: ofA.eventAttachmentId }), refusal: /不存在/ },
    // Topics: every claim and bid is the caller's own (unit and person from the session); a topic still in draft is
    // not there for them, and another person's bid is never theirs to withdraw.
    { action: "takeTopic", input: () => ({ topicId: ofA.draftTopicId, note: null }), refusal: /选题不存在/ },
    { action: "submitBid", input: () => ({ topicId: ofA.draftTopicId, approach: "乙乡", people: "乙乡", timeline: "乙乡" }), refusal: /选题不存在/ },
    { action: "answerAssignment", input: () => ({ topicId: ofA.draftTopicId, accept: true, note: null }), refusal: /选题不存在/ },
    {
      action: "submitPersonBid",
      by: BOTH,
      input: () => ({ topicId: ofA.draftTopicId, approach: "思路", steps: "步骤", expectedResults: "成效" }),
      refusal: /选题不存在/,
    },
    { action: "withdrawPersonBid", by: BOTH, input: () => ({ topicId: ofA.personBidTopicId, version: 0 }), refusal: /没有可撤回的投标/ },
    // Another account's session, by the handle the account page shows.
    { action: "endOwnSession", input: () => ({ handle: handles.clerkA }), refusal: /该会话已结束/, entity: "none" },
    { action: "endOwnSession", by: CADRE, input: () => ({ handle: handles.cadre }), refusal: /该会话已结束/, entity: "none" },
    // Another section's cadre's 四个一, 遗留问题 and research topic, to a cadre who heads a section (not theirs).
    { action: "reviewPractice", by: CADRE, input: () => ({ itemId: ofCadre.practiceItemId, version: 0, accept: true, comment: null }), refusal: /不存在/ },
    {
      action: "updateProblem",
      by: CADRE,
      input: () => ({ id: ofCadre.problemId, version: 0, title: "改写", since: "去年", measures: "改写", targetDate: iso(), ownerId: null }),
      refusal: /不存在/,
    },
    { action: "requestClear", by: CADRE, input: () => ({ id: ofCadre.problemId, version: 0, evidence: "代为销号" }), refusal: /不存在/ },
    { action: "confirmClear", by: CADRE, input: () => ({ id: ofCadre.problemId, version: 0, accept: true, comment: null }), refusal: /不存在/ },
    { action: "reopenProblem", by: CADRE, input: () => ({ id: ofCadre.problemId, version: 0, reason: "重新打开" }), refusal: /不存在/ },
    { action: "uploadLedgerAttachment", by: CADRE, input: () => file({ problemId: ofCadre.problemId }), refusal: /不存在/ },
    { action: "removeLedgerAttachment", by: CADRE, input: () => ({ id: ofCadre.ledgerAttachmentId }), refusal: /不存在/ },
    { action: "startResearch", by: CADRE, input: () => ({ id: ofCadre.researchTopicId, version: 0 }), refusal: /不存在/ },
    {
      action: "saveResearchReport",
      by: CADRE,
      input: () => ({ id: ofCadre.researchTopicId, version: 0, problems: "代写", analysis: null, proposals: [] }),
      refusal: /不存在/,
    },
    { action: "submitResearchReport", by: CADRE, input: () => ({ id: ofCadre.researchTopicId, version: 0 }), refusal: /不存在/ },
    { action: "reviewResearchTopic", by: CADRE, input: () => ({ id: ofCadre.researchTopicId, version: 0, accept: true, comment: null }), refusal: /不存在/ },
  ];

  it("has a case, its own test below or a stated exemption for every action that takes a record id (found from the schema's source)", () => {
    const wrong: string[] = [];
    const required: string[] = [];
    for (const action of actionsOf("actionClient").filter((a) => a.recordKeys.length > 0)) {
      for (const caller of callersOf(action)) {
        const key = `${label(action)} as ${caller}`;
        required.push(key);
        const hasCase = cases.some((c) => c.action === action.exportName && (c.by ?? UNIT).includes(caller));
        const ownTest = OWN_TESTS[label(action)]?.includes(caller) ?? false;
        const exempt = NO_CROSS_CASE[label(action)];
        if ([hasCase, ownTest, exempt !== undefined].filter(Boolean).length !== 1)
          wrong.push(
            `${key} (input names ${action.recordKeys.join(", ")}): ${hasCase || ownTest ? "both a case and an exemption" : "no case, add one above (or an exemption with its reason)"}`,
          );
      }
    }
    // Entries that name nothing (an action renamed or gone) are stale.
    for (const entry of [...Object.keys(NO_CROSS_CASE), ...Object.keys(OWN_TESTS)])
      if (!required.some((key) => key.startsWith(`${entry} as `)))
        wrong.push(`${entry}: listed, but no such action reachable by a unit user or cadre with a record id`);
    expect(wrong).toEqual([]);
    // The schema reader on each shape in use: inline, imported, a FormData pipe, a spread, `.and(…)`, `.extend(…)`.
    const keysOf = (name: string) => found.find((a) => label(a) === name)?.recordKeys;
    expect(keysOf("lib/projects/actions.ts: uploadAttachment")).toEqual(["projectId"]);
    expect(keysOf("lib/ledger/actions.ts: updateProblem")).toEqual(expect.arrayContaining(["id", "ownerId"]));
    expect(keysOf("lib/practice/actions.ts: savePractice")).toEqual(["projectId"]);
    expect(keysOf("lib/research/actions.ts: saveResearchReport")).toEqual(["id"]);
    expect(keysOf("lib/account/actions.ts: endOwnSession")).toEqual(["handle"]);
    expect(keysOf("lib/account/actions.ts: changePassword")).toEqual([]);
    // Far above what a broken schema reader would find (today 51).
    expect(required.length).toBeGreaterThanOrEqual(35);
    console.info(`cross-unit/cross-owner: ${required.length} (action, caller) pairs with a record id`);
  });

  it("is refused, and nothing changes", async () => {
    const byName = new Map(found.map((a) => [a.exportName, a]));
    const wrong: string[] = [];
    const others = [...Object.values(ofA), ...Object.values(ofCadre)];
    for (const c of cases.flatMap((one) => (one.by ?? UNIT).map((caller) => ({ ...one, caller })))) {
      const action = byName.get(c.action);
      if (!action) {
        wrong.push(`${c.action}: not found among the actions`);
        continue;
      }
      const who = c.caller === "unit" ? clerkB.username : usernames.COUNTY_STAFF;
      as(c.caller === "unit" ? sessionB : sessions.COUNTY_STAFF);
      const before = await fingerprint();
      await freshRefusalAllowance();
      const since = await lastSeq();
      const result = await action.fn(c.input());
      const id = `${c.action} as ${c.caller}`;
      if (result?.validationErrors) wrong.push(`${id}: the test's input does not parse: ${JSON.stringify(result.validationErrors)}`);
      else if (!result?.serverError || !c.refusal.test(result.serverError)) wrong.push(`${id}: ${JSON.stringify(result)}`);
      const diff = changed(before, await fingerprint());
      if (diff.length) wrong.push(`${id}: the database changed (${diff.join(", ")})`);
      // One refusal row: the caller, the action's name and the message, the address, the id asked for.
      const audit = await db.auditLog.findMany({ where: { id: { gt: since } } });
      const expected = `${who} access.denied DENIED 记录不存在或无权访问：${action.name}：${result?.serverError} @127.0.0.1`;
      if (audit.length !== 1 || (await auditSince(since))[0] !== expected)
        wrong.push(`${id}: audit ${JSON.stringify(await auditSince(since))}, expected ${expected}`);
      else if (c.entity === "none" ? audit[0].entityId !== null : !audit[0].entityId || !others.includes(audit[0].entityId))
        wrong.push(`${id}: audit row names ${audit[0].entityId}, not the other's record`);
    }
    expect(wrong).toEqual([]);
    console.info(`cross-unit/cross-owner: ${cases.map((c) => `${c.action} (${(c.by ?? UNIT).join("+")})`).join(", ")}`);
  }, 240_000);

  it("refuses a cadre another cadre's 四个一 file (uploads always go to the caller's own item)", async () => {
    const other = await makeUser(["COUNTY_STAFF"], county.section.id);
    const by = { actor: { id: other.id, username: other.username, name: other.name }, ip: null };
    const key = { year: new Date(Date.now() + 8 * 3_600_000).getUTCFullYear(), kind: "RESEARCH" as const, period: 1 };
    const theirs = await db.$transaction((tx) =>
      addPracticeAttachmentRecord(tx, { ...key, name: "走访记录.pdf", content: Buffer.from("%PDF-1.4 他人") }, other.id, by),
    );
    const remove = found.find((a) => a.exportName === "removePracticeAttachment")!;
    as(sessions.COUNTY_STAFF);
    const before = await fingerprint();
    await freshRefusalAllowance();
    const since = await lastSeq();
    const result = await remove.fn({ id: theirs.id });
    expect(result?.serverError).toBe("附件不存在");
    expect(changed(before, await fingerprint())).toEqual([]);
    expect(await auditSince(since)).toEqual([`${usernames.COUNTY_STAFF} access.denied DENIED 记录不存在或无权访问：${remove.name}：附件不存在 @127.0.0.1`]);
  });

  it("cannot nominate another unit's project", async () => {
    as(sessionB);
    const before = await fingerprint();
    const nominate = found.find((a) => a.exportName === "nominate")!;
    const result = await nominate.fn({ campaignId: ofA.campaignId, category: "WORK", projectId: ofA.runningId, statement: "乙乡推荐甲镇" });
    expect(result?.validationErrors ?? result?.serverError).toBeTruthy();
    expect(JSON.stringify(result)).toMatch(/只能推荐本单位/);
    expect(changed(before, await fingerprint())).toEqual([]);
  });

  it("cannot nominate a cadre of the department as its own person (and so cannot reach the cadre's record)", async () => {
    as(sessionB);
    const before = await fingerprint();
    const nominate = found.find((a) => a.exportName === "nominate")!;
    const cadre = await db.user.findUniqueOrThrow({ where: { username: usernames.COUNTY_STAFF } });
    const result = await nominate.fn({
      campaignId: ofA.campaignId,
      category: "PERSON",
      personUserId: cadre.id,
      personTitle: "干事",
      deeds: "乙乡推荐组织科的组工干部，想借此看到其四个一记录。".repeat(3),
      statement: "乙乡推荐",
    });
    expect(JSON.stringify(result)).toMatch(/只能选择本科室在岗的组工干部/);
    expect(changed(before, await fingerprint())).toEqual([]);
  });

  it("cannot mark another user's notification read (a no-op: only one's own are updated)", async () => {
    const markNotificationRead = found.find((a) => a.exportName === "markNotificationRead")!;
    for (const session of [sessionB, sessions.COUNTY_STAFF]) {
      as(session);
      await markNotificationRead.fn({ id: ofA.notificationId });
      expect((await db.notification.findUniqueOrThrow({ where: { id: ofA.notificationId } })).readAt).toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Route handlers

// Open without a session on purpose; a new public route must be added here, with the reason.
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/health/route.ts": "liveness probe",
  "app/api/ready/route.ts": "readiness probe",
  "app/api/auth/[...nextauth]/route.ts": "sign-in itself",
};
// Open to the network but refused without the job token.
const TOKEN_ROUTES = ["app/api/jobs/reminders/route.ts"];
// Document types readable without an account (the 公示 is published to the public).
const PUBLIC_DOCUMENT_TYPES = ["award-announcement"];

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

describe("every route handler", () => {
  const routes = walk(path.join(ROOT, "app"), (f) => path.basename(f) === "route.ts").sort();

  /** /projects/[id]/attachments/[attachmentId] → a URL and params; route groups (app) leave the URL. */
  function target(file: string, fill: (segment: string) => string) {
    const segments = path
      .relative(path.join(ROOT, "app"), path.dirname(file))
      .split(path.sep)
      .filter((s) => !/^\(.*\)$/.test(s));
    const params: Record<string, string | string[]> = {};
    const parts = segments.map((s) => {
      const dynamic = /^\[(\.\.\.)?(\w+)\]$/.exec(s);
      if (!dynamic) return s;
      const value = fill(dynamic[2]);
      params[dynamic[2]] = dynamic[1] ? [value] : value;
      return value;
    });
    return { url: `http://localhost/${parts.join("/")}`, params };
  }

  const fillWithA = (segment: string) => (segment === "attachmentId" ? ofA.attachmentId : segment === "id" ? ofA.draftId : `c${"0".repeat(24)}`);

  async function call(file: string, method: "GET" | "POST", url: string, params: Record<string, string | string[]>) {
    const mod = (await import(/* @vite-ignore */ file)) as Partial<Record<"GET" | "POST", Handler>>;
    return mod[method]!(new Request(url, { method }), { params: Promise.resolve(params) });
  }

  it("is found", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const listed of [...Object.keys(PUBLIC_ROUTES), ...TOKEN_ROUTES]) expect(routes.map(rel)).toContain(listed);
    console.info(
      `routes: ${routes.length}; public: ${Object.keys(PUBLIC_ROUTES).join(", ")}; token: ${TOKEN_ROUTES.join(", ")}; public documents: ${PUBLIC_DOCUMENT_TYPES.join(", ")}`,
    );
  });

  it("refuses a visitor (never 200), except the listed public ones", async () => {
    as(null);
    const before = await fingerprint();
    const wrong: string[] = [];
    let attempts = 0;
    for (const file of routes) {
      if (PUBLIC_ROUTES[rel(file)]) continue;
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const methods = (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).filter((m) => typeof mod[m] === "function");
      if (methods.some((m) => m !== "GET" && m !== "POST")) wrong.push(`${rel(file)}: exports ${methods.join(", ")}, teach this test to call them`);
      // The documents route checks the permission of the document type: one call per type, with a well-formed file name.
      const variants: Record<string, string>[] =
        rel(file) === "app/documents/[type]/[file]/route.ts" ? DOCUMENT_TYPES.map((type) => ({ type, file: `${ofA.draftId}.pdf` })) : [{}];
      for (const variant of variants) {
        const { url, params } = target(file, (segment) => variant[segment] ?? fillWithA(segment));
        for (const method of methods as ("GET" | "POST")[]) {
          await freshRefusalAllowance();
          const since = await lastSeq();
          const response = await call(file, method, url, params);
          attempts++;
          const publicDocument = variant.type !== undefined && PUBLIC_DOCUMENT_TYPES.includes(variant.type);
          const expected = publicDocument ? [404] : TOKEN_ROUTES.includes(rel(file)) ? [401, 403] : [401];
          if (!expected.includes(response.status)) wrong.push(`${method} ${url}: ${response.status}`);
          // A visitor refused by a route leaves one line with the address (the job route answers its caller
          // with 401/403 and is watched through the application log; a public document is no refusal).
          const audit = await auditSince(since);
          const auditExpected = publicDocument || TOKEN_ROUTES.includes(rel(file)) ? 0 : 1;
          if (audit.length !== auditExpected || !audit.every((line) => /^visitor access\.denied DENIED 未登录：下载：[\w.]+ @127\.0\.0\.1$/.test(line)))
            wrong.push(`${method} ${url}: audit ${JSON.stringify(audit)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    console.info(`routes: ${attempts} signed-out attempts`);
  }, 180_000);

  it("lists exactly the document types the registry leaves open", () => {
    expect(DOCUMENT_TYPES.filter((type) => DOCUMENTS[type].permission === null)).toEqual(PUBLIC_DOCUMENT_TYPES);
  });

  it("refuses, with 403 and an audit line, the roles without the permission the route asks for", async () => {
    const wrong: string[] = [];
    let attempts = 0;
    for (const file of routes) {
      const permission = /routeUser\(\s*"([\w.]+)"\s*\)/.exec(fs.readFileSync(file, "utf8"))?.[1];
      if (!permission) continue; // public, token-protected, or the documents route (permission per type, below)
      expect(PERMISSIONS).toHaveProperty([permission]);
      for (const role of ROLES.filter((r) => !can([r], permission as Permission))) {
        as(sessions[role]);
        const { url, params } = target(file, fillWithA);
        await freshRefusalAllowance();
        const since = await lastSeq();
        const response = await call(file, "GET", url, params);
        attempts++;
        if (response.status !== 403) wrong.push(`${rel(file)} as ${role}: ${response.status}`);
        const audit = await auditSince(since);
        if (JSON.stringify(audit) !== JSON.stringify([`${usernames[role]} access.denied DENIED 下载：${permission} @127.0.0.1`]))
          wrong.push(`${rel(file)} as ${role}: audit ${JSON.stringify(audit)}`);
      }
    }
    for (const type of DOCUMENT_TYPES) {
      const permission = DOCUMENTS[type].permission;
      if (!permission) continue;
      for (const role of ROLES.filter((r) => !can([r], permission))) {
        as(sessions[role]);
        const response = await call(path.join(ROOT, "app/documents/[type]/[file]/route.ts"), "GET", `http://localhost/documents/${type}/${ofA.draftId}.pdf`, {
          type,
          file: `${ofA.draftId}.pdf`,
        });
        attempts++;
        if (response.status !== 403) wrong.push(`documents/${type} as ${role}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
    console.info(`routes: ${attempts} refused attempts by role`);
  }, 180_000);

  it("does not hand unit A's attachment to unit B", async () => {
    as(sessionB);
    const file = path.join(ROOT, "app/(app)/projects/[id]/attachments/[attachmentId]/route.ts");
    const response = await call(file, "GET", `http://localhost/projects/${ofA.draftId}/attachments/${ofA.attachmentId}`, {
      id: ofA.draftId,
      attachmentId: ofA.attachmentId,
    });
    expect(response.status).toBe(404);
    const refusal = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(refusal).toMatchObject({
      actorUsername: clerkB.username,
      action: "access.denied",
      outcome: "DENIED",
      summary: "记录不存在或无权访问：下载附件",
      entityType: "Attachment",
      entityId: ofA.attachmentId,
      ip: "127.0.0.1",
    });
  });

  /** GET of an attachment route as a session; the refusal's audit row, when there is one. */
  async function download(session: string, route: string, id: string, attachmentId: string) {
    as(session);
    await freshRefusalAllowance();
    const since = await lastSeq();
    const response = await call(path.join(ROOT, route), "GET", `http://localhost/x/${id}/attachments/${attachmentId}`, { id, attachmentId });
    const rows = await db.auditLog.findMany({ where: { id: { gt: since } } });
    return { status: response.status, body: response.status === 200 ? Buffer.from(await response.arrayBuffer()).toString() : "", rows };
  }

  it("does not hand unit A's 交流材料 file to unit B, and does to unit A", async () => {
    const route = "app/(app)/events/[id]/attachments/[attachmentId]/route.ts";
    const refused = await download(sessionB, route, ofA.eventId, ofA.eventAttachmentId);
    expect(refused.status).toBe(404);
    expect(refused.rows).toMatchObject([
      {
        actorUsername: clerkB.username,
        action: "access.denied",
        outcome: "DENIED",
        summary: "记录不存在或无权访问：下载交流材料附件",
        entityType: "EventAttachment",
        entityId: ofA.eventAttachmentId,
      },
    ]);
    const own = await download(sessions.UNIT_USER, route, ofA.eventId, ofA.eventAttachmentId); // 甲镇's own clerk
    expect(own).toMatchObject({ status: 200, body: "%PDF-1.4 甲镇" });
  });

  it("does not hand a cadre's 销号佐证 to the head of another section, and does to its owner and the admin (lib/ledger/scope.ts)", async () => {
    const route = "app/(app)/ledger/[id]/attachments/[attachmentId]/route.ts";
    const refused = await download(sessions.COUNTY_STAFF, route, ofCadre.problemId, ofCadre.ledgerAttachmentId);
    expect(refused.status).toBe(404);
    expect(refused.rows).toMatchObject([
      {
        actorUsername: usernames.COUNTY_STAFF,
        action: "access.denied",
        outcome: "DENIED",
        summary: "记录不存在或无权访问：下载销号佐证",
        entityType: "LedgerAttachment",
        entityId: ofCadre.ledgerAttachmentId,
      },
    ]);
    // The pair must match: even its owner does not get it under another record's id.
    expect((await download(sessionCadre, route, ofA.draftId, ofCadre.ledgerAttachmentId)).status).toBe(404);
    expect(await download(sessionCadre, route, ofCadre.problemId, ofCadre.ledgerAttachmentId)).toMatchObject({ status: 200, body: "%PDF-1.4 宣传科" });
    expect(await download(sessions.COUNTY_ADMIN, route, ofCadre.problemId, ofCadre.ledgerAttachmentId)).toMatchObject({ status: 200, body: "%PDF-1.4 宣传科" });
  });

  it("does not hand unit A's 申报书 to unit B, and does to unit A and the county", async () => {
    const version = await db.projectVersion.create({
      data: { projectId: ofA.runningId, number: 1, snapshot: { title: "甲镇在实施的项目" }, submittedBy: "甲镇" },
    });
    const file = path.join(ROOT, "app/documents/[type]/[file]/route.ts");
    const get = (session: string) => {
      as(session);
      return call(file, "GET", `http://localhost/documents/proposal/${version.id}.docx`, { type: "proposal", file: `${version.id}.docx` });
    };
    await freshRefusalAllowance();
    expect((await get(sessionB)).status).toBe(404);
    // The refused read is on the record, and looks like the read of an id that does not exist (decision 0093).
    const refusal = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(refusal).toMatchObject({
      actorUsername: clerkB.username,
      action: "access.denied",
      outcome: "DENIED",
      summary: "记录不存在或无权访问：查看文书",
      entityType: "Document",
      entityId: `proposal/${version.id}`,
      ip: "127.0.0.1",
    });
    expect((await get(sessions.UNIT_USER)).status).toBe(200); // 甲镇's own clerk
    expect((await get(sessions.COUNTY_STAFF)).status).toBe(200);
    await freshRefusalAllowance();
    expect((await get(sessions.REVIEWER)).status).toBe(403);
    await db.projectVersion.delete({ where: { id: version.id } });
  });
});
