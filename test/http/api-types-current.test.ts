import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_PATH, renderApiTypes } from "../../scripts/render-api-types.ts";

describe("the web UI's generated API types", () => {
  it("are those of the current OpenAPI document", async () => {
    const checkedIn = await readFile(API_TYPES_PATH, "utf8").catch(() => "");
    const current = await renderApiTypes();
    if (checkedIn !== current) {
      const a = checkedIn.split("\n");
      const b = current.split("\n");
      const line = b.findIndex((l, i) => l !== a[i]);
      expect.fail(
        `${API_TYPES_PATH} is not current (first difference at line ${line + 1}: ` +
          `${JSON.stringify(a[line] ?? "")} vs ${JSON.stringify(b[line] ?? "")}): run npm run gen:api-types`,
      );
    }
  }, 120_000);
});
