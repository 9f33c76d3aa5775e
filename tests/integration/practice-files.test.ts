// 四个一 files: the cadre attaches them to their own item while it is a draft or returned (the first one makes the
// draft), removes them the same way, and whoever may read the item downloads them through the scoped route.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { GET as download } from "@/app/(app)/practice/items/[id]/attachments/[attachmentId]/route";
import { removePracticeAttachment, reviewPractice, savePractice, setSectionHead, submitPractice, uploadPracticeAttachment } from "@/lib/practice/actions";
import { practiceAttachmentForViewer } from "@/lib/practice/queries";
import { fileStore } from "@/lib/storage";
import { createYearRecord } from "@/lib/years/service";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "practice-uploads-"));
process.env.UPLOAD_DIR = uploads;
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const PDF = Buffer.from("%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
const KEY = { year: YEAR, kind: "RESEARCH" as const, period: 1 };

let county: Awaited<ReturnType<typeof makeCounty>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let head: Awaited<ReturnType<typeof makeUser>>;
let cadre: Awaited<ReturnType<typeof makeUser>>;
let colleague: Awaited<ReturnType<typeof makeUser>>;
let leader: Awaited<ReturnType<typeof makeUser>>;
let clerk: Awaited<ReturnType<typeof makeUser>>;

const research = {
  ...KEY,
  topic: "村级后备力量培养",
  heldOn: `${YEAR}年3月`,
  place: "甲镇三个村",
  interviewees: "村党组织书记、后备干部12人",
  findings: "后备力量年龄偏大",
  proposals: "建立村级后备人才库",
};

function upload(name: string, content: Buffer, key: { year: number; kind: string; period: number } = KEY) {
  const form = new FormData();
  form.set("year", String(key.year));
  form.set("kind", key.kind);
  form.set("period", String(key.period));
  form.set("file", new File([new Uint8Array(content)], name));
  return uploadPracticeAttachment(form);
}

function get(itemId: string, attachmentId: string) {
  return download(new Request(`http://localhost/practice/items/${itemId}/attachments/${attachmentId}`), {
    params: Promise.resolve({ id: itemId, attachmentId }),
  });
}

const item = (userId: string) => db.practiceItem.findUniqueOrThrow({ where: { userId_year_kind_period: { userId, ...KEY } } });

beforeAll(async () => {
  county = await makeCounty();
  admin = await makeUser(["COUNTY_ADMIN"], county.section.id);
  head = await makeUser(["COUNTY_STAFF"], county.section.id);
  cadre = await makeUser(["COUNTY_STAFF"], county.section.id);
  colleague = await makeUser(["COUNTY_STAFF"], county.section.id);
  leader = await makeUser(["LEADER"], county.department.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  await actAs(admin);
  expect((await setSectionHead({ sectionId: county.section.id, headId: head.id }))?.data).toEqual({ ok: true });
});

beforeEach(() => signOutTestUser());

afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));

