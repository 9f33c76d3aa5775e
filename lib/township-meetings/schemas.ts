import { z, idSchema, optionalText, requiredText, versionSchema } from "@/lib/validation";
import { parseBusinessDateTime } from "@/lib/time";

export const MAX_SHARES = 30;
const PRACTICE_MAX = 1000;

/** The day the meeting was held ("2026-11-20"), as midnight of that day in Beijing. */
const meetingDate = z.string({ error: "请填写例会日期" }).transform((value, ctx) => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseBusinessDateTime(value) : null;
  if (!date) {
    ctx.addIssue({ code: "custom", message: value ? "例会日期格式不正确" : "请填写例会日期" });
    return z.NEVER;
  }
  return date;
});

// Rows are checked by the object below, so each message is keyed "shares.2.practice" and lands beside its
// control: the flattened error shape of the action client keeps only top-level keys.
const shareRow = z.object({
  unitId: z.string().trim().max(40).catch(""),
  practice: z.string().trim().catch(""),
  projectId: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((value) => value || null),
});

export const meetingFieldsSchema = z
  .object({
    heldOn: meetingDate,
    place: requiredText("地点", 100),
    host: requiredText("主持人", 60),
    attendees: requiredText("参会人员", 2000),
    problems: optionalText("查询问题", 4000),
    followUps: optionalText("跟进事项", 4000),
    shares: z.array(shareRow).max(MAX_SHARES, `交流做法不能超过 ${MAX_SHARES} 条`).default([]),
  })
  .superRefine(
    (value, ctx) => {
      if (value.shares.length === 0) ctx.addIssue({ code: "custom", path: ["shares"], message: "请至少填写一个乡镇交流的做法" });
      value.shares.forEach((share, index) => {
        if (!share.unitId) ctx.addIssue({ code: "custom", path: [`shares.${index}.unitId`], message: "请选择乡镇" });
        if (!share.practice) ctx.addIssue({ code: "custom", path: [`shares.${index}.practice`], message: "请填写交流的做法" });
        else if (share.practice.length > PRACTICE_MAX)
          ctx.addIssue({ code: "custom", path: [`shares.${index}.practice`], message: `交流的做法不能超过 ${PRACTICE_MAX} 个字` });
      });
    },
    // Also when another field is wrong, so one submit shows every problem of the form at once.
    { when: (payload) => Array.isArray((payload.value as { shares?: unknown } | undefined)?.shares) },
  );

export const createMeetingSchema = meetingFieldsSchema;
export const updateMeetingSchema = z.intersection(meetingFieldsSchema, z.object({ id: idSchema, version: versionSchema }));

export type MeetingFields = z.infer<typeof meetingFieldsSchema>;
export type MeetingShareInput = MeetingFields["shares"][number];
/** What the form sends: the date as typed. */
export type MeetingFormValues = z.input<typeof meetingFieldsSchema>;

export const meetingFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  unitId: z.string().max(40).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type MeetingFilter = z.infer<typeof meetingFilterSchema>;
