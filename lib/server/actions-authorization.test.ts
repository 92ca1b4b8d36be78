import { beforeAll, describe, expect, it, vi } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { AccessError } from "./errors";
import { anonymous, asSession, databaseFingerprint, ensureAgency, signedInUser } from "./testing/callers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ delete: vi.fn() }) }));

type ServerAction = (...args: unknown[]) => Promise<unknown>;

/** Every server action of the app, found on disk, so a new one cannot be left out. */
const actionModules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts");

/**
 * Who may call each action, and a valid submission that would change something if the check were
 * missing. An action missing here fails the test.
 */
const EXPECTED: Record<string, { roles: readonly Role[]; form: (ids: Ids) => Record<string, string> }> = {
  signOutAction: { roles: ROLES, form: () => ({}) },
  changePasswordAction: {
    roles: ROLES,
    form: () => ({ currentPassword: "x", newPassword: "long-enough-password", confirmPassword: "long-enough-password" }),
  },
  createUserAction: { roles: ["admin"], form: () => ({ username: "intruder", displayName: "闯入者", role: "admin", agencyCode: "" }) },
  updateUserAction: { roles: ["admin"], form: (ids) => ({ id: ids.target, displayName: "被改名", role: "admin", agencyCode: "" }) },
  setUserDisabledAction: { roles: ["admin"], form: (ids) => ({ id: ids.target, disabled: "true" }) },
  resetPasswordAction: { roles: ["admin"], form: (ids) => ({ id: ids.target }) },
  unlockUserAction: { roles: ["admin"], form: (ids) => ({ id: ids.target }) },
  createAgencyAction: { roles: ["admin"], form: () => ({ code: "rogue", name: "冒名机构", parentCode: "" }) },
  updateAgencyAction: { roles: ["admin"], form: () => ({ code: "testagency", name: "被改名的机构", parentCode: "", active: "false" }) },
  setCalendarDayAction: { roles: ["admin"], form: () => ({ date: "2026-06-01", kind: "holiday", name: "假节日" }) },
  removeCalendarDayAction: { roles: ["admin"], form: () => ({ date: "2026-10-01" }) },
  setCalendarYearAction: { roles: ["admin"], form: () => ({ year: "2026", published: "false" }) },
};

type Ids = { target: string };

function formDataOf(values: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.set(key, value);
  return formData;
}

const actions: { name: string; file: string; run: ServerAction }[] = [];
const sessions = new Map<Role, string>();
let ids: Ids;

beforeAll(async () => {
  for (const [file, load] of Object.entries(actionModules)) {
    const exported = await load();
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.push({ name, file, run: value as ServerAction });
    }
  }
  await ensureAgency("testagency");
  const target = await signedInUser("clerk");
  ids = { target: String(target.userId) };
  for (const role of ROLES) sessions.set(role, (await signedInUser(role)).sessionId);
});

describe("server actions", () => {
  it("are all found and all listed in the expectations", () => {
    expect(actions.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
    const unlisted = actions.filter((action) => !(action.name in EXPECTED)).map((action) => `${action.file}#${action.name}`);
    expect(unlisted).toEqual([]);
  });

  it("refuse a caller without a session, and change nothing", async () => {
    for (const action of actions) {
      const expected = EXPECTED[action.name];
      if (!expected) continue;
      const before = databaseFingerprint();
      await expect(anonymous(() => action.run({ status: "idle" }, formDataOf(expected.form(ids)))), action.name).rejects.toMatchObject({
        name: "AccessError",
        reason: "unauthenticated",
      });
      expect(databaseFingerprint(), action.name).toBe(before);
    }
  });

  it("refuse every role they are not meant for, and change nothing", async () => {
    let refusals = 0;
    for (const action of actions) {
      const expected = EXPECTED[action.name];
      if (!expected) continue;
      for (const role of ROLES.filter((role) => !expected.roles.includes(role))) {
        const before = databaseFingerprint();
        const call = asSession(sessions.get(role) ?? null, () => action.run({ status: "idle" }, formDataOf(expected.form(ids))));
        await expect(call, `${action.name} as ${role}`).rejects.toBeInstanceOf(AccessError);
        expect(databaseFingerprint(), `${action.name} as ${role}`).toBe(before);
        refusals += 1;
      }
    }
    expect(refusals).toBeGreaterThanOrEqual(7 * 3);
  });
});
