"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runForm, type FormState } from "@/lib/forms";
import { confirmLedgerImport, discardLedgerImport, startLedgerImport } from "@/lib/server/ledger-import";

/** How long an action waits for the background work before it shows the progress page instead. */
const WAIT_MS = 1000;

function settled(job: Promise<void>): Promise<void> {
  return Promise.race([job, new Promise<void>((resolve) => setTimeout(resolve, WAIT_MS))]);
}

/** The data layer has found the upload by this id, so it is plain hex. */
function importPath(id: string): string {
  return `/staff/applications/import/${id.replace(/[^0-9a-f]/g, "")}`;
}

/** Upload: the file is kept on the server and checked (nothing written); the preview follows. */
export async function uploadLedgerImportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const { id, job } = await startLedgerImport(formData.get("file"));
    await settled(job);
    redirect(importPath(id));
  });
}

/** Confirm: the kept file is written, all of it in one transaction, or nothing. */
export async function confirmLedgerImportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const { id, job } = await confirmLedgerImport(submitted.id);
    await settled(job);
    revalidatePath("/staff");
    revalidatePath("/staff/applications");
    redirect(importPath(id));
  });
}

/** Discard: the kept file (and the personal data in it) is deleted. */
export async function discardLedgerImportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await discardLedgerImport(submitted.id);
    redirect("/staff/applications/import?discarded=1");
  });
}
