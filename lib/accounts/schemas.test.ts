import { describe, expect, it } from "vitest";
import { changePasswordSchema, createUserSchema, passwordPolicyIssue } from "./schemas";

describe("the password policy", () => {
  it("wants at least 10 characters and not the username", () => {
    expect(passwordPolicyIssue("short", "wang")).toBe("密码至少 10 个字符");
    expect(passwordPolicyIssue("my-Wang-password", "wang")).toBe("密码不能包含用户名");
    expect(passwordPolicyIssue("a-fine-password", "wang")).toBeNull();
  });

  it("asks for the same new password twice", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "old-one", newPassword: "new-password-1", confirmPassword: "new-password-2" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["confirmPassword"]);
  });
});

describe("a new user", () => {
  it("has a lower-case username", () => {
    const result = createUserSchema.safeParse({ username: "Wang Wu", displayName: "王五", role: "auditor", agencyCode: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["username"]);
  });

  it("takes an empty agency as none", () => {
    expect(createUserSchema.parse({ username: "wangwu", displayName: "王五", role: "auditor", agencyCode: "" }).agencyCode).toBeNull();
  });
});
