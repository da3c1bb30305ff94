import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * The single-file build (mode 'single') inlines its scripts, worker and geodata, so it cannot use the
 * strict policy of index.html; this swaps in its own variant. Everything else keeps the strict one.
 * 'wasm-unsafe-eval' lets the land-use worker (started from a blob: URL, so under this policy) compile
 * sql.js's WebAssembly to read GeoPackages; it allows no JavaScript eval.
 */
export const SINGLE_FILE_CSP = "default-src 'self' data: blob:; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob: data:; worker-src 'self' blob: data:; "
  + "connect-src 'self' data: blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'none'";
function singleFileCsp(): Plugin {
  let mode = '';
  return {
    name: 'plan:csp-variant',
    configResolved(config) { mode = config.mode; },
    transformIndexHtml(html) {
      if (mode !== 'single') return html;
      return html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${SINGLE_FILE_CSP}$2`);
    },
  };
}

// base './' makes dist/ work from any static server path (and file:// for the single-file build).
export default defineConfig({
  base: './',
  plugins: [singleFileCsp()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // Geodata stays a same-origin file (fetched under CSP connect-src 'self'), never a data: URL.
    assetsInlineLimit: (file: string) => (file.endsWith('.geojson') ? false : undefined),
    rolldownOptions: {
      // polyclip-ts and its helpers have no side effects but do not say so: without this a value import from
      // the src/core/analysis barrel (e.g. BLUE_GREEN_CLASSES) drags ~15 KB gzip of them into the first-view
      // chunk although only the analysis worker uses them (measured by `npm run bench`).
      treeshake: { moduleSideEffects: (id: string) => !/node_modules\/(polyclip-ts|bignumber\.js|splaytree-ts)\//.test(id) },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
