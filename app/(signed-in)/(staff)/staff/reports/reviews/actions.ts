"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runForm, type FormState } from "@/lib/forms";
import { createReviewCase, deleteReviewCase, updateReviewCase } from "@/lib/server/review-cases";

/** Where to go back to: the year page the form was opened from, else the register; `saved` says what happened. */
function backTo(year: string | undefined, saved?: string): string {
  const query = saved ? `?saved=${saved}` : "";
  return year && /^\d{4}$/.test(year) ? `/staff/reports/${year}${query}#reviews` : `/staff/reports/reviews${query}`;
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

export async function deleteReviewCaseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await deleteReviewCase(submitted.id, submitted);
    revalidatePath("/staff/reports", "layout");
    redirect(backTo(submitted.returnYear, "case-deleted"));
  });
}
