import { describe, expect, it } from "vitest";
import {
  idNumberProblem,
  idTypeFits,
  isResidentIdNumber,
  isUnifiedSocialCreditCode,
  phoneProblem,
} from "./identity-numbers.ts";

const TODAY = "2026-11-30";

describe("居民身份证号码 (GB 11643)", () => {
  it("accepts real-format numbers with the right check character, X in either case", () => {
    expect(isResidentIdNumber("11010519491231002X", TODAY)).toBe(true); // the standard's own example
    expect(isResidentIdNumber("11010519491231002x", TODAY)).toBe(true);
    expect(isResidentIdNumber("110101199003074477", TODAY)).toBe(true);
    expect(isResidentIdNumber("810000199408230021", TODAY)).toBe(true); // 港澳台居民居住证
  });

  it("refuses a wrong check character, a short number, letters, an unreal or future birth date", () => {
    expect(isResidentIdNumber("110101199003074478", TODAY)).toBe(false);
    expect(isResidentIdNumber("11010519491231002Y", TODAY)).toBe(false);
    expect(isResidentIdNumber("123", TODAY)).toBe(false);
    expect(isResidentIdNumber("110105194912310", TODAY)).toBe(false); // 15 digits: expired cards
    expect(isResidentIdNumber("010101199003074477", TODAY)).toBe(false); // area 0
    // 1990-02-30 does not exist; the check digit is computed for those digits.
    expect(isResidentIdNumber("110101199002304470", TODAY)).toBe(false);
    expect(isResidentIdNumber("11010120301231002X", TODAY)).toBe(false);
  });

  it("says the number is not valid without giving away the check digit", () => {
    const m = idNumberProblem("resident_id", "110101199003074478", TODAY);
    expect(m).toContain("不是有效的居民身份证号码");
    expect(m).not.toMatch(/应为\s*7|校验位.*7/);
    expect(idNumberProblem("resident_id", " 110101199003074477 ", TODAY)).toBeUndefined();
  });
});

describe("统一社会信用代码 (GB 32100)", () => {
  it("accepts real codes", () => {
    for (const code of [
      "91350100M000100Y43",
      "91110000600037341L",
      "91440300708461136T",
      "12100000400000624D",
    ]) {
      expect(isUnifiedSocialCreditCode(code)).toBe(true);
      expect(idNumberProblem("uscc", code.toLowerCase())).toBeUndefined();
    }
  });

  it("refuses a wrong check character, a letter it never uses, a wrong length", () => {
    expect(isUnifiedSocialCreditCode("91440300708461136U")).toBe(false);
    expect(isUnifiedSocialCreditCode("91440300708461136")).toBe(false);
    expect(isUnifiedSocialCreditCode("9144030070846113IT")).toBe(false);
    expect(idNumberProblem("uscc", "123")).toContain("不是有效的统一社会信用代码");
  });
});

describe("港澳台居民证件, 护照, 其他", () => {
  it("knows the permits' formats", () => {
    expect(idNumberProblem("hk_mo_tw", "H12345678")).toBeUndefined();
    expect(idNumberProblem("hk_mo_tw", "M1234567801")).toBeUndefined();
    expect(idNumberProblem("hk_mo_tw", "01234567")).toBeUndefined();
    expect(idNumberProblem("hk_mo_tw", "810000199408230021", TODAY)).toBeUndefined();
    expect(idNumberProblem("hk_mo_tw", "810000199408230022", TODAY)).toContain("港澳台居民证件");
    expect(idNumberProblem("hk_mo_tw", "X1234567")).toContain("港澳台居民证件");
  });

  it("takes a passport of letters and digits, and anything under 其他", () => {
    expect(idNumberProblem("passport", "E12345678")).toBeUndefined();
    expect(idNumberProblem("passport", "EA1234567")).toBeUndefined();
    expect(idNumberProblem("passport", "E 1234")).toContain("护照");
    expect(idNumberProblem("other", "军官证 第123号")).toBeUndefined();
  });

  it("matches the ID type to the applicant type", () => {
    expect(idTypeFits("resident_id", "natural_person")).toBe(true);
    expect(idTypeFits("uscc", "natural_person")).toBe(false);
    expect(idTypeFits("uscc", "commercial_enterprise")).toBe(true);
    expect(idTypeFits("passport", "other_org")).toBe(false);
    expect(idTypeFits("other", "other_org")).toBe(true);
  });
});

describe("电话", () => {
  it("accepts mainland mobiles and landlines with area code and extension", () => {
    for (const p of [
      "13812345678",
      "+8613812345678",
      "19912345678",
      "0571-87654321",
      "010-62345678",
      "(0571)87654321",
      "075526345678",
      "0571-87654321-808",
      "0571-87654321转808",
    ]) {
      expect(phoneProblem(p), p).toBeUndefined();
    }
  });

  it("refuses text, short numbers, a mobile starting 12, a landline without area code", () => {
    for (const p of ["abc", "123", "12812345678", "1381234567", "87654321", "0571-0765432"]) {
      expect(phoneProblem(p), p).toContain("不是有效的电话号码");
    }
  });
});
