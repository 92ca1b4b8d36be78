import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/schema";
import { backupDatabase, restoreDatabase } from "./backup";
import { AccessError } from "./errors";
import { anonymous, asSession, databaseFingerprint, signedInUser } from "./testing/callers";

describe("backup and restore", () => {
  it("are for the system (the CLI) only: no signed-in role may run them", async () => {
    const file = path.join(os.tmpdir(), `gongkai-refused-${process.pid}.db`);
    const sessions: string[] = [];
    for (const role of ROLES) sessions.push((await signedInUser(role)).sessionId);
    const before = databaseFingerprint();
    for (const session of [...sessions, null]) {
      const caller = session === null ? anonymous : <T,>(work: () => Promise<T>) => asSession(session, work);
      await expect(caller(() => backupDatabase(file))).rejects.toBeInstanceOf(AccessError);
      await expect(caller(() => restoreDatabase(file))).rejects.toBeInstanceOf(AccessError);
    }
    expect(databaseFingerprint()).toBe(before);
  });
});
