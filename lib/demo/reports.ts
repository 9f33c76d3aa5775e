// Demo quarterly reports: most on time, some late, some missing, a few returned by the liaison.
import "server-only";
import type { Faker } from "@faker-js/faker";
import { db } from "@/lib/db/client";
import { deadlineFor, reviewReportRecord, saveReportRecord, submitReportRecord } from "@/lib/reports/service";
import { owesReport, quarterOf, QUARTERS } from "@/lib/reports/quarters";
import { formatDate, parseBusinessDateTime } from "@/lib/time";
import { createConsultationRecord, recordFollowUpRecord } from "@/lib/consultations/service";
import { unitCarrier } from "@/lib/projects/carrier";
import {
  addInspectionProjectsRecord,
  addRectificationRecord,
  answerRectificationRecord,
  createInspectionRecord,
  publishInspectionRecord,
  saveItemRecord,
} from "@/lib/inspections/service";

export async function seedReports(faker: Faker, years: number[]) {
  const now = new Date();
  const current = quarterOf(now);
  const projects = await db.project.findMany({
    where: { startedAt: { not: null } },
    include: {
      milestones: { orderBy: { sortOrder: "asc" } },
      liaison: { select: { id: true, username: true, name: true } },
      unit: { include: { users: { where: { roles: { has: "UNIT_USER" } }, take: 1 } } },
    },
  });
  await db.$transaction(
    async (tx) => {
      for (const year of years) {
        for (const quarter of QUARTERS) {
          // Only quarters whose deadline has passed, and the current one's (half of them drafted or in).
          if (year > current.year || (year === current.year && quarter > current.quarter)) continue;
          const deadline = await deadlineFor(tx, year, quarter);
          for (const project of projects) {
            if (!owesReport(project, year, quarter)) continue;
            const clerk = project.unit.users[0];
            if (!clerk) continue;
            const roll = faker.number.int(99);
            const open = year === current.year && quarter === current.quarter;
            if (roll < (open ? 50 : 8)) continue; // missing (or not yet written)
            const at = new Date(deadline.getTime() - (roll < 20 ? -3 : 1 + faker.number.int(8)) * 86_400_000);
            if (at > now) continue;
            const unitBy = { actor: { id: clerk.id, username: clerk.username, name: clerk.name }, ip: null, now: at };
            const percent = Math.min(100, quarter * 25 - faker.number.int(10));
            const milestones = project.milestones.map((m) => ({
              milestoneId: m.id,
              title: m.title,
              planned: formatDate(m.dueDate),
              done: Boolean(m.dueDate && m.dueDate < at && roll % 7 !== 0),
              doneOn: m.dueDate && m.dueDate < at ? formatDate(m.dueDate) : null,
              note: null,
            }));
            const saved = await saveReportRecord(
              tx,
              {
                projectId: project.id,
                year,
                quarter,
                progress: `本季度按计划推进：召开专题会议 ${1 + faker.number.int(3)} 次，完成阶段任务。`,
                percent,
                problems: roll % 5 === 0 ? "部分村干部积极性不高，经费到位较慢。" : null,
                nextSteps: "下季度继续抓好落实，及时总结经验。",
                milestones,
              },
              unitCarrier(clerk.unitId),
              unitBy,
            );
            await submitReportRecord(tx, { projectId: project.id, year, quarter, version: saved.version }, unitCarrier(clerk.unitId), unitBy);
            if (!project.liaison || open) continue;
            const report = await tx.progressReport.findUniqueOrThrow({ where: { projectId_year_quarter: { projectId: project.id, year, quarter } } });
            const returned = roll % 11 === 0;
            await reviewReportRecord(
              tx,
              { reportId: report.id, version: report.version, accept: !returned, comment: returned ? "节点完成情况写得不具体，请补充。" : null },
              { actor: project.liaison, ip: null, now: new Date(Math.min(now.getTime(), at.getTime() + 3 * 86_400_000)), isAdmin: false },
            );
          }
        }
      }
    },
    { timeout: 600_000 },
  );
}

