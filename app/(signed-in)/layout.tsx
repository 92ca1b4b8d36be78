import Link from "next/link";
import type { ReactNode } from "react";
import { SubmitButton } from "@/app/_ui/submit-button";
import { ROLE_LABELS } from "@/lib/roles";
import { currentUser } from "@/lib/server/users";
import { signOutAction } from "./actions";
import { NAVIGATION } from "./navigation";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const items = user.mustChangePassword ? [] : NAVIGATION[user.role];
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <Link href="/start" className="brand">公开</Link>
          <nav aria-label="主导航">
            {items.map((item) => (
              <Link key={item.href} href={item.href}>{item.label}</Link>
            ))}
            <Link href="/account/password">修改密码</Link>
          </nav>
          <div className="who">
            <span data-testid="current-user">
              {user.displayName}（{ROLE_LABELS[user.role]}{user.agencyName ? ` · ${user.agencyName}` : ""}）
            </span>
            <form action={signOutAction}>
              <SubmitButton>退出登录</SubmitButton>
            </form>
          </div>
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
