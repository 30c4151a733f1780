// Builds the graph explorer: web/ -> web/dist, served by the API server at
// /explorer (src/http/explorer.ts). Everything is bundled; nothing loads from a CDN.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/explorer/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Cytoscape and its layout are one large chunk by nature; say so once instead of warning.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run web:dev`: the page on Vite, GraphQL proxied to `npm start` on :4000.
    proxy: { "/graphql": "http://localhost:4000" },
  },
});
