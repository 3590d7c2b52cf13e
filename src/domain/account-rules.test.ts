import { describe, expect, it } from "vitest";
import { type AccountAdmin, administrationRefusal, grantRefusal, isAccountAdmin } from "./account-rules.ts";
import type { Role } from "./roles.ts";

const admin = (agencyCode: string | null, roles: Role[], isSystemAdmin = false): AccountAdmin => ({
  agencyCode,
  roles,
  isSystemAdmin,
});
const system = admin(null, [], true);
const townAdmin = admin("town", ["agency_admin"]);
const townHandler = admin("town", ["handler"]);
const countySupervisor = admin("county", ["supervisor"]);

describe("who may grant which roles", () => {
  it.each([
    [system, "town", ["supervisor"], null],
    [system, "other", ["agency_admin", "handler"], null],
    [townAdmin, "town", ["intake", "handler", "approver", "agency_admin"], null],
    [
      townAdmin,
      "town",
      ["supervisor"],
      "“主管部门”角色只能由系统管理员授予；机关管理员可以授予的角色：登记人员、承办人、审核人、管理员",
    ],
    [
      townAdmin,
      "town",
      ["handler", "supervisor"],
      "“主管部门”角色只能由系统管理员授予；机关管理员可以授予的角色：登记人员、承办人、审核人、管理员",
    ],
    [townAdmin, "other", ["handler"], "只有系统管理员或机关“other”的管理员可以为该机关的用户设置角色"],
    [townHandler, "town", ["handler"], "只有系统管理员或机关“town”的管理员可以为该机关的用户设置角色"],
    [countySupervisor, "town", ["handler"], "只有系统管理员或机关“town”的管理员可以为该机关的用户设置角色"],
  ] as const)("%o grants %s %o → %s", (who, agency, roles, expected) => {
    expect(grantRefusal(who, agency, roles)).toBe(expected);
  });
});

describe("who may administer which accounts", () => {
  const target = (agencyCode: string | null, roles: Role[], isSystemAdmin = false) => ({
    agencyCode,
    roles,
    isSystemAdmin,
  });
  it("lets the system admin administer everyone", () => {
    for (const t of [target("town", ["supervisor"]), target(null, [], true), target("other", ["handler"])]) {
      expect(administrationRefusal(system, t)).toBeNull();
    }
  });
  it("lets an agency admin administer its own agency's users, not supervisors, system admins or other agencies'", () => {
    expect(administrationRefusal(townAdmin, target("town", ["handler"]))).toBeNull();
    expect(administrationRefusal(townAdmin, target("town", ["agency_admin"]))).toBeNull();
    expect(administrationRefusal(townAdmin, target("town", ["supervisor"]))).toBe(
      "主管部门用户只能由系统管理员管理",
    );
    expect(administrationRefusal(townAdmin, target("town", [], true))).toBe(
      "只有系统管理员可以管理系统管理员账号",
    );
    expect(administrationRefusal(townAdmin, target("other", ["handler"]))).toBe(
      "只有系统管理员或该用户所在机关的管理员可以管理该用户",
    );
    expect(administrationRefusal(townHandler, target("town", ["intake"]))).not.toBeNull();
    expect(administrationRefusal(countySupervisor, target("town", ["intake"]))).not.toBeNull();
  });
  it("knows who administers accounts at all", () => {
    expect([system, townAdmin, townHandler, countySupervisor].map(isAccountAdmin)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
