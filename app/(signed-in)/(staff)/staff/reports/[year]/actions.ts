"use server";

import { revalidatePath } from "next/cache";
import { runForm, type FormState } from "@/lib/forms";
import { publishReport, returnReportToDraft, saveProactive, saveSections, submitReport } from "@/lib/server/report-drafts";

/** The data layer has parsed the year already; this only names the page to refresh. */
function refresh(year: string | undefined): void {
  revalidatePath("/staff/reports");
  if (year && /^\d{4}$/.test(year)) revalidatePath(`/staff/reports/${year}`);
}

export async function saveProactiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await saveProactive(submitted);
    refresh(submitted.year);
    return { status: "success", message: "表二已保存，核验结果已更新。" };
  });
}

export async function saveSectionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const { restored } = await saveSections(submitted);
    refresh(submitted.year);
    return { status: "success", message: restored ? "已恢复为自动生成的文字。" : "文字部分已保存。" };
  });
}

export async function submitReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await submitReport(submitted);
    refresh(submitted.year);
    return { status: "success", message: "已提交审核人。" };
  });
}

export async function returnReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await returnReportToDraft(submitted);
    refresh(submitted.year);
    return { status: "success", message: "已退回草稿，可以继续修改。" };
  });
}

export async function publishReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const { version } = await publishReport(submitted);
    refresh(submitted.year);
    return { status: "success", message: `已发布第 ${version} 版。` };
  });
}
