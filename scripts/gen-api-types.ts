// npm run gen:api-types: writes the web UI's API types from the OpenAPI document.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { API_TYPES_PATH, renderApiTypes } from "./render-api-types.ts";

const text = await renderApiTypes();
await mkdir(dirname(API_TYPES_PATH), { recursive: true });
await writeFile(API_TYPES_PATH, text);
console.log(`${API_TYPES_PATH}: ${text.split("\n").length} lines`);
