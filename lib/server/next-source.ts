import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { authConfig } from "./auth-config";
import type { RequestSource } from "./context";

/** The web app's caller: the session id inside the signed next-auth cookie. */
export const nextRequestSource: RequestSource = {
  kind: "session",
  async sessionId() {
    const session = (await getServerSession({ ...authConfig(), providers: [] })) as { sid?: string | null } | null;
    return session?.sid ?? null;
  },
  deny(reason) {
    if (reason === "unauthenticated") redirect("/login");
    if (reason === "password_change_required") redirect("/account/password");
    if (reason === "second_factor_required") redirect("/account/security");
    // A wrong role or another agency's record: answer as if it did not exist.
    notFound();
  },
};
