// Who carries a project: writes its proposal, submits and withdraws it, starts and completes it, writes its
// quarterly reports. Usually its unit's account (projects.propose); a project won by an individual bid is
// carried by its lead as well, who may be a department cadre whose section has no unit account (decision 0083).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";

/** The projects a caller carries: those of a unit, those led by a person, or both. */
export type Carrier = { unitId: string | null; leadUserId: string | null };

type Caller = { id: string; unitId: string; roles: Role[] };

/** A unit account carries its unit's projects; anyone who may carry a project carries the ones they lead. */
export function carrierOf(user: Caller): Carrier {
  return {
    unitId: can(user.roles, "projects.propose") ? user.unitId : null,
    leadUserId: can(user.roles, "projects.carry") ? user.id : null,
  };
}

/** A unit's account, as the demo, the hearing and the tests act. */
export function unitCarrier(unitId: string): Carrier {
  return { unitId, leadUserId: null };
}

/** The query scope of a carrier's projects; a carrier of nothing matches nothing (an empty OR). */
export function carriedWhere(carrier: Carrier): Prisma.ProjectWhereInput {
  return {
    OR: [...(carrier.unitId ? [{ unitId: carrier.unitId }] : []), ...(carrier.leadUserId ? [{ leadUserId: carrier.leadUserId }] : [])],
  };
}

/** The same test for a project already loaded (pages deciding what to offer; the actions scope the query). */
export function carries(user: Caller, project: { unitId: string; leadUserId: string | null }): boolean {
  const carrier = carrierOf(user);
  return (carrier.unitId !== null && project.unitId === carrier.unitId) || (carrier.leadUserId !== null && project.leadUserId === carrier.leadUserId);
}
