import { describe, expect, it } from "vitest";
import {
  generateQueryCode,
  hashQueryCode,
  matchesVerification,
  normalizeQueryCode,
  withoutQueryCode,
} from "./query-code.ts";

describe("the 查询码", () => {
  it("is 26 base32 characters in groups of five, 128 random bits, never the same twice", () => {
    const codes = Array.from({ length: 1000 }, () => generateQueryCode());
    for (const code of codes) expect(code).toMatch(/^([A-Z2-7]{5}-){5}[A-Z2-7]$/);
    expect(new Set(codes).size).toBe(1000);
    // 128 bits = 25 × 5 + 3: the last character carries 3 bits, so it is one of 8 (A E I M Q U Y 4)
    const last = new Set(codes.map((c) => c.at(-1)));
    expect([...last].every((ch) => "AEIMQUY4".includes(ch as string))).toBe(true);
  });

  it("is typed in any case, with or without hyphens and spaces; anything else is no code", () => {
    const code = generateQueryCode();
    const plain = code.replaceAll("-", "");
    expect(normalizeQueryCode(code)).toBe(plain);
    expect(normalizeQueryCode(` ${code.toLowerCase().replaceAll("-", " ")} `)).toBe(plain);
    expect(normalizeQueryCode(plain.slice(1))).toBeUndefined();
    expect(normalizeQueryCode(`${plain.slice(1)}1`)).toBeUndefined(); // 1 is not in base32
    expect(hashQueryCode(plain)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashQueryCode(plain)).not.toContain(plain.toLowerCase());
  });

  it("is verified by the last four characters of the phone or the ID number (X in either case)", () => {
    const a = { phone: "139-1234-5678", idNumber: "11010519491231002X" };
    expect(matchesVerification("5678", a)).toBe(true);
    expect(matchesVerification("002x", a)).toBe(true);
    expect(matchesVerification("002X", a)).toBe(true);
    expect(matchesVerification("1234", a)).toBe(false);
    expect(matchesVerification("0000", {})).toBe(false);
    expect(matchesVerification("\u0000\u0000\u0000\u0000", { phone: "12" })).toBe(false);
  });

  it("never reaches the request log", () => {
    expect(withoutQueryCode("/api/v1/public/applications/ABCDE-FGHIJ/letters/reply")).toBe(
      "/api/v1/public/applications/:queryCode/letters/reply",
    );
    expect(withoutQueryCode("/api/v1/applications/42")).toBe("/api/v1/applications/42");
  });
});
