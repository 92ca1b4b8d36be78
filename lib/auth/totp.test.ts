import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, generateTotpSecret, hotp, otpauthUri, timeStep, totp, verifyTotp } from "./totp";

/** The shared secret of the RFC 4226 and RFC 6238 test vectors (SHA-1). */
const RFC_KEY = Buffer.from("12345678901234567890", "ascii");

describe("base32 (RFC 4648 §10 test vectors, without padding)", () => {
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ];

  it.each(vectors)("encodes %j as %s and back", (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded)?.toString()).toBe(plain);
  });

  it("reads what people copy: lower case, spaces, dashes, padding", () => {
    expect(base32Decode("mzxw 6ytb-oi======")?.toString()).toBe("foobar");
  });

  it("refuses characters outside the alphabet", () => {
    expect(base32Decode("MZXW1")).toBeNull();
  });
});

describe("HOTP (RFC 4226 appendix D)", () => {
  const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
  it.each(expected.map((code, counter) => [counter, code]))("counter %i gives %s", (counter, code) => {
    expect(hotp(RFC_KEY, counter)).toBe(code);
  });
});

describe("TOTP (RFC 6238 appendix B, SHA-1, 8 digits)", () => {
  const vectors: [number, string][] = [
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ];
  it.each(vectors)("at %i s gives %s", (seconds, code) => {
    expect(totp(RFC_KEY, seconds * 1000, 8)).toBe(code);
  });

  it("uses 30-second steps", () => {
    expect(timeStep(59_000)).toBe(1);
    expect(timeStep(60_000)).toBe(2);
  });
});

describe("verifying a code", () => {
  const at = 1_111_111_111_000;
  const step = timeStep(at);

  it("accepts the code of this step and of one step either side, and says which step it was", () => {
    expect(verifyTotp(RFC_KEY, hotp(RFC_KEY, step), at)).toBe(step);
    expect(verifyTotp(RFC_KEY, hotp(RFC_KEY, step - 1), at)).toBe(step - 1);
    expect(verifyTotp(RFC_KEY, hotp(RFC_KEY, step + 1), at)).toBe(step + 1);
  });

  it("refuses codes two steps away", () => {
    expect(verifyTotp(RFC_KEY, hotp(RFC_KEY, step - 2), at)).toBeNull();
    expect(verifyTotp(RFC_KEY, hotp(RFC_KEY, step + 2), at)).toBeNull();
  });

  it("never accepts the step already used, nor an earlier one", () => {
    expect(verifyTotp(RFC_KEY, hotp(RFC_KEY, step), at, step)).toBeNull();
    expect(verifyTotp(RFC_KEY, hotp(RFC_KEY, step - 1), at, step)).toBeNull();
    expect(verifyTotp(RFC_KEY, hotp(RFC_KEY, step + 1), at, step)).toBe(step + 1);
  });

  it("takes the code as an app shows it, with a space in the middle", () => {
    const code = hotp(RFC_KEY, step);
    expect(verifyTotp(RFC_KEY, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(step);
  });

  it("refuses anything that is not six digits", () => {
    for (const input of ["", "12345", "1234567", "abcdef", hotp(RFC_KEY, step, 8)]) {
      expect(verifyTotp(RFC_KEY, input, at), input).toBeNull();
    }
  });
});

describe("a new secret", () => {
  it("is 160 random bits in base32, different every time", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)?.length).toBe(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it("goes into an otpauth URI that apps read", () => {
    const uri = new URL(otpauthUri({ issuer: "gongkai 公开", account: "wang.wu", secret: "JBSWY3DPEHPK3PXP" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/gongkai 公开:wang.wu");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: "JBSWY3DPEHPK3PXP",
      issuer: "gongkai 公开",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });
});
