"use server";

import { runForm, type FormState } from "@/lib/forms";
import { changeOwnPassword } from "@/lib/server/users";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (submitted) => {
    await changeOwnPassword(submitted);
    return { status: "success", message: "密码已修改。您在其他设备上的登录已失效。" };
  });
}
