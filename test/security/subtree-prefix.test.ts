/**
 * Hole 2 of issue 10: agency codes may contain `_`, which LIKE reads as "any character". A
 * supervisor of `sup_x` (path `/sup_x/`) must see `sup_x` and the agencies below it, never the
 * sibling `sup-x` (`/sup-x/` matches the unescaped pattern `/sup_x/%`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { BACKENDS } from "../http/helpers/test-app.ts";
import { type HardeningApp, startHardeningApp } from "./helpers/hardening-app.ts";

describe.each(BACKENDS)("subtree filters escape LIKE's wildcards (%s)", (_name, databaseUrl) => {
  let s: HardeningApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startHardeningApp(await databaseUrl());
    const { accounts, applications } = s.f;
    await accounts.createAgency({ code: "sup_x", name: "甲县人民政府", kind: "government" });
    await accounts.createAgency({
      code: "kid",
      name: "甲县某镇人民政府",
      kind: "township",
      parentCode: "sup_x",
    });
    await accounts.createAgency({ code: "sup-x", name: "乙县人民政府", kind: "government" });
    await s.addUser("supx", "sup_x", ["supervisor"]);
    for (const [user, agency] of [
      ["kidclerk", "kid"],
      ["sibclerk", "sup-x"],
    ] as const) {
      const clerk = await s.addUser(user, agency, ["intake"]);
      const app = await applications.register(clerk, {
        agencyCode: agency,
        channel: "online",
        receivedOn: "2026-03-02" as CivilDate,
        applicant: { type: "natural_person", name: `申请人${agency}` },
        description: "某项目批复文件",
      });
      ids[agency] = app.id;
    }
  }, 240_000);
  afterAll(async () => {
    await s?.close();
  });

  it("lists the cases of the supervisor's subtree only", async () => {
    const list = await s.call<{ items: { id: string; agencyCode: string }[]; total: number }>(
      "GET",
      "/api/v1/applications",
      { as: "supx" },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.agencyCode)).toEqual(["kid"]);
    expect(list.body.total).toBe(1);
    const sibling = await s.call("GET", `/api/v1/applications/${ids["sup-x"]}`, { as: "supx" });
    expect(sibling.status).toBe(404);
  });

  it("lists the agencies of the subtree only", async () => {
    const agencies = await s.call<{ items: { code: string }[] }>("GET", "/api/v1/agencies", { as: "supx" });
    expect(agencies.status).toBe(200);
    expect(agencies.body.items.map((a) => a.code).sort()).toEqual(["kid", "sup_x"]);
  });

  it("counts the subtree only in the statistics and the summed report", async () => {
    const stats = await s.call<Record<string, unknown>>("GET", "/api/v1/stats?include=subtree&year=2026", {
      as: "supx",
    });
    expect(stats.status).toBe(200);
    expect(JSON.stringify(stats.body)).not.toContain("sup-x");
    const report = await s.call<{ table3: { rows: Record<string, Record<string, number>> } }>(
      "GET",
      "/api/v1/agencies/sup_x/reports/2026?include=subtree",
      { as: "supx" },
    );
    expect(report.status).toBe(200);
    expect(report.body.table3.rows.new_received?.total).toBe(1);
  });
});
