// Which problems a caller may read, keep (edit, attach evidence, ask for 销号) and confirm, as where clauses for
// the query itself (decision 0055). Pure.
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSectionCadre, readsAllCadres, type Reader } from "@/lib/learning/reach";

/** Read: all for the admin, leaders and staff outside the sections; a cadre what they own or logged; a head their section's. */
export function ledgerScope(viewer: Reader): Prisma.LedgerProblemWhereInput {
  if (readsAllCadres(viewer)) return {};
  if (isSectionCadre(viewer)) return { OR: [{ ownerId: viewer.id }, { createdById: viewer.id }, { section: { headId: viewer.id } }] };
  return { id: "-" };
}

/** Keep: the owner (责任人) while a cadre of the problem's section, and the section's head. */
export function keeperWhere(viewer: Reader): Prisma.LedgerProblemWhereInput {
  if (!isSectionCadre(viewer)) return { id: "-" };
  return { OR: [{ ownerId: viewer.id, owner: { active: true } }, { section: { headId: viewer.id } }] };
}

/**
 * Confirm 销号, send back, reopen: the head of the problem's section for the problems of others; the admin for
 * those a head owns and those of a section without a head. Nobody confirms their own.
 */
export function confirmableWhere(viewer: Reader): Prisma.LedgerProblemWhereInput {
  const asHead: Prisma.LedgerProblemWhereInput = { section: { headId: viewer.id }, ownerId: { not: viewer.id } };
  if (!viewer.roles.includes("COUNTY_ADMIN")) return isSectionCadre(viewer) ? asHead : { id: "-" };
  return {
    OR: [asHead, { ownerId: { not: viewer.id }, OR: [{ owner: { headOf: { some: {} } } }, { section: { headId: null } }] }],
  };
}
