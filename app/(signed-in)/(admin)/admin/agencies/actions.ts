"use server";

import { revalidatePath } from "next/cache";
import { runForm, type FormState } from "@/lib/forms";
import { createAgency, updateAgency } from "@/lib/server/agencies";

export async function createAgencyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const agency = await createAgency(submitted);
    revalidatePath("/admin/agencies");
    return { status: "success", message: `已创建机构 ${agency.name}（${agency.code}）。` };
  });
}

export async function updateAgencyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await updateAgency(submitted.code, submitted);
    revalidatePath("/admin/agencies");
    return { status: "success", message: "已保存。", values: submitted };
  });
}
