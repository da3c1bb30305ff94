import { existsSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vite';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import baseConfig from './vite.config.ts';

/**
 * The one-file offline build (`npm run build:single` → dist-single/index.html): scripts, CSS, the
 * MapLibre worker (started from a blob: URL) and the geodata (data: URLs) all inline, so the file opens
 * by double-click over file:// with no server and no network.
 */
/**
 * Module variants for this build: a relative import of `x.ts` resolves to a sibling `x.single.ts` when
 * one exists (e.g. src/map/worker-url.single.ts starts MapLibre's worker from an inlined blob: URL;
 * src/app/analysis/start-worker.single.ts inlines the analysis worker). Normal builds never see them.
 */
function singleFileVariants(): Plugin {
  return {
    name: 'plan:single-file-variants',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.') || source.includes('?')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.endsWith('.ts') || resolved.id.endsWith('.single.ts')) return null;
      const variant = resolved.id.replace(/\.ts$/, '.single.ts');
      return existsSync(variant) ? variant : null;
    },
  };
}

export default mergeConfig(baseConfig, defineConfig({
  mode: 'single',
  plugins: [singleFileVariants(), viteSingleFile()],
  build: {
    outDir: 'dist-single',
    // One file holds everything (MapLibre and its worker included), so it is large by design.
    chunkSizeWarningLimit: 100_000_000,
    emptyOutDir: true,
    // Everything inline, the geodata included (the normal build keeps it as fetched files).
    assetsInlineLimit: () => true,
  },
}));
