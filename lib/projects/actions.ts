"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { ActionError } from "@/lib/actions/errors";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { carrierOf } from "@/lib/projects/carrier";
import { auditDenied } from "@/lib/auth/current-user";
import { z, idSchema } from "@/lib/validation";
import { fileStore } from "@/lib/storage";
import { addAttachmentRecord, cleanFileName, removeAttachmentRecord } from "@/lib/projects/attachments";
import { scanUpload } from "@/lib/security/upload-scan";
import {
  addGuidanceNoteRecord,
  assignLiaisonRecord,
  createProjectRecord,
  saveDraftFields,
  saveDraftRecord,
  transitionProjectRecord,
} from "@/lib/projects/service";
import { similarItems } from "@/lib/projects/queries";
import { TRANSITIONS } from "@/lib/projects/states";
import {
  assignLiaisonSchema,
  createProjectSchema,
  guidanceNoteSchema,
  removeAttachmentSchema,
  saveDraftSchema,
  similarSchema,
  transitionSchema,
} from "@/lib/projects/schemas";

function refresh(id?: string) {
  revalidatePath("/projects");
  if (id) revalidatePath(`/projects/${id}`);
}

// New proposals are written for the caller's own unit (from the session); the rest acts on the projects the caller carries.
export const createProject = actionClient
  .metadata({ name: "新建申报书", permission: "projects.propose" })
  .inputSchema(createProjectSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await db.$transaction((tx) => createProjectRecord(tx, parsedInput, ctx.user.unitId, { actor: ctx.actor, ip: ctx.ip }));
    refresh();
    return result;
  });

export const saveDraft = actionClient
  .metadata({ name: "保存申报书", permission: "projects.carry" })
  .inputSchema(saveDraftSchema)
  .action(async ({ parsedInput, ctx }) => {
    // Most autosaves change only the texts: one statement (saveDraftFields); a change of sectors, milestones or the
    // programme takes the transaction.
    const carrier = carrierOf(ctx.user);
    const result =
      (await saveDraftFields(parsedInput, carrier)) ??
      (await db.$transaction((tx) => saveDraftRecord(tx, parsedInput, carrier, { actor: ctx.actor, ip: ctx.ip })));
    return { ...result, savedAt: new Date().toISOString() };
  });

/** Every transition of the table goes through here; who may make it is decided by the table and the caller's roles. */
export const transitionProject = actionClient
  .metadata({ name: "项目状态变更", permission: "projects.view" })
  .inputSchema(transitionSchema)
  .action(async ({ parsedInput, ctx }) => {
    const allowedBy = TRANSITIONS[parsedInput.transition].by as readonly string[];
    const asAdmin = allowedBy.includes("admin") && can(ctx.user.roles, "projects.manage");
    // The unit side: a unit account, or the lead of a project won by an individual bid; scoped in the service.
    const asUnit = allowedBy.includes("unit") && can(ctx.user.roles, "projects.carry");
    if (!asAdmin && !asUnit) {
      await auditDenied(ctx.user, `操作：${TRANSITIONS[parsedInput.transition].label}`, ctx.ip);
      throw new ActionError("无权执行此操作");
    }
    const actor = asUnit && !asAdmin ? { kind: "unit" as const, carrier: carrierOf(ctx.user) } : { kind: "admin" as const };
    const result = await withFieldErrors(() => db.$transaction((tx) => transitionProjectRecord(tx, parsedInput, actor, { actor: ctx.actor, ip: ctx.ip })));
    refresh(parsedInput.id);
    return result;
  });

export const assignLiaison = actionClient
  .metadata({ name: "指定联系人", permission: "projects.manage" })
  .inputSchema(assignLiaisonSchema)
  .action(async ({ parsedInput, ctx }) => {
    await withFieldErrors(() => db.$transaction((tx) => assignLiaisonRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

export const addGuidanceNote = actionClient
  .metadata({ name: "填写指导记录", permission: "projects.guide" })
  .inputSchema(guidanceNoteSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => addGuidanceNoteRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip, isAdmin: can(ctx.user.roles, "projects.manage") }));
    refresh(parsedInput.projectId);
    return { projectId: parsedInput.projectId };
  });

/** Similar projects and topics while the proposal is being written (any unit, any year). */
export const findSimilar = actionClient
  .metadata({ name: "查找相似项目", permission: "projects.view" })
  .inputSchema(similarSchema)
  .action(async ({ parsedInput }) => similarItems({ title: parsedInput.title, problem: parsedInput.problem, exceptProjectId: parsedInput.projectId }));

const uploadSchema = z
  .instanceof(FormData, { message: "请选择文件" })
  .transform((form) => ({ projectId: form.get("projectId"), file: form.get("file") }))
  .pipe(z.object({ projectId: idSchema, file: z.instanceof(File, { message: "请选择文件" }) }));

export const uploadAttachment = actionClient
  .metadata({ name: "上传附件", permission: "projects.carry" })
  .inputSchema(uploadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const content = Buffer.from(await parsedInput.file.arrayBuffer());
    await scanUpload({ name: cleanFileName(parsedInput.file.name), content, what: "申报书附件" }, { actor: ctx.actor, ip: ctx.ip });
    const attachment = await db.$transaction(
      (tx) =>
        addAttachmentRecord(tx, { projectId: parsedInput.projectId, name: parsedInput.file.name, content }, carrierOf(ctx.user), {
          actor: ctx.actor,
          ip: ctx.ip,
        }),
      { timeout: 30_000 },
    );
    refresh(parsedInput.projectId);
    return { id: attachment.id, fileName: attachment.fileName };
  });

export const removeAttachment = actionClient
  .metadata({ name: "删除附件", permission: "projects.carry" })
  .inputSchema(removeAttachmentSchema)
  .action(async ({ parsedInput, ctx }) => {
    const key = await db.$transaction((tx) => removeAttachmentRecord(tx, parsedInput.id, carrierOf(ctx.user), { actor: ctx.actor, ip: ctx.ip }));
    await fileStore().remove(key);
    revalidatePath("/projects");
    return { id: parsedInput.id };
  });
