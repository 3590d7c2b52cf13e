import { register } from "node:module";
import { buildApiDocument } from "../src/system/build-api-document.ts";

/** Where the web UI's generated API types live (checked in). */
export const API_TYPES_PATH = "web/src/api/generated/openapi.ts";

const HEADER = `/**
 * Generated from the server's OpenAPI document (src/http/openapi, the zod schemas of the routes)
 * by openapi-typescript: \`npm run gen:api-types\`. Do not edit; change the route's schema and
 * run it again (npm test fails while this file is not current).
 */

`;

/** The text of API_TYPES_PATH for the current routes, built in memory. */
export async function renderApiTypes(): Promise<string> {
  register("./typescript-5-hooks.mjs", import.meta.url);
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const document = await buildApiDocument();
  const ast = await openapiTS(JSON.stringify(document), { alphabetize: true });
  return HEADER + astToString(ast);
}
