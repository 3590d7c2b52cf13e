import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "./helpers/fixtures.ts";
import { startStubApp } from "./helpers/stub-app.ts";

describe("the error middleware", () => {
  let app: Awaited<ReturnType<typeof startStubApp>>;
  beforeAll(async () => {
    app = await startStubApp({
      applications: {
        list: async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'secretColumn')");
        },
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("answers an unforeseen failure with 500 and a generic Chinese message, and logs it", async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/applications`, { headers: { authorization: "Bearer x" } });
    expect(res.status).toBe(500);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("internal");
    expect(body.error.message).toMatch(/^系统内部错误/);
    const text = JSON.stringify(body);
    expect(text).not.toContain("secretColumn");
    expect(text).not.toContain("TypeError");
    const log = app.logLines.join("");
    expect(log).toContain("secretColumn");
    expect(log).toContain('"level":50');
  });
});
