import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The API server (`stoat-ferret serve`) listens here by default; the dev
// server forwards every backend route to it so the GUI can use relative URLs
// in development exactly as it does when the server hosts the build at /gui/.
const backend = "http://127.0.0.1:8765";

export default defineConfig({
  base: "/gui/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/health": { target: backend, changeOrigin: false },
      "/ws": { target: backend, ws: true, changeOrigin: false },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    css: { modules: { classNameStrategy: "non-scoped" } },
  },
});
