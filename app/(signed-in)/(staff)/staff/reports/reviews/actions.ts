"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runForm, type FormState } from "@/lib/forms";
import { createReviewCase, updateReviewCase } from "@/lib/server/review-cases";

/** Where to go back to: the year page the form was opened from, else the register. */
function backTo(year: string | undefined): string {
  return year && /^\d{4}$/.test(year) ? `/staff/reports/${year}#reviews` : "/staff/reports/reviews";
}

export async function createReviewCaseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await createReviewCase(submitted);
    revalidatePath("/staff/reports", "layout");
    return { status: "success", message: "案件已登记，表四已按此更新。" };
  });
}

export async function updateReviewCaseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await updateReviewCase(submitted.id, submitted);
    revalidatePath("/staff/reports", "layout");
    redirect(backTo(submitted.returnYear));
  });
}
