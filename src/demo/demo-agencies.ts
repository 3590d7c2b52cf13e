import type { Role } from "../domain/roles.ts";
import type { NewAgency } from "../services/account-service.ts";

/** A county with its office, two departments and two townships (names as in the reference report). */
export const DEMO_AGENCIES: NewAgency[] = [
  { code: "lyx", name: "临猗县人民政府", kind: "government" },
  { code: "lyx-zfb", name: "临猗县人民政府办公室", kind: "department", parentCode: "lyx" },
  { code: "lyx-zrzy", name: "临猗县自然资源局", kind: "department", parentCode: "lyx" },
  { code: "myz", name: "嵋阳镇人民政府", kind: "township", parentCode: "lyx" },
  { code: "jbz", name: "角杯镇人民政府", kind: "township", parentCode: "lyx" },
];

export const DEMO_PASSWORD = "demo-2026";

export interface DemoUser {
  username: string;
  displayName: string;
  agencyCode: string;
  roles: Role[];
}

const PER_AGENCY: [string, string, Role[]][] = [
  ["clerk", "登记员", ["intake"]],
  ["handler", "承办人", ["handler"]],
  ["approver", "审核人", ["approver"]],
  ["admin", "管理员", ["agency_admin"]],
];

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];

/** Four users per agency (`myz-clerk` …) and the county's supervisor `lyx-supervisor`. */
export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [];
  DEMO_AGENCIES.forEach((a, i) => {
    PER_AGENCY.forEach(([suffix, title, roles], j) => {
      users.push({
        username: `${a.code}-${suffix}`,
        displayName: `${SURNAMES[(i + j) % SURNAMES.length]}${title}`,
        agencyCode: a.code,
        roles,
      });
    });
  });
  users.push({
    username: "lyx-supervisor",
    displayName: "县政务公开办",
    agencyCode: "lyx",
    roles: ["supervisor"],
  });
  return users;
}
