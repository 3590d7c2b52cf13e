// openapi-typescript builds its output with the TypeScript compiler API, which TypeScript 7 (the
// project's compiler) no longer has: its `import ts from "typescript"` gets TypeScript 5
// (devDependency typescript-5). Registered by scripts/render-api-types.ts; nothing else changes.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "typescript" && context.parentURL?.includes("/node_modules/openapi-typescript/")) {
    return nextResolve("typescript-5", context);
  }
  return nextResolve(specifier, context);
}
