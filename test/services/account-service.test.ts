import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { makeAccountService } from "../../src/services/account-service.ts";
import { bootstrapAdmin, type Core } from "../../src/system/open-core.ts";

let handle: DatabaseHandle;
const now = () => new Date("2026-03-20T02:00:00Z");

beforeAll(async () => {
  handle = await createDatabase({ dataDir: "memory://" });
  await migrateToLatest(handle.db);
});
afterAll(async () => {
  await handle.close();
});

describe("the system administrator outside every agency", () => {
  it("is created once from OGI_BOOTSTRAP_ADMIN, logs in, and sees every agency", async () => {
    const accounts = makeAccountService({ db: handle.db, now });
    // bootstrapAdmin reads only these two parts of the core
    const core = { accounts, settings: { OGI_BOOTSTRAP_ADMIN: "root:root-password-1" } } as unknown as Core;
    expect(await bootstrapAdmin(core)).toContain("root");
    expect(await bootstrapAdmin(core)).toBeUndefined();
    const actor = await accounts.verifyPassword("root", "root-password-1");
    expect(actor).toMatchObject({ username: "root", isSystemAdmin: true, agencyId: null, agencyPath: null });
    expect(await accounts.verifyPassword("root", "wrong-password")).toBeUndefined();
    const token = await accounts.issueToken(actor?.userId ?? 0, "bearer", 60);
    expect((await accounts.resolveToken(token.token, "bearer"))?.actor.username).toBe("root");
  });
});
