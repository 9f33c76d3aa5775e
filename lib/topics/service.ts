// Drafting, amending, publishing and withdrawing topics; shared by the actions and the demo data.
import "server-only";
import { TOPIC_MACHINE } from "@/lib/topics/states";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, FieldError, STALE_RECORD, NotFoundError } from "@/lib/actions/errors";
import { notifyUnits } from "@/lib/notifications/service";
import { formatDateTime } from "@/lib/time";
import { CATEGORY_LABELS } from "@/lib/suggestions/catalog";
import { CLAIM_MODE_LABELS, FOCUS_LABELS, nextSeq, TIER_LABELS, topicCode } from "@/lib/topics/rules";
import type { CreateTopicInput, UpdateTopicInput } from "@/lib/topics/schemas";
import type { SuggestionCategory } from "@/lib/generated/prisma/enums";

type By = { actor: NonNullable<AuditActor>; ip: string | null; now?: Date };
/** Callers other than the form (the demo, the import) may leave out the person-bid flag: off. */
type Relaxed<T> = Omit<T, "openToPersons"> & { openToPersons?: boolean };
type TopicFields = Omit<Relaxed<CreateTopicInput>, "yearId" | "sourceIds">;

const CLAIMABLE_UNIT_TYPES = ["TOWNSHIP", "DEPARTMENT", "SECTION"] as const;

async function checkFields(tx: Tx, fields: TopicFields) {
  if (fields.aspectId) {
    const aspect = await tx.suggestionAspect.findUnique({ where: { id: fields.aspectId } });
    if (!aspect || aspect.category !== fields.category) throw new FieldError("aspectId", "请选择该类别下的方面");
  }
  if (fields.unitIds.length > 0) {
    const units = await tx.unit.count({ where: { id: { in: fields.unitIds }, active: true, type: { in: [...CLAIMABLE_UNIT_TYPES] } } });
    if (units !== new Set(fields.unitIds).size) throw new FieldError("unitIds", "所选单位中有不存在或已停用的单位");
  }
}

