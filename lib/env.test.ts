import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("configuration", () => {
  it("stops a production server without a secret, with a Chinese message", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => loadEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "too-short" })).toThrow(/不少于 32 个字符/);
  });

  it("accepts a long secret and resolves the database path", () => {
    const env = loadEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40), GONGKAI_DB: "some/where.db" });
    expect(env.authSecret).toBe("x".repeat(40));
    expect(env.databasePath.endsWith("some/where.db")).toBe(true);
  });

  it("defaults the database to data/gongkai.db outside production", () => {
    expect(loadEnv({ NODE_ENV: "development" }).databasePath.endsWith("data/gongkai.db")).toBe(true);
  });
});
