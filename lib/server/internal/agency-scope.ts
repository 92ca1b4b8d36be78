import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agencies } from "@/db/schema";
import type { Actor } from "../actor";
import { deny } from "../context";
import { InputError } from "../errors";
import type { AgencyRef } from "./report-draft";

/**
 * The agency a checked caller works in: a clerk's or reviewer's own; the system (CLI) names one by
 * code. Called right after `requireActor`, never instead of it.
 */
export function agencyOfActor(tx: Db, actor: Actor, agencyCode?: string | null): AgencyRef {
  if (actor.kind === "user") {
    const agency = actor.agencyId === null ? undefined : tx.select().from(agencies).where(eq(agencies.id, actor.agencyId)).get();
    if (!agency) deny("not_found");
    return { id: agency.id, code: agency.code, name: agency.name };
  }
  const agency = agencyCode ? tx.select().from(agencies).where(eq(agencies.code, agencyCode)).get() : undefined;
  if (!agency) throw new InputError({ agencyCode: agencyCode ? `机构不存在：${agencyCode}` : "请指定机构" });
  return { id: agency.id, code: agency.code, name: agency.name };
}
