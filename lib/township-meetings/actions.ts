"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { createMeetingRecord, updateMeetingRecord } from "@/lib/township-meetings/service";
import { createMeetingSchema, updateMeetingSchema } from "@/lib/township-meetings/schemas";

export const createTownshipMeeting = actionClient
  .metadata({ name: "记录组织委员例会", permission: "meetings.manage" })
  .inputSchema(createMeetingSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const meeting = await db.$transaction((tx) => createMeetingRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/township-meetings");
      return { id: meeting.id };
    }),
  );

export const updateTownshipMeeting = actionClient
  .metadata({ name: "修改组织委员例会", permission: "meetings.manage" })
  .inputSchema(updateMeetingSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const result = await db.$transaction((tx) => updateMeetingRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/township-meetings", "layout");
      revalidatePath("/projects", "layout");
      return result;
    }),
  );
