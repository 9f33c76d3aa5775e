// Uploads are scanned by a real clamd (tests/support/clamd.ts): the EICAR test string behind a %PDF header is
// refused in Chinese, naming the signature, and audited; a clean PDF is stored; with clamd stopped an upload is
// refused as "unavailable", never let through; without a scanner in production nothing is accepted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { uploadAttachment } from "@/lib/projects/actions";
import { uploadPracticeAttachment } from "@/lib/practice/actions";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate } from "@/lib/time";
import { fileStore } from "@/lib/storage";
import { antivirusConfig, pingScanner, scanBuffer } from "@/lib/security/antivirus";
import { SCANNER_MISSING, SCANNER_UNAVAILABLE } from "@/lib/security/upload-scan";
import { type ClamdServer, EICAR, EICAR_SIGNATURE, startClamd } from "../support/clamd";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "antivirus-uploads-"));
const YEAR = Number(formatDate(new Date()).slice(0, 4));
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

let clamd: ClamdServer;
let projectId = "";
let cadre: Awaited<ReturnType<typeof makeUser>>;
let clerk: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  clamd = await startClamd();
  delete process.env.ANTIVIRUS;
  process.env.CLAMAV_SOCKET = clamd.socket;
  const county = await makeCounty();
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  cadre = await makeUser(["COUNTY_STAFF"], county.section.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, YEAR, null));
  const by = { actor: { id: clerk.id, username: clerk.username, name: clerk.name }, ip: null };
  projectId = (await db.$transaction((tx) => createProjectRecord(tx, { yearId: year.id }, clerk.unitId, by))).id;
  await actAs(clerk);
}, 90_000);

afterAll(async () => {
  signOutTestUser();
  delete process.env.CLAMAV_SOCKET;
  process.env.ANTIVIRUS = "off";
  await clamd?.stop();
});

function upload(name: string, content: Buffer) {
  const form = new FormData();
  form.set("projectId", projectId);
  form.set("file", new File([new Uint8Array(content)], name));
  return uploadAttachment(form);
}

describe("the clamd client", () => {
  it("gets clamd's verdict through the socket, in chunks, for a file larger than one chunk", async () => {
    const target = { socket: clamd.socket };
    expect(await pingScanner(target)).toBe(true);
    expect(await scanBuffer(target, PDF)).toEqual({ clean: true });
    const big = Buffer.concat([PDF, Buffer.alloc(300 * 1024, 0x20), EICAR, Buffer.from("\n%%EOF\n")]);
    expect(await scanBuffer(target, big)).toEqual({ clean: false, signature: `${EICAR_SIGNATURE}.UNOFFICIAL` });
  });
});

describe("uploads", () => {
  it("refuses the EICAR test file behind a %PDF header, says why in Chinese, stores nothing and audits it", async () => {
    const infected = Buffer.concat([Buffer.from("%PDF-1.4\n"), EICAR, Buffer.from("\n%%EOF\n")]);
    const result = await upload("方案.pdf", infected);
    expect(result?.serverError).toBe(`文件「方案.pdf」经病毒扫描发现恶意内容（${EICAR_SIGNATURE}.UNOFFICIAL），已拒绝上传`);
    expect(await db.attachment.count({ where: { projectId } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "upload.infected" } });
    expect(audit).toMatchObject({ outcome: "DENIED", ip: "127.0.0.1", details: { fileName: "方案.pdf", signature: `${EICAR_SIGNATURE}.UNOFFICIAL` } });
    expect(audit.summary).toContain("申报书附件「方案.pdf」含恶意内容");
  });

  it("accepts a clean PDF, keeping its name without the right-to-left override", async () => {
    const result = await upload("实施方案\u202Efdp.pdf", PDF);
    expect(result?.serverError ?? null).toBeNull();
    expect(result?.data?.fileName).toBe("实施方案fdp.pdf");
    const stored = await db.attachment.findFirstOrThrow({ where: { projectId } });
    expect(await fileStore().get(stored.storageKey)).toEqual(PDF);
  });

  it("refuses the EICAR test file as a 四个一 item's file before anything is made, the draft included", async () => {
    const infected = Buffer.concat([Buffer.from("%PDF-1.4\n"), EICAR, Buffer.from("\n%%EOF\n")]);
    const form = new FormData();
    for (const [key, value] of Object.entries({ year: String(YEAR), kind: "RESEARCH", period: "1" })) form.set(key, value);
    form.set("file", new File([new Uint8Array(infected)], "调研报告.pdf"));
    await actAs(cadre);
    try {
      const result = await uploadPracticeAttachment(form);
      expect(result?.serverError).toBe(`文件「调研报告.pdf」经病毒扫描发现恶意内容（${EICAR_SIGNATURE}.UNOFFICIAL），已拒绝上传`);
      expect(await db.practiceItem.count({ where: { userId: cadre.id } })).toBe(0);
      expect(await db.practiceAttachment.count()).toBe(0);
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "upload.infected", actorId: cadre.id } });
      expect(audit.summary).toContain("四个一附件「调研报告.pdf」含恶意内容");
    } finally {
      await actAs(clerk);
    }
  });

  it("refuses uploads while clamd is down, and takes them again when it is back", async () => {
    await clamd.stop();
    const before = await db.attachment.count({ where: { projectId } });
    expect((await upload("停机时.pdf", PDF))?.serverError).toBe(SCANNER_UNAVAILABLE);
    expect(await pingScanner({ socket: clamd.socket })).toBe(false);
    expect(await db.attachment.count({ where: { projectId } })).toBe(before);
    await clamd.start();
    expect((await upload("恢复后.pdf", PDF))?.data?.fileName).toBe("恢复后.pdf");
  }, 90_000);

  it("refuses every upload in production when no scanner is configured, unless ANTIVIRUS=off says so", async () => {
    delete process.env.CLAMAV_SOCKET;
    try {
      expect(antivirusConfig()).toEqual({ mode: "missing" });
      expect((await upload("无扫描.pdf", PDF))?.serverError).toBe(SCANNER_MISSING);
      process.env.ANTIVIRUS = "off";
      expect((await upload("明确关闭.pdf", PDF))?.data?.fileName).toBe("明确关闭.pdf");
    } finally {
      delete process.env.ANTIVIRUS;
      process.env.CLAMAV_SOCKET = clamd.socket;
    }
  });
});
