import { afterEach, beforeAll, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { db } from "@/lib/db/client";
import { notifyUsers } from "@/lib/notifications/service";
import { backoffMinutes, deliverOutbox, MAX_ATTEMPTS, type MailSender, type OutgoingMail } from "@/lib/email/outbox";
import { updateUserSchema } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/actions";
import { updateOwnEmail } from "@/lib/account/actions";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

type User = Awaited<ReturnType<typeof makeUser>>;
let withEmail: User;
let withoutEmail: User;

/** A sender through nodemailer's JSON transport (no server): records every message it builds. */
function fakeSender(delayMs = 0) {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: { to: string; subject: string; text: string }[] = [];
  const send: MailSender = async (mail: OutgoingMail) => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const info = await transport.sendMail(mail);
    const message = JSON.parse(info.message) as { to: { address: string }[]; subject: string; text: string };
    sent.push({ to: message.to[0].address, subject: message.subject, text: message.text });
  };
  return { send, sent };
}

function configureSmtp() {
  process.env.SMTP_HOST = "smtp.example.test";
  process.env.SMTP_PORT = "587";
  process.env.SMTP_FROM = "noreply@example.test";
}

beforeAll(async () => {
  const county = await makeCounty();
  withEmail = await makeUser(["UNIT_USER"], county.townshipA.id);
  withoutEmail = await makeUser(["UNIT_USER"], county.townshipA.id);
  await db.user.update({ where: { id: withEmail.id }, data: { email: "clerk@example.test" } });
});

afterEach(async () => {
  for (const name of ["SMTP_HOST", "SMTP_PORT", "SMTP_FROM", "SMTP_USER", "SMTP_PASS", "SMTP_SECURE"]) delete process.env[name];
  await db.emailOutbox.deleteMany();
  signOutTestUser();
});

describe("e-mail of notifications", () => {
  it("queues nothing when SMTP is not configured", async () => {
    await notifyUsers(db, [withEmail.id, withoutEmail.id], { kind: "topic.assigned", title: "选题已发包给本单位", link: "/topics/x" });
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await deliverOutbox({ sender: fakeSender().send })).toEqual({ sent: 0, failed: 0 });
  });

  it("queues one mail per recipient with an address, in the notification's transaction", async () => {
    configureSmtp();
    await notifyUsers(db, [withEmail.id, withoutEmail.id], { kind: "topic.assigned", title: "选题已发包给本单位", body: "请答复", link: "/topics/x" });
    const rows = await db.emailOutbox.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: withEmail.id, to: "clerk@example.test", sentAt: null, attempts: 0 });
    expect(rows[0].subject).toContain("选题已发包给本单位");
    expect(rows[0].body).toContain("/topics/x");

    // A transaction that fails leaves neither the notification nor the mail.
    await expect(
      db.$transaction(async (tx) => {
        await notifyUsers(tx, [withEmail.id], { kind: "award", title: "不会发出的通知" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.emailOutbox.count()).toBe(1);
    expect(await db.notification.count({ where: { title: "不会发出的通知" } })).toBe(0);
  });

  it("sends each mail once even with two workers at the same time, and not again later", async () => {
    configureSmtp();
    for (let i = 0; i < 25; i++) await notifyUsers(db, [withEmail.id], { kind: "award", title: `通知 ${i}` });
    const fake = fakeSender(5);
    const [a, b] = await Promise.all([deliverOutbox({ sender: fake.send }), deliverOutbox({ sender: fake.send })]);
    expect(a.sent + b.sent).toBe(25);
    expect(fake.sent).toHaveLength(25);
    expect(new Set(fake.sent.map((mail) => mail.subject)).size).toBe(25);
    expect(fake.sent[0]).toMatchObject({ to: "clerk@example.test" });
    expect(await db.emailOutbox.count({ where: { sentAt: null } })).toBe(0);
    await deliverOutbox({ sender: fake.send });
    expect(fake.sent).toHaveLength(25);
  });

  it("retries a failed mail with backoff and gives up after the last attempt", async () => {
    configureSmtp();
    await notifyUsers(db, [withEmail.id], { kind: "award", title: "发送失败的通知" });
    const failing: MailSender = async () => {
      throw new Error("connection refused");
    };
    const now = new Date();
    expect(await deliverOutbox({ now, sender: failing })).toEqual({ sent: 0, failed: 1 });
    const row = await db.emailOutbox.findFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, lastError: "connection refused", sentAt: null });
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + backoffMinutes(1) * 60_000);
    // Not yet due: nothing is tried.
    expect(await deliverOutbox({ now, sender: failing })).toEqual({ sent: 0, failed: 0 });

    const fake = fakeSender();
    expect(await deliverOutbox({ now: new Date(row.nextAttemptAt.getTime() + 1), sender: fake.send })).toEqual({ sent: 1, failed: 0 });
    expect(await db.emailOutbox.findFirstOrThrow()).toMatchObject({ attempts: 2, lastError: null });

    await db.emailOutbox.updateMany({ data: { sentAt: null, attempts: MAX_ATTEMPTS } });
    expect(await deliverOutbox({ now: new Date(Date.now() + 86_400_000), sender: fake.send })).toEqual({ sent: 0, failed: 0 });
    expect(backoffMinutes(3)).toBe(4);
    expect(backoffMinutes(20)).toBe(360);
  });
});

describe("e-mail address", () => {
  it("is optional and checked, with a Chinese message", () => {
    const base = { id: "c1234567890", version: 0, name: "张三", unitId: "u1", roles: ["UNIT_USER"] };
    expect(updateUserSchema.parse({ ...base, email: "" }).email).toBeNull();
    expect(updateUserSchema.parse({ ...base, email: " Clerk@Example.test " }).email).toBe("clerk@example.test");
    const result = updateUserSchema.safeParse({ ...base, email: "not-an-address" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["email"], message: "电子邮箱格式不正确" });
  });
});

describe("setting the address", () => {
  it("the security admin sets it in the account form; a wrong one gets a Chinese field error", async () => {
    const county = await db.unit.findFirstOrThrow({ where: { name: "甲镇" } });
    const security = await makeUser(["SECURITY_ADMIN"], county.id);
    await actAs(security);
    const row = await db.user.findUniqueOrThrow({ where: { id: withoutEmail.id } });
    const fields = { id: row.id, version: row.version, name: row.name, unitId: row.unitId, roles: row.roles };
    const bad = await updateUser({ ...fields, email: "no-at-sign" });
    expect(bad.validationErrors?.fieldErrors).toEqual({ email: ["电子邮箱格式不正确"] });
    expect((await updateUser({ ...fields, email: "second@example.test" })).data).toEqual({ id: row.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: row.id } })).email).toBe("second@example.test");
  });

  it("each user sets or clears their own, and the change is audited", async () => {
    await actAs(withEmail);
    expect((await updateOwnEmail({ email: "mine@example.test" })).data).toEqual({ email: "mine@example.test" });
    expect((await db.user.findUniqueOrThrow({ where: { id: withEmail.id } })).email).toBe("mine@example.test");
    expect((await updateOwnEmail({ email: "bad" })).validationErrors?.fieldErrors).toEqual({ email: ["电子邮箱格式不正确"] });
    await updateOwnEmail({ email: "" });
    expect((await db.user.findUniqueOrThrow({ where: { id: withEmail.id } })).email).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.email", actorId: withEmail.id } })).toBe(2);
    await db.user.update({ where: { id: withEmail.id }, data: { email: "clerk@example.test" } });
  });
});
