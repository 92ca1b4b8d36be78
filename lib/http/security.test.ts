import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSiteWrite, isFrameworkErrorPage, isPrivatePath } from "./security";

function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers({ host: "gongkai.example", ...headers }) };
}

describe("the content security policy", () => {
  it("allows scripts only with the nonce, and no framing", () => {
    const policy = contentSecurityPolicy("abc123", false);
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src")) ?? "";
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe("cross-site writes", () => {
  it("are refused by Origin or Sec-Fetch-Site", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { origin: "not a url" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "same-site", origin: "https://gongkai.example" }))).toBe(true);
  });

  it("are refused in every form a browser sends them (the variants e2e/security/csrf.spec.ts forges)", () => {
    const forged: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "null" },
      { origin: "http://" },
      { origin: "gongkai.example" },
      { origin: "" },
      { origin: "https://gongkai.example.evil.example" },
      { origin: "https://gongkai.example@evil.example" },
      { origin: "https://evil.example, https://gongkai.example" },
      { origin: "https://gongkai.example:8443" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://evil.example", "sec-fetch-site": "none" },
    ];
    for (const headers of forged) {
      for (const method of ["POST", "post", "PUT", "PATCH", "DELETE"]) {
        expect(isCrossSiteWrite(request(method, headers)), `${method} ${JSON.stringify(headers)}`).toBe(true);
      }
    }
  });

  it("compare the Origin with the address the proxy in front was asked for", () => {
    const behindProxy = { host: "127.0.0.1:3000", "x-forwarded-host": "gongkai.example" };
    expect(isCrossSiteWrite(request("POST", { ...behindProxy, origin: "https://gongkai.example" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", { ...behindProxy, origin: "http://127.0.0.1:3000" }))).toBe(true);
  });

  it("let our own pages and non-browser clients through, and never judge reads", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "https://gongkai.example", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", {}))).toBe(false);
    expect(isCrossSiteWrite(request("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});

describe("Next's own error pages", () => {
  it("are not there to be asked for by their address", () => {
    for (const path of ["/_global-error", "/_not-found", "/_Global-Error", "/_global-error/"]) expect(isFrameworkErrorPage(path)).toBe(true);
    for (const path of ["/", "/_next/static/chunks/a.js", "/staff/_global-error", "/_global-errors"]) expect(isFrameworkErrorPage(path)).toBe(false);
  });
});

describe("private paths", () => {
  it("cover the signed-in areas and not the public site", () => {
    for (const path of ["/staff", "/admin/users", "/audit", "/account/password", "/start"]) expect(isPrivatePath(path)).toBe(true);
    for (const path of ["/", "/login", "/reports/jccq/2022", "/staffing"]) expect(isPrivatePath(path)).toBe(false);
  });
});
