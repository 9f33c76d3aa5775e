import { z, idSchema, optionalText, requiredText, versionSchema } from "@/lib/validation";
import { EventKind, EventState } from "@/lib/generated/prisma/enums";
import { parseBusinessDateTime } from "@/lib/time";

export const MAX_EVENT_PROJECTS = 20;
export const MAX_INVITED_UNITS = 80;

/** A date and time typed in Beijing time; empty is allowed when `optional`. */
const when = (label: string) =>
  z
    .string()
    .nullish()
    .transform((value, ctx) => {
      if (!value) return null;
      const date = parseBusinessDateTime(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: `${label}格式不正确` });
        return z.NEVER;
      }
      return date;
    });

const idList = (max: number, message: string) =>
  z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((value) => [...new Set((Array.isArray(value) ? value : value ? [value] : []).filter(Boolean))])
    .pipe(z.array(idSchema).max(max, message));

export const eventFieldsSchema = z
  .object({
    kind: z.enum(EventKind, { error: "请选择活动类型" }),
    title: requiredText("活动名称", 100),
    startsAt: when("召开时间"),
    place: requiredText("地点", 100),
    siteProjectId: idSchema.nullish().or(z.literal("").transform(() => null)),
    hostUnitId: idSchema.or(z.literal("")).nullish(),
    agenda: requiredText("会议议程", 4000),
    submissionDeadline: when("材料报送截止时间"),
    noticeNumber: optionalText("发文字号", 40),
    projectIds: idList(MAX_EVENT_PROJECTS, `展示的项目不能超过 ${MAX_EVENT_PROJECTS} 个`),
    unitIds: idList(MAX_INVITED_UNITS, `邀请的单位不能超过 ${MAX_INVITED_UNITS} 个`),
  })
  .superRefine(
    (value, ctx) => {
      if (!value.startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "请填写召开时间" });
      if (!value.hostUnitId) ctx.addIssue({ code: "custom", path: ["hostUnitId"], message: "请选择承办单位" });
      if (value.kind === "SITE_VISIT" && !value.siteProjectId) ctx.addIssue({ code: "custom", path: ["siteProjectId"], message: "现场会请选择现场所在的项目" });
      if ((value.kind === "EXCHANGE" || value.kind === "SEMINAR") && !value.submissionDeadline)
        ctx.addIssue({
          code: "custom",
          path: ["submissionDeadline"],
          message: value.kind === "SEMINAR" ? "请填写论文报送截止时间" : "请填写交流材料报送截止时间",
        });
      if (
        value.startsAt instanceof Date &&
        value.submissionDeadline instanceof Date &&
        value.kind !== "SITE_VISIT" &&
        value.submissionDeadline > value.startsAt
      )
        ctx.addIssue({ code: "custom", path: ["submissionDeadline"], message: "报送截止时间不能晚于召开时间" });
      if (Array.isArray(value.unitIds) && value.unitIds.length === 0) ctx.addIssue({ code: "custom", path: ["unitIds"], message: "请至少邀请一个单位" });
    },
    // Also when another field is wrong, so one submit shows every problem of the form at once.
    { when: () => true },
  )
  .transform((value) => ({
    ...value,
    startsAt: value.startsAt as Date,
    hostUnitId: value.hostUnitId as string,
    siteProjectId: value.kind === "SITE_VISIT" ? (value.siteProjectId ?? null) : null,
    submissionDeadline: value.kind === "SITE_VISIT" ? null : value.submissionDeadline,
  }));
export type EventFields = z.output<typeof eventFieldsSchema>;
export type EventFormValues = z.input<typeof eventFieldsSchema>;

export const createEventSchema = eventFieldsSchema;
export const updateEventSchema = z.intersection(eventFieldsSchema, z.object({ id: idSchema, version: versionSchema }));
export type UpdateEventInput = z.output<typeof updateEventSchema>;

export const eventVersionSchema = z.object({ id: idSchema, version: versionSchema });
export type EventVersionInput = z.infer<typeof eventVersionSchema>;

export const minutesSchema = z.object({
  id: idSchema,
  version: versionSchema,
  minutes: requiredText("会议纪要", 10000),
  followUps: optionalText("后续工作", 4000),
});
export type MinutesInput = z.infer<typeof minutesSchema>;

export const confirmSchema = z.object({
  eventId: idSchema,
  version: versionSchema,
  attendees: requiredText("参会人员", 500),
});
export type ConfirmInput = z.infer<typeof confirmSchema>;

export const submissionSchema = z.object({
  eventId: idSchema,
  /** The version the form was based on; empty for the first save. */
  version: z.coerce.number().int().min(0).nullish(),
  intent: z.enum(["save", "submit"]).default("save"),
  title: requiredText("标题", 100),
  author: requiredText("作者", 100),
  body: requiredText("正文", 30000),
});
export type SubmissionInput = z.infer<typeof submissionSchema>;

export const selectSchema = z.object({
  id: idSchema,
  version: versionSchema,
  decision: z.enum(["select", "reject"]),
});
export type SelectInput = z.infer<typeof selectSchema>;

export const removeEventAttachmentSchema = z.object({ id: idSchema });

export const eventFilterSchema = z.object({
  kind: z.enum(EventKind).optional().catch(undefined),
  state: z.enum(EventState).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;
