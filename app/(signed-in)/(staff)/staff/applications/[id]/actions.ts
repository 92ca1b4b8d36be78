"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runForm, type FormState } from "@/lib/forms";
import { correctEvent, recordEvent, voidApplication } from "@/lib/server/ledger";

/** The data layer has found the application by this id, so it is a plain positive integer. */
function detailPath(id: string | undefined): string {
  return `/staff/applications/${Number(id)}`;
}

function revalidateLedger(id: string | undefined): void {
  revalidatePath("/staff");
  revalidatePath("/staff/applications");
  revalidatePath(detailPath(id));
}

export async function recordEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await recordEvent(submitted.id, submitted);
    revalidateLedger(submitted.id);
    redirect(`${detailPath(submitted.id)}?saved=${encodeURIComponent(submitted.type ?? "event")}`);
  });
}

export async function correctEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await correctEvent(submitted.id, submitted);
    revalidateLedger(submitted.id);
    redirect(`${detailPath(submitted.id)}?saved=${submitted.withdraw === "true" ? "withdrawn" : "corrected"}`);
  });
}

export async function voidApplicationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await voidApplication(submitted.id, submitted);
    revalidateLedger(submitted.id);
    redirect(`${detailPath(submitted.id)}?saved=voided`);
  });
}
