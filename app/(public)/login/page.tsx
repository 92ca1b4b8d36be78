import type { Metadata } from "next";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default function LoginPage() {
  return (
    <div className="login">
      <h1>工作人员登录</h1>
      <div className="panel">
        <LoginForm />
      </div>
      <p className="muted">连续 5 次登录失败（含动态验证码错误），账户将被锁定 30 分钟。忘记密码请联系系统管理员重置。</p>
      <p className="muted">
        管理员和审计员须启用二次验证：首次登录后按提示用手机上的身份验证器应用绑定，以后每次登录时输入应用显示的动态验证码。
      </p>
    </div>
  );
}
