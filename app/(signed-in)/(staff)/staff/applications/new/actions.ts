"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runForm, type FormState } from "@/lib/forms";
import { registerApplication } from "@/lib/server/ledger";

export async function registerApplicationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const created = await registerApplication(submitted);
    revalidatePath("/staff");
    revalidatePath("/staff/applications");
    redirect(`/staff/applications/${created.id}?saved=registered`);
  });
}
