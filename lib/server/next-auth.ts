import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authConfig } from "./auth-config";
import { signInWithPassword } from "./sign-in";

function clientAddressOf(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? (forwarded.split(",")[0]?.trim() ?? null) : null;
}

export const authOptions = (): NextAuthOptions => ({
  ...authConfig(),
  providers: [
    CredentialsProvider({
      name: "用户名和密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, request) {
        const result = await signInWithPassword(credentials, clientAddressOf(request?.headers));
        return result.ok ? { id: String(result.userId), sid: result.sessionId } : null;
      },
    }),
  ],
});
