"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/server/sign-in";

/** Ends the session on the server, then drops the cookie; works without client JavaScript. */
export async function signOutAction(): Promise<void> {
  await signOut();
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) jar.delete(name);
  redirect("/login");
}
