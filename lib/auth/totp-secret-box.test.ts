import { describe, expect, it } from "vitest";
import { openTotpSecret, sealTotpSecret } from "./totp-secret-box";

const APP_SECRET = "a-test-application-secret-of-enough-length";

describe("the sealed TOTP secret", () => {
  it("opens for the same user under the same application secret", () => {
    const sealed = sealTotpSecret("JBSWY3DPEHPK3PXP", 7, APP_SECRET);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openTotpSecret(sealed, 7, APP_SECRET)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("differs every time it is sealed", () => {
    expect(sealTotpSecret("JBSWY3DPEHPK3PXP", 7, APP_SECRET)).not.toBe(sealTotpSecret("JBSWY3DPEHPK3PXP", 7, APP_SECRET));
  });

  it("does not open for another user, under another application secret, or once altered", () => {
    const sealed = sealTotpSecret("JBSWY3DPEHPK3PXP", 7, APP_SECRET);
    expect(openTotpSecret(sealed, 8, APP_SECRET)).toBeNull();
    expect(openTotpSecret(sealed, 7, `${APP_SECRET}-rotated`)).toBeNull();
    const bytes = Buffer.from(sealed.slice("v1:".length), "base64url");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(openTotpSecret(`v1:${bytes.toString("base64url")}`, 7, APP_SECRET)).toBeNull();
    expect(openTotpSecret("JBSWY3DPEHPK3PXP", 7, APP_SECRET)).toBeNull();
  });
});
