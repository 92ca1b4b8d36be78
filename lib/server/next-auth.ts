import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authConfig } from "./auth-config";
import { SECOND_FACTOR_REQUIRED } from "@/lib/auth/second-factor";
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
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
        otp: { label: "动态验证码或恢复码", type: "text" },
      },
      async authorize(credentials, request) {
        const result = await signInWithPassword(credentials, clientAddressOf(request?.headers));
        if (result.ok) return { id: String(result.userId), sid: result.sessionId };
        // next-auth hands a thrown message to the sign-in form as `error`; null becomes "CredentialsSignin".
        if (result.secondFactorRequired) throw new Error(SECOND_FACTOR_REQUIRED);
        return null;
      },
    }),
  ],
});
