import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The silo serves the built designer; `npm run dev` proxies the API, hub and webhooks to a local silo.
const silo = process.env.WORKFLOW_SILO_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": silo,
      "/hooks": silo,
      "/hubs": { target: silo, ws: true },
    },
  },
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 2000 },
});
