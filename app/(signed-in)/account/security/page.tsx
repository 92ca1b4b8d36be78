import type { Metadata } from "next";
import QRCode from "qrcode";
import { groupedSecret } from "@/lib/auth/totp";
import { secondFactorStatus } from "@/lib/server/second-factor";
import { SecondFactorPanel } from "./second-factor-panel";

export const metadata: Metadata = { title: "二次验证" };

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" });
}

export default async function SecurityPage() {
  const status = await secondFactorStatus();
  // Rendered here on the server: the secret never goes to a QR service or into client code.
  const qrSvg = status.enrollment ? await QRCode.toString(status.enrollment.uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" }) : null;
  return (
    <>
      <h1>二次验证</h1>
      {status.required && !status.enabledAt ? (
        <p className="form-message error" role="alert">
          管理员和审计员必须启用二次验证。请先完成下面的绑定，之后才能继续使用系统。
        </p>
      ) : null}
      <div className="panel">
        <h2>状态</h2>
        {status.enabledAt ? (
          <p>
            <span className="tag ok">已启用</span> 自 {formatDate(status.enabledAt)} 起，登录时须输入身份验证器应用中的动态验证码。
            剩余未使用的恢复码：<strong data-testid="recovery-codes-left">{status.recoveryCodesLeft}</strong> 个。
          </p>
        ) : (
          <p>
            <span className="tag warn">未启用</span>{" "}
            {status.required ? "您的角色必须启用二次验证。" : "启用后，登录时除密码外还须输入手机上身份验证器应用显示的 6 位动态验证码，密码泄露也不会让他人登录。"}
          </p>
        )}
      </div>
      <SecondFactorPanel
        enabled={status.enabledAt !== null}
        optional={!status.required}
        enrollment={
          status.enrollment && qrSvg
            ? { secret: groupedSecret(status.enrollment.secret), qrDataUrl: `data:image/svg+xml;utf8,${encodeURIComponent(qrSvg)}` }
            : null
        }
      />
    </>
  );
}
