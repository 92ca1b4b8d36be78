"use server";

import { revalidatePath } from "next/cache";
import { runForm, type FormState } from "@/lib/forms";
import {
  beginSecondFactorEnrollment,
  confirmSecondFactorEnrollment,
  disableSecondFactor,
  regenerateRecoveryCodes,
} from "@/lib/server/second-factor";

const PAGE = "/account/security";

/** Recovery codes travel in `secret`, which is shown once and never kept in `values`. */
function withRecoveryCodes(message: string, codes: string[]): FormState {
  return { status: "success", message, secret: codes.join("\n") };
}

export async function beginEnrollmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    await beginSecondFactorEnrollment();
    revalidatePath(PAGE);
    return { status: "success", message: "已生成新的密钥，请用身份验证器应用扫描下方二维码。" };
  });
}

export async function confirmEnrollmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const { recoveryCodes } = await confirmSecondFactorEnrollment(submitted);
    // The whole frame changes: an admin or auditor gets the menu back once enrolled.
    revalidatePath("/", "layout");
    return withRecoveryCodes("二次验证已启用。以后登录时，除密码外还须输入身份验证器应用中的动态验证码。", recoveryCodes);
  });
}

export async function regenerateRecoveryCodesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const { recoveryCodes } = await regenerateRecoveryCodes(submitted);
    revalidatePath(PAGE);
    return withRecoveryCodes("已生成新的恢复码，原有恢复码全部作废。", recoveryCodes);
  });
}

export async function disableSecondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await disableSecondFactor(submitted);
    revalidatePath(PAGE);
    return { status: "success", message: "二次验证已关闭，恢复码全部作废。以后登录只需密码。" };
  });
}