/** A few consultations (会诊) on running projects that missed a report, some already followed up. */
export async function seedConsultations(faker: Faker, year: number) {
  const staff = await db.user.findMany({
    where: { roles: { has: "COUNTY_STAFF" } },
    select: { id: true, username: true, name: true },
    orderBy: { username: "asc" },
  });
  if (staff.length === 0) return;
  const projects = await db.project.findMany({ where: { state: "IN_PROGRESS", year: { year } }, orderBy: { title: "asc" }, take: 8, select: { id: true } });
  await db.$transaction(async (tx) => {
    for (const [index, project] of projects.entries()) {
      const actor = staff[index % staff.length];
      const heldAt = parseBusinessDateTime(`${year}-${String(7 + (index % 4)).padStart(2, "0")}-${String(10 + index).padStart(2, "0")} 15:00`)!;
      const consultation = await createConsultationRecord(
        tx,
        {
          projectId: project.id,
          heldAt,
          participants: "组织科、联系人、乡镇党委书记",
          problems: faker.helpers.arrayElement(["试点村推进慢，台账不全。", "经费到位慢，部分措施未落实。", "群众参与度不高，宣传不到位。"]),
          causes: faker.helpers.arrayElement(["村干部力量不足，分工不明确。", "部门协调不畅。", "前期调研不充分。"]),
          countermeasures: "选派驻村指导员，每周调度一次，月底前补齐台账。",
          followUpBy: "组织科",
          followUpDue: new Date(heldAt.getTime() + 30 * 86_400_000),
        },
        { actor, ip: null, now: heldAt },
      );
      if (index % 2 === 0) {
        await recordFollowUpRecord(
          tx,
          { id: consultation.id, version: 0, followUpResult: "已整改到位，进度赶上计划。" },
          { actor, ip: null, now: new Date(heldAt.getTime() + 25 * 86_400_000) },
        );
      }
    }
  });
}

/** Published inspections for the current year's finished quarters, with findings and rectification items. */
export async function seedInspections(faker: Faker, year: number) {
  const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true, username: true, name: true } });
  const staff = await db.user.findMany({
    where: { roles: { has: "COUNTY_STAFF" } },
    select: { id: true, username: true, name: true },
    orderBy: { username: "asc" },
  });
  const current = quarterOf(new Date());
  const themes = ["一村一名入党积极分子计划实施情况", "无职党员设岗定责落实情况", "软弱涣散村党组织整顿转化情况"];
  const findings = ["ON_TRACK", "NORMAL", "NORMAL", "LAGGING", "PROBLEM"] as const;
  for (const quarter of [2, 3] as const) {
    if (year === current.year && quarter >= current.quarter) continue;
    const at = parseBusinessDateTime(`${year}-${String(quarter * 3).padStart(2, "0")}-25 10:00`)!;
    const admBy = { actor: admin, ip: null, now: at };
    await db.$transaction(
      async (tx) => {
        const inspection = await createInspectionRecord(tx, { year, quarter, theme: themes[quarter - 1], memberIds: staff.map((s) => s.id) }, admBy);
        const projects = await tx.project.findMany({ where: { state: "IN_PROGRESS", year: { year } }, orderBy: { id: "asc" }, take: 6, select: { id: true } });
        await addInspectionProjectsRecord(tx, { inspectionId: inspection.id, projectIds: projects.map((p) => p.id), allLagging: false }, admBy);
        await tx.inspection.update({
          where: { id: inspection.id },
          data: { overview: `本季度督查组对 ${projects.length} 个项目进行了实地督查，总体进展正常，个别项目滞后。` },
        });
        const items = await tx.inspectionItem.findMany({ where: { inspectionId: inspection.id } });
        const toAnswer: { id: string; projectId: string }[] = [];
        for (const [index, item] of items.entries()) {
          const finding = findings[index % findings.length];
          const trouble = finding === "LAGGING" || finding === "PROBLEM";
          const member = staff[index % staff.length] ?? admin;
          await saveItemRecord(
            tx,
            {
              id: item.id,
              version: 0,
              finding,
              problems: trouble ? "部分措施未按计划落实，台账不全。" : null,
              recommendations: trouble ? "限期补齐台账，每月报告进度。" : null,
            },
            { actor: member, ip: null, now: at, isAdmin: true },
          );
          if (trouble) {
            const rect = await addRectificationRecord(
              tx,
              { itemId: item.id, content: "补齐项目台账，落实节点计划", dueAt: new Date(at.getTime() + 30 * 86_400_000) },
              { actor: member, ip: null, now: at, isAdmin: true },
            );
            if (faker.number.int(2) > 0) toAnswer.push({ id: rect.id, projectId: item.projectId });
          }
        }
        const { version } = await tx.inspection.findUniqueOrThrow({ where: { id: inspection.id } });
        await publishInspectionRecord(tx, { id: inspection.id, version }, { ...admBy, now: new Date(at.getTime() + 86_400_000) });
        // Units answer once the bulletin is out.
        for (const rect of toAnswer) {
          const project = await tx.project.findUniqueOrThrow({
            where: { id: rect.projectId },
            include: { unit: { include: { users: { where: { roles: { has: "UNIT_USER" } }, take: 1 } } } },
          });
          const clerk = project.unit.users[0];
          if (clerk)
            await answerRectificationRecord(tx, { id: rect.id, version: 0, answer: "已补齐台账，建立月报制度。" }, project.unitId, {
              actor: { id: clerk.id, username: clerk.username, name: clerk.name },
              ip: null,
              now: new Date(at.getTime() + 20 * 86_400_000),
            });
        }
      },
      { timeout: 120_000 },
    );
  }
}
