import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/env";
import { ABSOLUTE_TIMEOUT_MS } from "./timeouts";

/**
 * How next-auth signs and reads the session cookie. The cookie carries only the id of a server-side
 * session row, which the data layer checks on every call (idle and absolute timeouts, session version,
 * disabling). Kept apart from the sign-in provider so reading a session never pulls in the sign-in code.
 */
export function authConfig() {
  return {
  secret: env().authSecret,
  session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  pages: { signIn: "/login", error: "/login" },
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user && typeof user.sid === "string") token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, sid: typeof token.sid === "string" ? token.sid : null } as typeof session;
    },
  },
  } satisfies Omit<NextAuthOptions, "providers">;
}
