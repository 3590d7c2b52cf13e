import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The staff UI. `npm run build:web` writes web/dist, which the API process serves
 * (src/http/web/serve-web-app.ts). `npx vite --config web/vite.config.ts` runs a dev server that
 * forwards /api to a system started on port 3100.
 */
export default defineConfig({
  root: here("."),
  base: "/",
  plugins: [react()],
  resolve: {
    // Pure rules shared with the server (outcomes, deadlines, fees, table layouts): one source.
    alias: {
      "@domain": here("../src/domain"),
      "@reports": here("../src/reports"),
    },
  },
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Two pages: the staff UI (index.html) and the applicant's portal at /apply (apply.html),
    // which shares no chunk with the staff UI but React and the pure domain files. The staff
    // entry keeps its name (index-*.js).
    rolldownOptions: { input: { index: here("index.html"), apply: here("apply.html") } },
  },
  server: {
    port: 5173,
    fs: { allow: [here("..")] },
    proxy: { "/api": "http://127.0.0.1:3100", "/healthz": "http://127.0.0.1:3100" },
  },
});
