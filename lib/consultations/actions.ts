"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { createConsultationRecord, recordFollowUpRecord } from "@/lib/consultations/service";
import { consultationSchema, followUpSchema } from "@/lib/consultations/schemas";

export const createConsultation = actionClient
  .metadata({ name: "记录会诊", permission: "consultations.manage" })
  .inputSchema(consultationSchema)
  .action(async ({ parsedInput, ctx }) => {
    const consultation = await db.$transaction((tx) => createConsultationRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    revalidatePath(`/projects/${parsedInput.projectId}`);
    return { id: consultation.id };
  });

export const recordFollowUp = actionClient
  .metadata({ name: "记录会诊跟进结果", permission: "consultations.manage" })
  .inputSchema(followUpSchema)
  .action(async ({ parsedInput, ctx }) => {
    await db.$transaction((tx) => recordFollowUpRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
    revalidatePath("/projects", "layout");
    return { id: parsedInput.id };
  });
