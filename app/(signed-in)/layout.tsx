import Link from "next/link";
import type { ReactNode } from "react";
import { SubmitButton } from "@/app/_ui/submit-button";
import { ROLE_LABELS } from "@/lib/roles";
import { currentUser } from "@/lib/server/users";
import { signOutAction } from "./actions";
import { ACCOUNT_NAVIGATION, NAVIGATION } from "./navigation";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const pending = user.mustChangePassword || user.mustEnrollSecondFactor;
  const items = [...(pending ? [] : NAVIGATION[user.role]), ...ACCOUNT_NAVIGATION];
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <Link href="/start" className="brand">公开</Link>
          <nav aria-label="主导航">
            {items.map((item) => (
              <Link key={item.href} href={item.href}>{item.label}</Link>
            ))}
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
