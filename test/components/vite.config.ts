import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the component test page (test/components/index.html) into dist-components/. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  // the harness imports every message catalogue statically, which Vite reports once per catalogue: only errors
  logLevel: 'error',
  build: { outDir: resolve(import.meta.dirname, '../../dist-components'), emptyOutDir: true, sourcemap: false },
});
