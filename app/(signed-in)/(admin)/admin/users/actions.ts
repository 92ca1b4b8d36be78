"use server";

import { revalidatePath } from "next/cache";
import { runForm, type FormState } from "@/lib/forms";
import { resetUserSecondFactor } from "@/lib/server/second-factor";
import { createUser, resetUserPassword, setUserDisabled, unlockUser, updateUser } from "@/lib/server/users";

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const created = await createUser(submitted);
    revalidatePath("/admin/users");
    return {
      status: "success",
      message: `已创建用户 ${created.username}。请把下面的初始密码交给本人，它只显示这一次；首次登录须修改密码。`,
      secret: created.password,
    };
  });
}

export async function updateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await updateUser(submitted.id, submitted);
    revalidatePath("/admin/users");
    return { status: "success", message: "已保存。角色或机构变更后，该用户须重新登录。", values: submitted };
  });
}

export async function setUserDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const disable = submitted.disabled === "true";
    await setUserDisabled(submitted.id, disable);
    revalidatePath("/admin/users");
    return { status: "success", message: disable ? "已停用，该用户的登录立即失效。" : "已重新启用。" };
  });
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const reset = await resetUserPassword(submitted.id);
    revalidatePath("/admin/users");
    return {
      status: "success",
      message: `已为 ${reset.username} 重置密码，原有登录已失效。新密码只显示这一次，下次登录须修改。`,
      secret: reset.password,
    };
  });
}

export async function unlockUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await unlockUser(submitted.id);
    revalidatePath("/admin/users");
    return { status: "success", message: "已解除锁定。" };
  });
}

export async function resetSecondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    const reset = await resetUserSecondFactor(submitted.id, submitted);
    revalidatePath("/admin/users");
    return { status: "success", message: `已重置 ${reset.username} 的二次验证，其原有登录已失效；恢复码全部作废。` };
  });
}
