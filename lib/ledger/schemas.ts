// 盘点销号 inputs, shared by the forms and the actions.
import { z, idSchema, versionSchema, requiredText, optionalText } from "@/lib/validation";
import { startOfBusinessDay } from "@/lib/time";
import { LEDGER_MACHINE } from "@/lib/ledger/states";

/** A Beijing day typed as YYYY-MM-DD, as its first instant. */
export const dayField = (label: string) =>
  z.string({ error: `请填写${label}` }).transform((value, ctx) => {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? startOfBusinessDay(value.trim()) : null;
    if (!date) {
      ctx.addIssue({ code: "custom", message: value ? `${label}格式不正确` : `请填写${label}` });
      return z.NEVER;
    }
    return date;
  });

const optionalId = z
  .union([idSchema, z.literal("")])
  .nullish()
  .transform((v) => (v ? v : null));

export const problemFields = {
  title: requiredText("遗留问题", 200),
  since: requiredText("存在时间", 50),
  measures: requiredText("整改措施", 2000),
  targetDate: dayField("目标销号日期"),
  /** The cadre responsible (责任人); a cadre who is not the head may only name themselves. Empty: oneself. */
  ownerId: optionalId,
};
export const createProblemSchema = z.object(problemFields);
export type ProblemInput = z.infer<typeof createProblemSchema>;
export const updateProblemSchema = z.object({ id: idSchema, version: versionSchema, ...problemFields });
export const requestClearSchema = z.object({ id: idSchema, version: versionSchema, evidence: requiredText("销号佐证", 3000) });
export const confirmClearSchema = z.object({ id: idSchema, version: versionSchema, accept: z.boolean(), comment: optionalText("意见", 1000) });
export const reopenSchema = z.object({ id: idSchema, version: versionSchema, reason: requiredText("重新打开的原因", 1000) });
export const removeLedgerAttachmentSchema = z.object({ id: idSchema });

export const LEDGER_FILTERS = LEDGER_MACHINE.stateNames;
export const ledgerFilterSchema = z.object({
  section: optionalId.optional().catch(undefined),
  status: z.enum(LEDGER_FILTERS).optional().catch(undefined),
  /** "1": only overdue ones; "confirm": the requests waiting for the viewer's confirmation. */
  view: z.enum(["overdue", "confirm"]).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;
