import type { Metadata } from "next";
import { currentUser } from "@/lib/server/users";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const user = await currentUser();
  return (
    <>
      <h1>修改密码</h1>
      {user.mustChangePassword ? (
        <p className="form-message error" role="alert">您的密码由管理员设置，请先修改密码后再继续使用。</p>
      ) : null}
      <div className="panel">
        <PasswordForm />
      </div>
    </>
  );
}
