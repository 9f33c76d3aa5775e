// Which projects make the case library (案例库). Pure: a query fragment shared by the pages and the rules.
import type { Prisma } from "@/lib/generated/prisma/client";

/** An awarded project: a nomination on the list of a campaign whose 表彰决定 has been issued. */
export const awardedNomination: Prisma.NominationWhereInput = { tierId: { not: null }, withdrawnAt: null, campaign: { status: "DECIDED" } };

/** A project with an active mark or an award; nothing else of any unit is shown in the library. */
export const inLibrary: Prisma.ProjectWhereInput = {
  OR: [{ marks: { some: { revokedAt: null } } }, { nominations: { some: awardedNomination } }],
};
