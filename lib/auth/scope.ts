// Query fragments that limit what a caller can read, used inside the queries themselves.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/session-store";
import { seesWholeCounty } from "@/lib/auth/permissions";

type Viewer = Pick<CurrentUser, "roles" | "unitId">;

/** Units the viewer may read: the whole tree for county-level roles, else only their own unit. */
export function unitScope(viewer: Viewer): Prisma.UnitWhereInput {
  return seesWholeCounty(viewer.roles) ? {} : { id: viewer.unitId };
}

/** Records that belong to a unit (projects, reports … in later modules). */
export function ownedByVisibleUnit(viewer: Viewer): { unitId?: string } {
  return seesWholeCounty(viewer.roles) ? {} : { unitId: viewer.unitId };
}
