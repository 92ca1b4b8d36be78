import { secondFactorRequired } from "@/lib/auth/second-factor";
import type { UserSummary } from "@/lib/server/users";

export function isLocked(user: Pick<UserSummary, "lockedUntil">, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

export function UserStatus({ user }: { user: UserSummary }) {
  return (
    <>
      {user.disabled ? <span className="tag bad">已停用</span> : <span className="tag ok">正常</span>}{" "}
      {isLocked(user) ? <span className="tag bad">锁定中</span> : null}{" "}
      {user.mustChangePassword ? <span className="tag warn">待改密码</span> : null}{" "}
      {user.secondFactorEnabledAt ? (
        <span className="tag ok">二次验证</span>
      ) : secondFactorRequired(user.role) ? (
        <span className="tag warn">待绑定二次验证</span>
      ) : null}
    </>
  );
}
