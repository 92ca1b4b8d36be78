import "server-only";
import { sqlite } from "@/db/client";
import { verifyAuditChainOf } from "@/db/audit-chain";
import type { ChainReport } from "@/lib/audit/chain";
import { requireActor } from "./actor";

/**
 * Walks the audit trail's hash chain and names the first entry where it breaks (`audit verify`, the
 * auditor's page). Only ids, times and hashes come back: no entry's content.
 */
export async function verifyAuditTrail(): Promise<ChainReport> {
  await requireActor({ roles: ["auditor", "admin"] });
  return verifyAuditChainOf(sqlite());
}
