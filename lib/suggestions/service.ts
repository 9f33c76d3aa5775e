// Suggestion changes, shared by the actions and the demo data.
import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { ActionError, STALE_RECORD, FieldError, NotFoundError } from "@/lib/actions/errors";
import { formatDate } from "@/lib/time";
import type { SuggestionCategory } from "@/lib/generated/prisma/enums";
import {
  canTriage,
  DEFAULT_ASPECTS,
  normalizeReceipt,
  receiptNumber,
  STATUS_LABELS,
  SUGGESTION_CATEGORIES,
  TRIAGE_TRANSITIONS,
  type TriageAction,
} from "@/lib/suggestions/catalog";

/** The sixteen aspects of seed 001, on a database that has none yet. */
export async function ensureDefaultAspects() {
  if ((await db.suggestionAspect.count()) > 0) return;
  await db.suggestionAspect.createMany({
    data: SUGGESTION_CATEGORIES.flatMap((category) => DEFAULT_ASPECTS[category].map((name, index) => ({ category, name, sortOrder: (index + 1) * 10 }))),
    skipDuplicates: true,
  });
}

type NewSuggestion = { category: SuggestionCategory; aspectId: string; content: string; submitterName: string | null; contact: string | null };

/** Suggestions are filed under the programme year of their Beijing calendar date, else the current year. */
export async function yearForNewSuggestion(tx: Tx, now = new Date()) {
  const calendarYear = Number(formatDate(now).slice(0, 4));
  const year = (await tx.year.findUnique({ where: { year: calendarYear } })) ?? (await tx.year.findFirst({ where: { isCurrent: true } }));
  if (!year) throw new ActionError("尚未设置年度，暂不能接收建议");
  return year;
}

export async function createSuggestionRecord(
  tx: Tx,
  input: NewSuggestion,
  by: { actor: AuditActor; unitId: string | null; ip: string | null; createdAt?: Date },
) {
  const aspect = await tx.suggestionAspect.findUnique({ where: { id: input.aspectId } });
  if (!aspect?.active || aspect.category !== input.category) throw new FieldError("aspectId", "请选择该类别下的方面");
  const year = await yearForNewSuggestion(tx, by.createdAt);
  const suggestion = await tx.suggestion.create({
    data: {
      ...input,
      receiptNo: receiptNumber(year.year, (max) => crypto.randomInt(max)),
      yearId: year.id,
      unitId: by.unitId,
      userId: by.actor?.id ?? null,
      createdAt: by.createdAt,
    },
  });
  await writeAudit(
    { actor: by.actor, action: "suggestion.create", entityType: "Suggestion", entityId: suggestion.id, summary: suggestion.receiptNo, ip: by.ip },
    tx,
  );
  return suggestion;
}

export async function triageSuggestionRecord(
  tx: Tx,
  input: { id: string; version: number; action: TriageAction; reply: string | null; mergeInto?: string },
  by: { actor: NonNullable<AuditActor>; ip: string | null },
) {
  const current = await tx.suggestion.findUnique({ where: { id: input.id } });
  if (!current) throw new NotFoundError("建议不存在");
  const transition = TRIAGE_TRANSITIONS[input.action];
  if (!canTriage(input.action, current.status)) throw new ActionError(`“${STATUS_LABELS[current.status]}”的建议不能${transition.label}`);
  if (transition.needsReply && !input.reply) throw new FieldError("reply", input.action === "notAdopted" ? "请写明不予采纳的理由" : "请填写答复内容");
  let mergedIntoId: string | null = null;
  if (input.action === "merge") {
    if (!input.mergeInto) throw new FieldError("mergeInto", "请填写要合并到的建议回执号");
    const target = await tx.suggestion.findUnique({ where: { receiptNo: normalizeReceipt(input.mergeInto) } });
    if (!target) throw new FieldError("mergeInto", "找不到该回执号的建议");
    if (target.id === current.id) throw new FieldError("mergeInto", "不能合并到它自己");
    if (target.status === "MERGED") throw new FieldError("mergeInto", "目标建议本身已被合并，请填写最终的那条");
    mergedIntoId = target.id;
  }
  const reply = input.reply ?? (input.action === "merge" ? "该建议与其他建议内容相同，已合并处理。" : current.reply);
  const updated = await tx.suggestion.updateMany({
    where: { id: input.id, version: input.version },
    data: { status: transition.to, reply, mergedIntoId, handledAt: new Date(), handledById: by.actor.id, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ActionError(STALE_RECORD);
  // Suggestions merged into this one follow it when it is merged in turn.
  if (mergedIntoId) await tx.suggestion.updateMany({ where: { mergedIntoId: current.id }, data: { mergedIntoId } });
  await writeAudit(
    {
      actor: by.actor,
      action: transition.audit,
      entityType: "Suggestion",
      entityId: current.id,
      summary: `${current.receiptNo}：${STATUS_LABELS[current.status]} → ${STATUS_LABELS[transition.to]}`,
      ip: by.ip,
    },
    tx,
  );
}
