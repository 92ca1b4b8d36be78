import { redirect } from "next/navigation";
import { currentUser } from "@/lib/server/users";
import { homeFor } from "../navigation";

/** Where sign-in lands: each role's own home, or the password change a reset requires. */
export default async function StartPage() {
  const user = await currentUser();
  redirect(user.mustChangePassword ? "/account/password" : homeFor(user.role));
}
