import { describe, expect, it } from "vitest";
import {
  isMaskedValue,
  maskApplicant,
  maskValue,
  mayExportInFull,
  maySeeInFull,
  personalFieldsPresent,
} from "./personal-data.ts";

describe("masking the applicant's personal fields (个人信息保护法)", () => {
  it("keeps the first 4 and last 4 of an ID number, the first 3 and last 4 of a phone", () => {
    const masked = maskApplicant({
      type: "natural_person",
      name: "张三",
      idNumber: "110101199003071234",
      phone: "13611111111",
      email: "zs@example.cn",
      address: "某县某路 1 号",
    });
    expect(masked).toEqual({
      type: "natural_person",
      name: "张三",
      idNumber: "1101**********1234",
      phone: "136****1111",
    });
  });

  it("masks a value too short to hide as much as it keeps entirely, by its length", () => {
    expect(maskValue("12345678", { keepHead: 4, keepTail: 4 })).toBe("********");
    expect(maskValue("12345678901", { keepHead: 4, keepTail: 4 })).toBe("***********");
    expect(maskValue("123456789012", { keepHead: 4, keepTail: 4 })).toBe("1234****9012");
    expect(maskValue("8765432", { keepHead: 3, keepTail: 4 })).toBe("*******");
    expect(maskValue("0108765432", { keepHead: 3, keepTail: 4 })).toBe("**********");
    expect(maskValue("010-87654321", { keepHead: 3, keepTail: 4 })).toBe("010*****4321");
    expect(maskValue("", { keepHead: 3, keepTail: 4 })).toBe("");
    // characters, not UTF-16 units
    expect(maskValue("护照𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀", { keepHead: 4, keepTail: 4 })).toBe("护照𠀀𠀀****𠀀𠀀𠀀𠀀");
  });

  it("leaves out what the applicant did not give, and names the fields given", () => {
    expect(maskApplicant({ type: "other_org", name: "某协会" })).toEqual({
      type: "other_org",
      name: "某协会",
    });
    expect(personalFieldsPresent({ phone: "13611111111", address: "某路" })).toEqual(["phone", "address"]);
    expect(personalFieldsPresent({ idNumber: "" })).toEqual([]);
    expect(isMaskedValue("1101**********1234")).toBe(true);
    expect(isMaskedValue("110101199003071234")).toBe(false);
  });

  it("shows them in full only to a user of the handling agency; the full export only to its admin", () => {
    expect(maySeeInFull({ userId: 1, agencyId: 7 }, 7)).toBe(true);
    expect(maySeeInFull({ userId: 1, agencyId: 3 }, 7)).toBe(false);
    expect(maySeeInFull({ userId: null, agencyId: null }, 7)).toBe(false);
    expect(maySeeInFull({ userId: 1, agencyId: null }, 7)).toBe(false);
    expect(mayExportInFull({ userId: 1, agencyId: 7, roles: ["agency_admin"] }, 7)).toBe(true);
    expect(mayExportInFull({ userId: 1, agencyId: 7, roles: ["handler"] }, 7)).toBe(false);
    expect(mayExportInFull({ userId: 1, agencyId: 3, roles: ["agency_admin"] }, 7)).toBe(false);
  });
});
