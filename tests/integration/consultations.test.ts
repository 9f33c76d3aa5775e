import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STALE_RECORD } from "@/lib/actions/errors";
import { createConsultation, recordFollowUp } from "@/lib/consultations/actions";
import { createProjectRecord } from "@/lib/projects/service";
import { createYearRecord } from "@/lib/years/service";
import { formatDate, toDateTimeLocal } from "@/lib/time";
import { actAs, makeCounty, makeUser, signOutTestUser } from "./support/fixtures";

let staff: Awaited<ReturnType<typeof makeUser>>;
let clerk: Awaited<ReturnType<typeof makeUser>>;
let projectId: string;

beforeAll(async () => {
  const county = await makeCounty();
  staff = await makeUser(["COUNTY_STAFF"], county.section.id);
  clerk = await makeUser(["UNIT_USER"], county.townshipA.id);
  const year = await db.$transaction((tx) => createYearRecord(tx, Number(formatDate(new Date()).slice(0, 4)), null));
  projectId = (
    await db.$transaction((tx) =>
      createProjectRecord(tx, { yearId: year.id }, clerk.unitId, { actor: { id: clerk.id, username: clerk.username, name: clerk.name }, ip: null }),
    )
  ).id;
});

beforeEach(() => signOutTestUser());

const input = () => ({
  projectId,
  heldAt: toDateTimeLocal(new Date()),
  participants: "组织科、乡镇党委书记",
  problems: "试点村推进慢",
  causes: "村干部力量不足",
  countermeasures: "选派驻村指导员",
  followUpBy: "组织科",
  followUpDue: toDateTimeLocal(new Date(Date.now() + 30 * 86_400_000)),
});

describe("consultations", () => {
  it("is held only on approved or running projects, by staff, and goes on the timeline with a notice to the unit", async () => {
    await actAs(staff);
    expect((await createConsultation(input()))?.serverError).toBe("只能对已立项、实施中的项目会诊");
    await db.project.update({ where: { id: projectId }, data: { state: "IN_PROGRESS", startedAt: new Date() } });
    expect((await createConsultation({ ...input(), causes: "" }))?.validationErrors?.fieldErrors.causes).toEqual(["请填写原因分析"]);
    const created = await createConsultation(input());
    expect(created?.data?.id).toBeTruthy();
    expect(await db.projectEvent.count({ where: { projectId, kind: "consultation" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: clerk.id, kind: "consultation" } })).toBe(1);

    expect((await recordFollowUp({ id: created!.data!.id, version: 0, followUpResult: "已选派指导员，试点村进度赶上" }))?.data).toBeTruthy();
    expect((await recordFollowUp({ id: created!.data!.id, version: 0, followUpResult: "重复" }))?.serverError).toBe(STALE_RECORD);

    await actAs(clerk);
    expect((await createConsultation(input()))?.serverError).toBe("无权执行此操作");
  });
});
