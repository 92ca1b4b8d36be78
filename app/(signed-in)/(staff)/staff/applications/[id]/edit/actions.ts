"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runForm, type FormState } from "@/lib/forms";
import { updateRegistration } from "@/lib/server/ledger";

export async function updateRegistrationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await updateRegistration(submitted.id, submitted);
    const path = `/staff/applications/${Number(submitted.id)}`;
    revalidatePath("/staff");
    revalidatePath("/staff/applications");
    revalidatePath(path);
    redirect(`${path}?saved=updated`);
  });
}
