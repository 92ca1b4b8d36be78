"use server";

import { revalidatePath } from "next/cache";
import { runForm, type FormState } from "@/lib/forms";
import { removeCalendarDay, setCalendarDay, setCalendarYearPublished } from "@/lib/server/calendar";

function recountedMessage(what: string, recounted: number): string {
  return `${what}，已重新计算 ${recounted} 件在办申请的期限。`;
}

export async function setCalendarDayAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const { recounted } = await setCalendarDay(submitted);
    revalidatePath("/admin/calendar");
    return { status: "success", message: recountedMessage(`已保存 ${submitted.date}`, recounted) };
  });
}

export async function removeCalendarDayAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const { recounted } = await removeCalendarDay(submitted);
    revalidatePath("/admin/calendar");
    return { status: "success", message: recountedMessage(`已删除 ${submitted.date} 的安排`, recounted) };
  });
}

export async function setCalendarYearAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const { recounted } = await setCalendarYearPublished(submitted);
    revalidatePath("/admin/calendar");
    return { status: "success", message: recountedMessage(submitted.published === "true" ? `已将 ${submitted.year} 年标为已公布` : `已撤销 ${submitted.year} 年的公布标记`, recounted) };
  });
}
