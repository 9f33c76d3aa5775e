"use server";

import { revalidatePath } from "next/cache";
import { actionClient, withFieldErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import {
  createExamRecord,
  createReflectionRecord,
  createSessionRecord,
  recordAttendanceRecord,
  saveScoresRecord,
  signInRecord,
  updateSessionRecord,
} from "@/lib/learning/service";
import {
  createExamSchema,
  createReflectionSchema,
  createSessionSchema,
  recordAttendanceSchema,
  saveScoresSchema,
  signInSchema,
  updateSessionSchema,
} from "@/lib/learning/schemas";

export const createSession = actionClient
  .metadata({ name: "记录组工讲坛", permission: "learning.sessions" })
  .inputSchema(createSessionSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const result = await db.$transaction((tx) => createSessionRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/learning");
      return result;
    }),
  );

export const updateSession = actionClient
  .metadata({ name: "修改组工讲坛", permission: "learning.sessions" })
  .inputSchema(updateSessionSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(() => db.$transaction((tx) => updateSessionRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip }))),
  );

// The cadre signs in for themselves: the user comes from the session, never from the input.
export const signIn = actionClient
  .metadata({ name: "讲坛签到", permission: "learning.write" })
  .inputSchema(signInSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await db.$transaction((tx) => signInRecord(tx, parsedInput.sessionId, ctx.user, { actor: ctx.actor, ip: ctx.ip }));
    revalidatePath(`/learning/sessions/${parsedInput.sessionId}`);
    return result;
  });

export const recordAttendance = actionClient
  .metadata({ name: "补记讲坛签到", permission: "learning.manage" })
  .inputSchema(recordAttendanceSchema)
  .action(({ parsedInput, ctx }) => db.$transaction((tx) => recordAttendanceRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip })));

export const createExam = actionClient
  .metadata({ name: "登记业务考试", permission: "learning.manage" })
  .inputSchema(createExamSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const result = await db.$transaction((tx) => createExamRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/learning/exams");
      return result;
    }),
  );

export const saveScores = actionClient
  .metadata({ name: "录入考试成绩", permission: "learning.manage" })
  .inputSchema(saveScoresSchema)
  .action(({ parsedInput, ctx }) => withFieldErrors(() => db.$transaction((tx) => saveScoresRecord(tx, parsedInput, { actor: ctx.actor, ip: ctx.ip }))));

export const createReflection = actionClient
  .metadata({ name: "撰写心得体会", permission: "learning.write" })
  .inputSchema(createReflectionSchema)
  .action(({ parsedInput, ctx }) =>
    withFieldErrors(async () => {
      const result = await db.$transaction((tx) => createReflectionRecord(tx, parsedInput, ctx.user, { actor: ctx.actor, ip: ctx.ip }));
      revalidatePath("/learning/reflections");
      return result;
    }),
  );