/** Numbers within a year and category are handed out one at a time, so two drafts never get the same code. */
async function takeNextCode(tx: Tx, yearId: string, year: number, category: SuggestionCategory) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`topic-code:${yearId}:${category}`}))`;
  const used = await tx.topic.findMany({ where: { yearId, category }, select: { seq: true } });
  const seq = nextSeq(used.map((topic) => topic.seq));
  return { seq, code: topicCode(year, category, seq) };
}

/** Only a bidding topic can be open to individual cadres (decision 0080). */
function openToPersons(fields: Pick<TopicFields, "claimMode" | "openToPersons">) {
  return fields.claimMode === "BIDDING" && Boolean(fields.openToPersons);
}

export async function createTopicRecord(tx: Tx, input: Relaxed<CreateTopicInput>, by: By) {
  const { yearId, sourceIds, unitIds, ...given } = input;
  const fields = { ...given, openToPersons: openToPersons(given) };
  const now = by.now ?? new Date();
  const year = await tx.year.findUnique({ where: { id: yearId } });
  if (!year) throw new FieldError("yearId", "年度不存在");
  await checkFields(tx, input);
  if (input.claimClosesAt.getTime() <= now.getTime()) throw new FieldError("claimClosesAt", "认领截止时间须晚于当前时间");
  const sources = await tx.suggestion.findMany({ where: { id: { in: sourceIds } }, select: { id: true, receiptNo: true, status: true, reply: true } });
  if (sources.length !== new Set(sourceIds).size) throw new NotFoundError("来源建议不存在，请返回建议列表重新选择");
  const { seq, code } = await takeNextCode(tx, yearId, year.year, fields.category);
  const topic = await tx.topic.create({
    data: {
      ...fields,
      yearId,
      seq,
      code,
      createdById: by.actor.id,
      createdAt: by.now,
      units: { create: [...new Set(unitIds)].map((unitId) => ({ unitId })) },
      sources: { create: sources.map((source) => ({ suggestionId: source.id })) },
    },
  });
  for (const source of sources) {
    // The person who suggested it can read, with their receipt number, that it became a topic.
    if (source.status === "NEW" || source.status === "REPLIED" || source.status === "NOT_ADOPTED") {
      await tx.suggestion.update({
        where: { id: source.id },
        data: {
          status: "ACCEPTED",
          reply: source.reply ?? `您的建议已采纳，纳入${year.year}年度组织工作改革创新项目参考选题。`,
          handledAt: now,
          handledById: by.actor.id,
          version: { increment: 1 },
        },
      });
    }
    await writeAudit(
      {
        actor: by.actor,
        action: "suggestion.triage",
        entityType: "Suggestion",
        entityId: source.id,
        summary: `${source.receiptNo}：转为选题 ${code}`,
        ip: by.ip,
      },
      tx,
    );
  }
  await writeAudit(
    {
      actor: by.actor,
      action: "topic.create",
      entityType: "Topic",
      entityId: topic.id,
      summary: `${code} ${topic.title}`,
      details: { sources: sources.map((s) => s.receiptNo) },
      ip: by.ip,
    },
    tx,
  );
  return topic;
}

type Snapshot = TopicFields & { unitNames: string[] };
/** The unit ids change with their names; the record shows the names. */
type Shown = Exclude<keyof Snapshot, "unitIds">;

/** Field-by-field differences, in the users' words, for the amendment record. */
function describeChanges(before: Snapshot, after: Snapshot, aspectNames: Map<string, string>) {
  // One formatter per field, typed by the field: a renamed field fails to compile here.
  const show: { [K in Shown]: (value: Snapshot[K]) => string } = {
    title: (v: string) => v,
    description: (v: string) => v,
    category: (v: SuggestionCategory) => CATEGORY_LABELS[v],
    aspectId: (v: string | null) => (v ? (aspectNames.get(v) ?? "") : "（无）"),
    focus: (v: keyof typeof FOCUS_LABELS) => FOCUS_LABELS[v],
    tier: (v: keyof typeof TIER_LABELS) => TIER_LABELS[v],
    claimMode: (v: keyof typeof CLAIM_MODE_LABELS) => CLAIM_MODE_LABELS[v],
    claimClosesAt: (v: Date) => formatDateTime(v),
    openToPersons: (v?: boolean) => (v ? "是" : "否"),
    unitNames: (v: string[]) => v.join("、") || "（无）",
  };
  const labels: Record<Shown, string> = {
    title: "选题名称",
    description: "选题说明",
    category: "类别",
    aspectId: "方面",
    focus: "着眼领域",
    tier: "目标层次",
    claimMode: "认领方式",
    claimClosesAt: "认领截止时间",
    openToPersons: "接受个人投标",
    unitNames: "单位",
  };
  const describe = <K extends Shown>(key: K) => {
    const format: (value: Snapshot[K]) => string = show[key];
    return { field: labels[key], before: format(before[key]), after: format(after[key]) };
  };
  return (Object.keys(labels) as Shown[]).map(describe).filter((change) => change.before !== change.after);
}

export async function updateTopicRecord(tx: Tx, input: Relaxed<UpdateTopicInput>, by: By) {
  const { id, version, reason, unitIds, ...given } = input;
  const fields = { ...given, openToPersons: openToPersons(given) };
  const now = by.now ?? new Date();
  const current = await tx.topic.findUnique({
    where: { id },
    include: {
      units: { include: { unit: { select: { name: true } } } },
      year: true,
      claims: { select: { unitId: true, status: true } },
      _count: { select: { personBids: true } },
    },
  });
  if (!current) throw new NotFoundError("选题不存在");
  if (current.version !== version) throw new ActionError(STALE_RECORD);
  TOPIC_MACHINE.assert(current.status === "DRAFT" ? "edit" : "amend", current.status, "admin");
  await checkFields(tx, input);
  const published = current.status === "PUBLISHED";
  if (published) {
    if (!reason) throw new FieldError("reason", "已发布的选题须填写修改理由");
    if (fields.category !== current.category) throw new FieldError("category", "已发布选题的类别不能更改（编号随类别而定）");
    if (fields.claimMode !== current.claimMode && current.claims.length > 0) throw new FieldError("claimMode", "已有单位认领或投标，不能更改认领方式");
    if (current._count.personBids > 0 && !fields.openToPersons) throw new FieldError("openToPersons", "已有干部个人投标，不能取消个人投标");
    if (current.claimMode === "ASSIGNED" && current.claims.some((claim) => !unitIds.includes(claim.unitId))) {
      throw new FieldError("unitIds", "已答复发包的单位不能移除");
    }
    if (fields.claimClosesAt.getTime() !== current.claimClosesAt.getTime() && fields.claimClosesAt.getTime() <= now.getTime()) {
      throw new FieldError("claimClosesAt", "新的截止时间须晚于当前时间；要立即截止请用“提前截止认领”");
    }
  } else if (fields.claimClosesAt.getTime() <= now.getTime()) {
    throw new FieldError("claimClosesAt", "认领截止时间须晚于当前时间");
  }
  // A draft moved to another category takes the next code of that category.
  const code =
    !published && fields.category !== current.category
      ? await takeNextCode(tx, current.yearId, current.year.year, fields.category)
      : { seq: current.seq, code: current.code };
  const updated = await tx.topic.updateMany({ where: { id, version }, data: { ...fields, ...code, version: { increment: 1 } } });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await tx.topicUnit.deleteMany({ where: { topicId: id } });
  await tx.topicUnit.createMany({ data: [...new Set(unitIds)].map((unitId) => ({ topicId: id, unitId })) });

  if (!published) {
    await writeAudit({ actor: by.actor, action: "topic.update", entityType: "Topic", entityId: id, summary: `${code.code} ${fields.title}`, ip: by.ip }, tx);
    return;
  }
  // One after the other: queries of one transaction share its connection.
  const newUnits = await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { name: true } });
  const aspects = await tx.suggestionAspect.findMany({
    where: { id: { in: [current.aspectId, fields.aspectId].filter((v): v is string => Boolean(v)) } },
    select: { id: true, name: true },
  });
  const changes = describeChanges(
    { ...current, unitIds: [], unitNames: current.units.map((u) => u.unit.name).sort() },
    { ...fields, unitIds, unitNames: newUnits.map((u) => u.name).sort() },
    new Map(aspects.map((aspect) => [aspect.id, aspect.name])),
  );
  await tx.topicAmendment.create({ data: { topicId: id, reason: reason!, changes, actorId: by.actor.id, actorName: by.actor.name } });
  await writeAudit(
    { actor: by.actor, action: "topic.amend", entityType: "Topic", entityId: id, summary: `${current.code}：${reason}`, details: { changes }, ip: by.ip },
    tx,
  );
  // Units already involved, and units newly assigned, hear of the change.
  const involved = [...current.claims.map((claim) => claim.unitId), ...(fields.claimMode === "ASSIGNED" ? unitIds : [])];
  await notifyUnits(tx, [...new Set(involved)], {
    kind: "topic.amended",
    title: `选题 ${current.code} 已修改`,
    body: `修改理由：${reason}`,
    link: `/topics/${id}`,
  });
}

/** Publishes every draft of the year at once: the catalogue is issued to all units. */
export async function publishCatalogueRecord(tx: Tx, input: { yearId: string; expected: number }, by: By) {
  const now = by.now ?? new Date();
  const year = await tx.year.findUnique({ where: { id: input.yearId } });
  if (!year) throw new NotFoundError("年度不存在");
  const drafts = await tx.topic.findMany({
    where: { yearId: year.id, status: { in: [...TOPIC_MACHINE.transitions.publish.from] } },
    include: { units: true },
    orderBy: [{ category: "asc" }, { seq: "asc" }],
  });
  if (drafts.length === 0) throw new ActionError("没有待发布的选题草稿");
  // The admin confirmed a number: if a colleague added or withdrew a draft meanwhile, say so.
  if (drafts.length !== input.expected) throw new ActionError(`待发布的草稿已变为 ${drafts.length} 个，请刷新页面核对后再发布`);
  const late = drafts.filter((topic) => topic.claimClosesAt.getTime() <= now.getTime());
  if (late.length > 0) throw new ActionError(`以下选题的认领截止时间已过，请先修改：${late.map((topic) => topic.code).join("、")}`);
  const firstIssue = (await tx.topic.count({ where: { yearId: year.id, status: { not: "DRAFT" } } })) === 0;
  await tx.topic.updateMany({
    where: { id: { in: drafts.map((topic) => topic.id) }, status: { in: [...TOPIC_MACHINE.transitions.publish.from] } },
    data: { status: "PUBLISHED", publishedAt: now, version: { increment: 1 } },
  });
  await writeAudit(
    {
      actor: by.actor,
      action: "topic.publish",
      entityType: "Year",
      entityId: year.id,
      summary: `${year.year}年度${firstIssue ? "" : "补充"}发布 ${drafts.length} 个选题`,
      details: { codes: drafts.map((topic) => topic.code) },
      ip: by.ip,
    },
    tx,
  );
  await notifyUnits(tx, "all", {
    kind: "topic.published",
    title: `${year.year}年度组织工作改革创新项目参考选题已${firstIssue ? "" : "补充"}发布（${drafts.length} 个）`,
    body: "请查阅参考选题，按认领方式在截止时间前认领、投标或答复发包。",
    link: `/topics?year=${year.year}`,
  });
  for (const topic of drafts.filter((draft) => draft.claimMode === "ASSIGNED")) {
    await notifyUnits(
      tx,
      topic.units.map((unit) => unit.unitId),
      {
        kind: "topic.assigned",
        title: `选题 ${topic.code} 已发包给本单位`,
        body: `请在 ${formatDateTime(topic.claimClosesAt)} 前答复是否承接。`,
        link: `/topics/${topic.id}`,
      },
    );
  }
  return { count: drafts.length };
}

export async function withdrawTopicRecord(tx: Tx, input: { id: string; version: number; reason: string }, by: By) {
  const now = by.now ?? new Date();
  const current = await tx.topic.findUnique({ where: { id: input.id }, include: { claims: { select: { unitId: true } } } });
  if (!current) throw new NotFoundError("选题不存在");
  TOPIC_MACHINE.assert("withdraw", current.status, "admin");
  const updated = await tx.topic.updateMany({
    where: { id: input.id, version: input.version },
    data: { status: "WITHDRAWN", withdrawnAt: now, withdrawReason: input.reason, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  await writeAudit(
    { actor: by.actor, action: "topic.withdraw", entityType: "Topic", entityId: current.id, summary: `${current.code}：${input.reason}`, ip: by.ip },
    tx,
  );
  await notifyUnits(
    tx,
    current.claims.map((claim) => claim.unitId),
    { kind: "topic.withdrawn", title: `选题 ${current.code} 已撤回`, body: `撤回理由：${input.reason}`, link: `/topics/${current.id}` },
  );
}

/** Ends claims now (enough bids are in, say); recorded as an amendment with its reason. */
export async function closeClaimsRecord(tx: Tx, input: { id: string; version: number; reason: string }, by: By) {
  const now = by.now ?? new Date();
  const current = await tx.topic.findUnique({ where: { id: input.id } });
  if (!current) throw new NotFoundError("选题不存在");
  TOPIC_MACHINE.assert("closeClaims", current.status, "admin");
  if (current.claimClosesAt.getTime() <= now.getTime()) throw new ActionError("该选题的认领已经截止");
  const updated = await tx.topic.updateMany({ where: { id: input.id, version: input.version }, data: { claimClosesAt: now, version: { increment: 1 } } });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  const changes = [{ field: "认领截止时间", before: formatDateTime(current.claimClosesAt), after: formatDateTime(now) }];
  await tx.topicAmendment.create({ data: { topicId: current.id, reason: input.reason, changes, actorId: by.actor.id, actorName: by.actor.name, at: now } });
  await writeAudit(
    { actor: by.actor, action: "topic.close_claims", entityType: "Topic", entityId: current.id, summary: `${current.code}：${input.reason}`, ip: by.ip },
    tx,
  );
}
