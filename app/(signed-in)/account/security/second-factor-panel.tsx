"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_ui/fields";
import { SubmitButton } from "@/app/_ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms";
import {
  beginEnrollmentAction,
  confirmEnrollmentAction,
  disableSecondFactorAction,
  regenerateRecoveryCodesAction,
} from "./actions";

type Props = {
  enabled: boolean;
  /** Clerks and reviewers may switch it off; admins and auditors may not. */
  optional: boolean;
  /** A secret waiting for its first code, grouped for typing, and its QR code. */
  enrollment: { secret: string; qrDataUrl: string } | null;
};

function RecoveryCodes({ state, continueTo }: { state: FormState; continueTo?: string }) {
  if (!state.secret) return null;
  return (
    <div className="panel" role="region" aria-label="恢复码">
      <h2>恢复码</h2>
      <p className="form-message error">
        请立即抄下或打印这 10 个恢复码，妥善保存，不要放在手机里。它们只显示这一次；手机丢失时，每个恢复码可代替动态验证码登录一次。
      </p>
      <ol className="mono" data-testid="recovery-codes">
        {state.secret.split("\n").map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      {continueTo ? <p><Link href={continueTo}>我已保存恢复码，继续</Link></p> : null}
    </div>
  );
}

/**
 * Every form of the page in one component: a successful confirmation switches the page from "enrolling"
 * to "enabled", and the recovery codes it returned must stay on screen across that switch.
 */
export function SecondFactorPanel({ enabled, optional, enrollment }: Props) {
  const [beginState, beginAction] = useActionState(beginEnrollmentAction, initialFormState);
  const [confirmState, confirmAction] = useActionState(confirmEnrollmentAction, initialFormState);
  const [regenerateState, regenerateAction] = useActionState(regenerateRecoveryCodesAction, initialFormState);
  const [disableState, disableAction] = useActionState(disableSecondFactorAction, initialFormState);
  const formError = (state: FormState) =>
    state.fieldErrors?._form ? <p className="form-message error" role="alert">{state.fieldErrors._form}</p> : null;

  return (
    <>
      {confirmState.status === "success" ? <FormMessage state={confirmState} /> : null}
      <RecoveryCodes state={confirmState} continueTo="/start" />
      <RecoveryCodes state={regenerateState} />
      {disableState.status === "success" ? <FormMessage state={disableState} /> : null}

      {!enabled && enrollment ? (
        <div className="panel">
          <h2>绑定身份验证器应用</h2>
          <ol>
            <li>在手机上安装支持 TOTP 的身份验证器应用，例如 Microsoft Authenticator、Google Authenticator、FreeOTP，或微信小程序「腾讯身份验证器」。</li>
            <li>
              用应用扫描二维码：
              <br />
              {/* A data: URL of the SVG drawn on the server; next/image has nothing to optimise here. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={enrollment.qrDataUrl} alt="绑定用二维码（无法扫描时请手动输入下面的密钥）" width={200} height={200} />
              <br />
              无法扫描时，在应用中选择手动输入，账户名填您的用户名，密钥为（基于时间，6 位）：
              <br />
              <span className="secret" data-testid="totp-secret">{enrollment.secret}</span>
            </li>
            <li>在下面输入应用中显示的 6 位动态验证码，完成绑定。</li>
          </ol>
          <form action={confirmAction} className="stack">
            {confirmState.status === "error" ? <FormMessage state={confirmState} /> : null}
            {formError(confirmState)}
            <TextField name="code" label="动态验证码" state={confirmState} autoComplete="one-time-code" hint="6 位数字，每 30 秒更新一次" required />
            <div className="actions">
              <SubmitButton>完成绑定</SubmitButton>
            </div>
          </form>
        </div>
      ) : null}

      {!enabled ? (
        <div className="panel">
          <form action={beginAction} className="stack">
            <FormMessage state={beginState} />
            {enrollment ? <p className="muted">换了手机或没有扫描成功？可以重新生成密钥，原来的二维码随之作废。</p> : null}
            <div className="actions">
              <SubmitButton className={enrollment ? "secondary" : undefined}>{enrollment ? "重新生成密钥" : "开始绑定"}</SubmitButton>
            </div>
          </form>
        </div>
      ) : null}

      {enabled ? (
        <div className="panel">
          <h2>重新生成恢复码</h2>
          <p className="muted">恢复码用完或遗失时，可以生成新的 10 个；原有恢复码全部作废。</p>
          <form action={regenerateAction} className="stack">
            {regenerateState.status === "error" ? <FormMessage state={regenerateState} /> : null}
            {formError(regenerateState)}
            <TextField name="code" label="动态验证码" idPrefix="regenerate" state={regenerateState} autoComplete="one-time-code" hint="身份验证器应用中当前显示的 6 位数字" required />
            <div className="actions">
              <SubmitButton className="secondary">重新生成恢复码</SubmitButton>
            </div>
          </form>
        </div>
      ) : null}

      {enabled && optional ? (
        <div className="panel">
          <h2>关闭二次验证</h2>
          <form action={disableAction} className="stack">
            {disableState.status === "error" ? <FormMessage state={disableState} /> : null}
            {formError(disableState)}
            <TextField name="code" label="动态验证码或恢复码" idPrefix="disable" state={disableState} autoComplete="one-time-code" required />
            <div className="actions">
              <SubmitButton className="secondary">关闭二次验证</SubmitButton>
            </div>
          </form>
        </div>
      ) : null}
      {enabled && !optional ? <p className="muted">管理员和审计员不能关闭二次验证。手机和恢复码都丢失时，请联系其他管理员重置。</p> : null}
    </>
  );
}