describe("四个一 files", () => {
  it("makes the empty draft with the first file (one draft for a double click), which the next save adopts by its version", async () => {
    await actAs(cadre);
    const [a, b] = await Promise.all([upload("走访记录.pdf", PDF), upload("座谈提纲.pdf", PDF)]);
    expect(a?.data?.itemVersion).toBe(0);
    expect(b?.data?.itemVersion).toBe(0);
    expect(await db.practiceItem.count({ where: { userId: cadre.id } })).toBe(1);
    const draft = await item(cadre.id);
    expect(draft).toMatchObject({ status: "DRAFT", title: "", version: 0 });
    expect(await db.practiceAttachment.count({ where: { itemId: draft.id } })).toBe(2);
    // The form had not saved yet: it sends the draft's version, and the save is no conflict.
    expect((await savePractice({ ...research, version: 0 }))?.data?.version).toBe(1);
    // A file whose bytes are not what its name says is refused, and nothing is stored.
    expect((await upload("假报告.pdf", Buffer.from("just text")))?.serverError).toMatch(/^不支持该文件类型/);
    expect(await db.practiceAttachment.count({ where: { itemId: draft.id } })).toBe(2);
    // An item whose period has not begun takes no file either.
    expect((await upload("提前.pdf", PDF, { year: YEAR + 1, kind: "RESEARCH", period: 1 }))?.serverError).toBe(`${YEAR + 1}年第一季度调研报告尚未开始`);
    const audited = await db.auditLog.count({ where: { action: "practice.attach", entityId: draft.id, actorId: cadre.id } });
    expect(audited).toBe(2);
  });

  it("lets the item's readers download, refuses other units with 403 and a forged pair with an audited 404", async () => {
    const draft = await item(cadre.id);
    const file = await db.practiceAttachment.findFirstOrThrow({ where: { itemId: draft.id, fileName: "走访记录.pdf" } });
    for (const reader of [cadre, head, leader, admin]) {
      await actAs(reader);
      const response = await get(draft.id, file.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("走访记录.pdf")}`);
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    }
    // A unit outside the department: refused by permission, and nothing in the query's scope either.
    await actAs(clerk);
    expect((await get(draft.id, file.id)).status).toBe(403);
    const clerkUnit = await db.unit.findUniqueOrThrow({ where: { id: clerk.unitId }, select: { type: true } });
    expect(await practiceAttachmentForViewer({ id: clerk.id, roles: clerk.roles, unit: clerkUnit }, draft.id, file.id)).toBeNull();
    // The file asked for under another item is not found, and the refusal is audited.
    await actAs(colleague);
    const own = await upload("我的.pdf", PDF);
    const colleagueItem = await item(colleague.id);
    expect(colleagueItem.id).not.toBe(draft.id);
    await actAs(head);
    expect((await get(colleagueItem.id, file.id)).status).toBe(404);
    expect(await db.auditLog.findFirst({ where: { outcome: "DENIED", entityType: "PracticeAttachment", entityId: file.id, actorId: head.id } })).toBeTruthy();
    expect((await get(colleagueItem.id, own!.data!.id)).status).toBe(200);
  });

  it("lets only the item's own cadre remove a file, deleting the stored copy", async () => {
    const draft = await item(cadre.id);
    const file = await db.practiceAttachment.findFirstOrThrow({ where: { itemId: draft.id, fileName: "座谈提纲.pdf" } });
    for (const other of [colleague, head]) {
      await actAs(other);
      expect((await removePracticeAttachment({ id: file.id }))?.serverError).toBe("附件不存在");
    }
    await actAs(admin);
    expect((await removePracticeAttachment({ id: file.id }))?.serverError).toBeTruthy();
    expect(await fileStore().get(file.storageKey)).not.toBeNull();
    await actAs(cadre);
    expect((await removePracticeAttachment({ id: file.id }))?.data).toEqual({ id: file.id });
    expect(await db.practiceAttachment.findUnique({ where: { id: file.id } })).toBeNull();
    expect(await fileStore().get(file.storageKey)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "practice.detach", entityId: draft.id } })).toBe(1);
  });

  it("freezes the files once submitted, opens them again when returned, and freezes them for good once accepted", async () => {
    await actAs(cadre);
    const draft = await item(cadre.id);
    const file = await db.practiceAttachment.findFirstOrThrow({ where: { itemId: draft.id } });
    const submitted = await submitPractice({ ...KEY, version: draft.version });
    expect(submitted?.data).toBeTruthy();
    expect((await upload("补充.pdf", PDF))?.serverError).toBe("已提交的材料不能再添加或删除附件");
    expect((await removePracticeAttachment({ id: file.id }))?.serverError).toBe("已提交的材料不能再添加或删除附件");

    await actAs(head);
    let current = await item(cadre.id);
    expect((await reviewPractice({ itemId: current.id, version: current.version, accept: false, comment: "请补充走访照片" }))?.data).toEqual({ ok: true });
    await actAs(cadre);
    const added = await upload("走访照片.pdf", PDF);
    expect(added?.data?.fileName).toBe("走访照片.pdf");
    current = await item(cadre.id);
    expect(current.status).toBe("RETURNED");
    expect((await submitPractice({ ...KEY, version: current.version }))?.data).toBeTruthy();

    await actAs(head);
    current = await item(cadre.id);
    expect((await reviewPractice({ itemId: current.id, version: current.version, accept: true, comment: null }))?.data).toEqual({ ok: true });
    await actAs(cadre);
    expect((await upload("再补充.pdf", PDF))?.serverError).toBe("已提交的材料不能再添加或删除附件");
    expect((await removePracticeAttachment({ id: added!.data!.id }))?.serverError).toBe("已提交的材料不能再添加或删除附件");
    expect(await db.practiceAttachment.count({ where: { itemId: draft.id } })).toBe(2);
  });

  it("refuses a unit outside the department any upload", async () => {
    await actAs(clerk);
    expect((await upload("乡镇.pdf", PDF))?.serverError).toBeTruthy();
    expect(await db.practiceItem.count({ where: { userId: clerk.id } })).toBe(0);
  });
});
