import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { agencies } from "@/db/schema";
import { assembleDraftReport } from "@/lib/report/assemble";
import { runChecks, type AnnualReport } from "@/lib/report";
import { STAFF_ROLES } from "@/lib/roles";
import { requireActor } from "./actor";
import { deny } from "./context";
import { InputError } from "./errors";
import { applicationFigures, feeFigures } from "./internal/report-figures";

export const reportRequestSchema = z.object({
  agencyCode: z.string().trim().optional(),
  year: z.coerce.number({ error: "请填写年份" }).int({ error: "年份应为整数" }).min(2008, { error: "年份不能早于 2008" }).max(2100, { error: "年份无效" }),
});

/**
 * The annual report of an agency and year as the ledger makes it now, with its checks: staff of the
 * agency see their own; the system (CLI) names the agency.
 */
export async function generateAnnualReport(raw: unknown): Promise<AnnualReport> {
  const actor = await requireActor({ roles: STAFF_ROLES });
  const request = reportRequestSchema.parse(raw);
  const agency =
    actor.kind === "user"
      ? actor.agencyId === null
        ? undefined
        : db().select().from(agencies).where(eq(agencies.id, actor.agencyId)).get()
      : request.agencyCode
        ? db().select().from(agencies).where(eq(agencies.code, request.agencyCode)).get()
        : undefined;
  if (!agency) {
    if (actor.kind === "system") throw new InputError({ agencyCode: "机构不存在" });
    deny("not_found");
  }
  const report = assembleDraftReport({
    agency: { code: agency.code, name: agency.name },
    year: request.year,
    applications: applicationFigures(db(), agency.id, request.year),
    fees: feeFigures(db(), agency.id, request.year),
  });
  return { ...report, checks: runChecks(report, null) };
}
