import "server-only";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, writeTransaction, type Db } from "@/db/client";
import { agencies } from "@/db/schema";
import { createAgencySchema, updateAgencySchema } from "@/lib/agencies/schemas";
import { requireActor } from "./actor";
import { recordAudit } from "./audit-write";
import { deny } from "./context";
import { InputError } from "./errors";

const ADMIN_ONLY = ["admin"] as const;

export type AgencySummary = {
  id: number;
  code: string;
  name: string;
  parentCode: string | null;
  parentName: string | null;
  active: boolean;
};

const parent = alias(agencies, "parent");

function summaries(tx: Db) {
  return tx
    .select({
      id: agencies.id,
      code: agencies.code,
      name: agencies.name,
      parentCode: parent.code,
      parentName: parent.name,
      active: agencies.active,
    })
    .from(agencies)
    .leftJoin(parent, eq(parent.id, agencies.parentId));
}

function parentIdFor(tx: Db, parentCode: string | null, selfId: number | null): number | null {
  if (parentCode === null) return null;
  const found = tx.select({ id: agencies.id, parentId: agencies.parentId }).from(agencies).where(eq(agencies.code, parentCode)).get();
  if (!found) throw new InputError({ parentCode: "上级机构不存在" });
  // Walk up from the new parent: meeting ourselves would close a loop.
  for (let cursor: typeof found | undefined = found; cursor; ) {
    if (cursor.id === selfId) throw new InputError({ parentCode: "上级机构不能是本机构或其下级机构" });
    cursor = cursor.parentId === null ? undefined : tx.select({ id: agencies.id, parentId: agencies.parentId }).from(agencies).where(eq(agencies.id, cursor.parentId)).get();
  }
  return found.id;
}

export async function listAgencies(): Promise<AgencySummary[]> {
  await requireActor({ roles: ADMIN_ONLY });
  return summaries(db()).orderBy(asc(agencies.code)).all();
}

export async function getAgency(code: unknown): Promise<AgencySummary> {
  await requireActor({ roles: ADMIN_ONLY });
  const agency = typeof code === "string" ? summaries(db()).where(eq(agencies.code, code)).get() : undefined;
  if (!agency) deny("not_found");
  return agency;
}

export async function createAgency(raw: unknown): Promise<AgencySummary> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  const input = createAgencySchema.parse(raw);
  return writeTransaction((tx) => {
    if (tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.code)).get()) {
      throw new InputError({ code: "该机构代码已被使用" });
    }
    const now = new Date().toISOString();
    const created = tx
      .insert(agencies)
      .values({ code: input.code, name: input.name, parentId: parentIdFor(tx, input.parentCode, null), createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "agency.create", entity: "agency", entityId: created.id, agencyId: created.id, after: created });
    const summary = summaries(tx).where(eq(agencies.id, created.id)).get();
    if (!summary) throw new Error("agency vanished inside its own transaction");
    return summary;
  });
}

export async function updateAgency(code: unknown, raw: unknown): Promise<void> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  const input = updateAgencySchema.parse(raw);
  writeTransaction((tx) => {
    const agency = typeof code === "string" ? tx.select().from(agencies).where(eq(agencies.code, code)).get() : undefined;
    if (!agency) deny("not_found");
    const updated = tx
      .update(agencies)
      .set({ name: input.name, parentId: parentIdFor(tx, input.parentCode, agency.id), active: input.active, updatedAt: new Date().toISOString() })
      .where(eq(agencies.id, agency.id))
      .returning()
      .get();
    recordAudit(tx, actor, { action: "agency.update", entity: "agency", entityId: agency.id, agencyId: agency.id, before: agency, after: updated });
  });
}
