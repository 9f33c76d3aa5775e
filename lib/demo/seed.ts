// Loads the demo county through the same services the app's actions use.
import { seedCadreNomination, seedCadrePractice } from "@/lib/demo/cadre-practice";
import { seedResearch } from "@/lib/demo/research";
import { seedLedgerAndLearning } from "@/lib/demo/ledger-learning";
import { seedPersonBids } from "@/lib/demo/person-bids";
import "server-only";
import { fakerZH_CN as faker } from "@faker-js/faker";
import { db } from "@/lib/db/client";
import { createUnitRecord } from "@/lib/units/service";
import { createUserRecord } from "@/lib/users/service";
import { createYearRecord, setCurrentYearRecord } from "@/lib/years/service";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedSuggestions } from "@/lib/demo/suggestions";
import { seedTopics } from "@/lib/demo/topics";
import { seedPlan } from "@/lib/demo/plan";
import { seedProjects } from "@/lib/demo/projects";
import { seedPromotion } from "@/lib/demo/promotion";
import { seedAwards } from "@/lib/demo/awards";
import { seedTownshipMeetings } from "@/lib/demo/township-meetings";
import { seedEvents } from "@/lib/demo/events";
import { seedConsultations, seedInspections, seedReports } from "@/lib/demo/reports";
import {
  COUNTY,
  CURRENT_DEMO_YEAR,
  DEMO_PASSWORD,
  DEMO_YEARS,
  DEPARTMENTS,
  FEATURED_ACCOUNTS,
  ORGANIZATION_DEPARTMENT,
  SECTIONS,
  TOWNSHIPS,
} from "@/lib/demo/data";

export async function seedDemo(): Promise<void> {
  faker.seed(2012);
  const unitIds = new Map<string, string>();
  await db.$transaction(
    async (tx) => {
      const county = await createUnitRecord(tx, { name: COUNTY.name, type: "COUNTY", parentId: null, code: COUNTY.code, sortOrder: 0 }, null);
      unitIds.set(county.name, county.id);
      for (const [index, name] of TOWNSHIPS.entries()) {
        const unit = await createUnitRecord(tx, { name, type: "TOWNSHIP", parentId: county.id, code: null, sortOrder: index + 1 }, null);
        unitIds.set(name, unit.id);
      }
      for (const [index, name] of DEPARTMENTS.entries()) {
        const unit = await createUnitRecord(tx, { name, type: "DEPARTMENT", parentId: county.id, code: null, sortOrder: index + 1 }, null);
        unitIds.set(name, unit.id);
      }
      const organization = unitIds.get(ORGANIZATION_DEPARTMENT)!;
      for (const [index, name] of SECTIONS.entries()) {
        const unit = await createUnitRecord(tx, { name, type: "SECTION", parentId: organization, code: null, sortOrder: index + 1 }, null);
        unitIds.set(name, unit.id);
      }
      for (const year of DEMO_YEARS) {
        const created = await createYearRecord(tx, year, null);
        if (year === CURRENT_DEMO_YEAR) await setCurrentYearRecord(tx, created.id, null, null);
      }
    },
    { timeout: 120_000 },
  );

  const accounts: { username: string; name: string; unitId: string; roles: Role[] }[] = FEATURED_ACCOUNTS.map((account) => ({
    username: account.username,
    name: faker.person.fullName().replace(/\s/g, ""),
    unitId: unitIds.get(account.unit)!,
    roles: [...account.roles],
  }));
  const units = await db.unit.findMany({ where: { type: { in: ["TOWNSHIP", "DEPARTMENT"] } }, orderBy: { code: "asc" } });
  for (const unit of units) {
    accounts.push({ username: unit.code.toLowerCase(), name: faker.person.fullName().replace(/\s/g, ""), unitId: unit.id, roles: ["UNIT_USER"] });
  }
  await db.$transaction(
    async (tx) => {
      for (const account of accounts) {
        const phone = faker.phone.number({ style: "national" }).replace(/\D/g, "").slice(0, 11);
        await createUserRecord(tx, { ...account, phone }, { password: DEMO_PASSWORD, mustChangePassword: false, actor: null });
      }
    },
    { timeout: 120_000 },
  );
  await seedSuggestions(
    faker,
    DEMO_YEARS.filter((year) => year >= CURRENT_DEMO_YEAR - 1),
    "staff",
  );
  await seedTopics(faker, CURRENT_DEMO_YEAR - 1, CURRENT_DEMO_YEAR);
  await seedProjects(faker, DEMO_YEARS, CURRENT_DEMO_YEAR);
  await seedTownshipMeetings([CURRENT_DEMO_YEAR - 1, CURRENT_DEMO_YEAR]);
  await seedReports(faker, DEMO_YEARS);
  await seedConsultations(faker, CURRENT_DEMO_YEAR);
  await seedInspections(faker, CURRENT_DEMO_YEAR);
  await seedPromotion();
  await seedAwards();
  await seedCadrePractice(CURRENT_DEMO_YEAR);
  await seedCadreNomination(CURRENT_DEMO_YEAR);
  await seedEvents();
  await seedResearch(CURRENT_DEMO_YEAR);
  await seedLedgerAndLearning(CURRENT_DEMO_YEAR);
  await seedPersonBids(CURRENT_DEMO_YEAR);
  await seedPlan(CURRENT_DEMO_YEAR);
}
