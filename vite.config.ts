import { defineConfig } from 'vite';

// base './' makes dist/ work from any static server path (and file:// for the single-file build).
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // Geodata stays a same-origin file (fetched under CSP connect-src 'self'), never a data: URL.
    assetsInlineLimit: (file: string) => (file.endsWith('.geojson') ? false : undefined),
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
