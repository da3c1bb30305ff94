/**
 * JS shipped: gzip (zlib level 9, per file, as a server would send it) of every .js file in a build,
 * and the app's own weight measured directly by building the app with `maplibre-gl` left external.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { BENCH_DIR } from './builds.ts';

export interface JsFile {
  file: string;
  bytes: number;
  gzip: number;
}

export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(data, { level: 9 }).length;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every .js / .mjs file under `dir`, with raw and gzip sizes. */
export function jsFiles(dir: string): JsFile[] {
  return walk(dir)
    .filter((path) => /\.m?js$/.test(path))
    .map((path) => {
      const data = readFileSync(path);
      return { file: path.slice(dir.length + 1), bytes: data.length, gzip: gzipSize(data) };
    });
}

export function totalGzip(files: readonly JsFile[]): number {
  return files.reduce((sum, file) => sum + file.gzip, 0);
}

export interface ModuleCost {
  id: string;
  /** bytes of the module's code in the bundle before minification */
  renderedBytes: number;
}

interface ChunkLike {
  type: string;
  fileName: string;
  isEntry?: boolean;
  imports?: string[];
  modules?: Record<string, { renderedLength: number }>;
}

export interface ChunkCost {
  file: string;
  /** loaded with the first view: the entry chunk and what it imports statically */
  initial: boolean;
  modules: ModuleCost[];
}

/** The entry chunks and everything they import statically (what the first view downloads). */
export function initialChunks(chunks: readonly { fileName: string; isEntry?: boolean; imports?: string[] }[]): Set<string> {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const next of byName.get(name)?.imports ?? []) visit(next);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return initial;
}

/**
 * Builds the app with the project's vite.config.ts but `maplibre-gl` external, into .bench/app-own:
 * its JS (minus the MapLibre worker file) is exactly the app's own code, minified as shipped.
 */
export async function buildAppWithoutMaplibre(): Promise<{ dir: string; ownFiles: JsFile[]; modules: ModuleCost[]; chunks: ChunkCost[] }> {
  const dir = resolve(BENCH_DIR, 'app-own');
  const result = await build({
    logLevel: 'error',
    configFile: resolve('vite.config.ts'),
    build: { outDir: dir, emptyOutDir: true, rolldownOptions: { external: [/^maplibre-gl$/] } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output?: ChunkLike[] }[];
  const chunkList = outputs.flatMap((output) => (output.output ?? []).filter((chunk) => chunk.type === 'chunk'));
  const initial = initialChunks(chunkList);
  const root = resolve('.') + '/';
  const chunks: ChunkCost[] = chunkList.map((chunk) => ({
    file: chunk.fileName,
    initial: initial.has(chunk.fileName),
    modules: Object.entries(chunk.modules ?? {})
      .map(([id, info]) => ({ id: id.replace(/^.*node_modules\//, '').replace(root, '').replace(/\0/g, ''), renderedBytes: info.renderedLength }))
      .sort((a, b) => b.renderedBytes - a.renderedBytes),
  }));
  const modules = chunks.flatMap((chunk) => chunk.modules).sort((a, b) => b.renderedBytes - a.renderedBytes);
  const ownFiles = jsFiles(dir).filter((file) => !file.file.includes('maplibre-gl-worker'));
  return { dir, ownFiles, modules, chunks };
}

/** The budget for the app's own JS the first view loads beside MapLibre, KB gzip. */
export const FIRST_VIEW_JS_BUDGET_KB = 60;

/** The first view's share of an app build: its files (gzip) and its modules, largest first. */
export function firstView(own: { ownFiles: JsFile[]; chunks: ChunkCost[] }): { files: JsFile[]; gzip: number; modules: ModuleCost[] } {
  const initial = new Set(own.chunks.filter((chunk) => chunk.initial).map((chunk) => chunk.file));
  const files = own.ownFiles.filter((file) => initial.has(file.file));
  const modules = own.chunks.filter((chunk) => chunk.initial).flatMap((chunk) => chunk.modules).sort((a, b) => b.renderedBytes - a.renderedBytes);
  return { files, gzip: totalGzip(files), modules };
}

/**
 * What a page's HTML makes the browser fetch as JavaScript before the first frame: its module script, every
 * `modulepreload`, and the MapLibre worker (found by name in the build's assets), gzip -9 each.
 */
export function pageFirstViewJs(dir: string): JsFile[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)]
    .map((match) => (match[1] ?? match[2])!.replace(/^\.?\//, ''));
  const worker = jsFiles(dir).filter((file) => /maplibre-gl-worker[^/]*\.m?js$/.test(file.file)).map((file) => file.file);
  return [...new Set([...referenced, ...worker])].map((file) => {
    const data = readFileSync(join(dir, file));
    return { file, bytes: data.length, gzip: gzipSize(data) };
  });
}
