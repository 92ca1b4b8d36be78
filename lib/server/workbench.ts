import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { agencies } from "@/db/schema";
import { STAFF_ROLES } from "@/lib/roles";
import { requireActor, agencyScope } from "./actor";
import { deny } from "./context";

export type Workbench = { agencyCode: string; agencyName: string };

/** The staff home of a clerk or reviewer: always the caller's own agency. */
export async function getWorkbench(): Promise<Workbench> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const agencyId = agencyScope(actor);
  const agency = agencyId === null ? undefined : db().select().from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!agency) deny("not_found");
  return { agencyCode: agency.code, agencyName: agency.name };
}
