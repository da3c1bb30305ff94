import { defineConfig, mergeConfig } from 'vite';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import baseConfig from './vite.config.ts';

/**
 * The one-file offline build (`npm run build:single` → dist-single/index.html, #6): scripts, CSS, the
 * MapLibre worker (started from a blob: URL) and the geodata (data: URLs) all inline, so the file opens
 * by double-click over file:// with no server and no network.
 */
function inlineMaplibreWorker(): Plugin {
  return {
    name: 'plan:inline-maplibre-worker',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/[\\/]src[\\/]map[\\/]/.test(importer) || source !== './worker-url.ts') return null;
      return this.resolve('./worker-url.single.ts', importer, { ...options, skipSelf: true });
    },
  };
}

export default mergeConfig(baseConfig, defineConfig({
  mode: 'single',
  plugins: [inlineMaplibreWorker(), viteSingleFile()],
  build: {
    outDir: 'dist-single',
    emptyOutDir: true,
    // Everything inline, the geodata included (the normal build keeps it as fetched files).
    assetsInlineLimit: () => true,
  },
}));
