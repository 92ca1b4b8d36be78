"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runForm, type FormState } from "@/lib/forms";
import { fieldNameOfPath, historicalEntryToJson } from "@/lib/report-workflow/historical-entry";
import { InputError } from "@/lib/server/errors";
import { importHistoricalReport } from "@/lib/server/report-drafts";

/** The import's errors are keyed by JSON path (`…partial[6]`); the form's fields by dotted path. */
function onFields(error: unknown): never {
  if (!(error instanceof InputError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const field = fieldNameOfPath(path);
    // A place the parser names by its path only: the field itself says where.
    fieldErrors[field] = message.startsWith(`${path}：`) ? message.slice(path.length + 1) : message;
  }
  throw new InputError(fieldErrors);
}

async function imported(json: unknown, submitted: Record<string, string>): Promise<never> {
  const result = await importHistoricalReport(json, { correctionNote: submitted.correctionNote }).catch(onFields);
  revalidatePath("/staff/reports", "layout");
  redirect(`/staff/reports/${result.year}?saved=imported-${result.version}`);
}

/** The cell-by-cell form: builds the report JSON and hands it to the one import function. */
export async function importHistoricalReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => imported(historicalEntryToJson(submitted), submitted));
}

/** A report JSON pasted in whole (`gongkai.annual-report/1`). */
export async function importHistoricalJsonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    let json: unknown;
    try {
      json = JSON.parse(submitted.json ?? "");
    } catch {
      json = undefined;
    }
    if (json === undefined) {
      // Still the import function's caller check first: it refuses before judging the text.
      return imported(null, submitted).catch((error: unknown) => {
        if (error instanceof InputError) throw new InputError({ json: "不是有效的 JSON 文本" });
        throw error;
      });
    }
    return imported(json, submitted);
  });
}
