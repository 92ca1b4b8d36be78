import { redirect } from "next/navigation";
import { currentUser } from "@/lib/server/users";
import { homeFor } from "../navigation";

/**
 * Where sign-in lands: the password change a reset requires, then the second factor an admin or auditor
 * must enrol, then each role's own home.
 */
export default async function StartPage() {
  const user = await currentUser();
  if (user.mustChangePassword) redirect("/account/password");
  if (user.mustEnrollSecondFactor) redirect("/account/security");
  redirect(homeFor(user.role));
}
