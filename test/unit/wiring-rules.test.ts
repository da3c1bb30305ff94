/**
 * The shape of the wiring, checked on the source text: the rules a reviewer would otherwise have to
 * remember (no import cycle, no cast events, no MapLibre map outside src/map, short feature functions).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [path] : [];
  });
}

const FILES = sourceFiles(SRC);
const rel = (path: string) => relative(ROOT, path);

/** Relative imports (value and type) of a file, resolved to absolute paths. */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'|import\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
    const spec = match[1] ?? match[2] ?? match[3];
    found.push(resolve(dirname(path), spec.replace(/\.js$/, '.ts')));
  }
  return found;
}

/** Import cycles among src/ modules (each reported once, as the path around it). */
export function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)).map(rel));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

/** Functions (declarations, methods, arrows, function expressions) longer than `maxLines`. */
export function longFunctions(files: readonly string[], maxLines: number): { name: string; lines: number }[] {
  const found: { name: string; lines: number }[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
        if (lines > maxLines) found.push({ name: `${rel(file)}:${start + 1} ${name}`, lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const grepSrc = (pattern: RegExp, files = FILES) => files.filter((file) => pattern.test(readFileSync(file, 'utf8'))).map(rel);

describe('wiring rules', () => {
  it('has no import cycle in src/', () => {
    expect(importCycles(FILES)).toEqual([]);
  });

  it('casts no event (every event is typed once in src/ui/events.ts)', () => {
    expect(grepSrc(/as CustomEvent/)).toEqual([]);
  });

  it('reaches the MapLibre map only in src/map', () => {
    const outside = FILES.filter((file) => !file.startsWith(join(SRC, 'map') + '/'));
    expect(grepSrc(/\bview\.map\b|from 'maplibre-gl'/, outside)).toEqual([]);
  });

  it('never imports app/ from ui/, nor map/, ui/ or app/ from state/', () => {
    const importing = (folder: string, forbidden: RegExp) => FILES
      .filter((file) => file.startsWith(join(SRC, folder) + '/'))
      .filter((file) => importsOf(file).some((target) => forbidden.test(relative(SRC, target))))
      .map(rel);
    expect(importing('ui', /^app\//)).toEqual([]);
    expect(importing('state', /^(map|ui|app)\//)).toEqual([]);
    expect(importing('data', /^(state|map|ui|app)\//)).toEqual([]);
  });

  it('has no function longer than 100 lines in src/app', () => {
    expect(longFunctions(sourceFiles(join(SRC, 'app')), 100)).toEqual([]);
  });

  it('writes the store only from app/ and main.ts: components emit events', () => {
    expect(grepSrc(/store\??\.update\(/, FILES.filter((file) => file.startsWith(join(SRC, 'ui') + '/')))).toEqual([]);
  });

  it('has no store reader that re-renders on every update: no selector returns the whole state or a fresh value without an equality', () => {
    const readers = FILES.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/new StoreController(?:<[^>]*>)?\(([\s\S]*?)\);/g)].map((match) => ({ file: rel(file), call: match[1] }));
    });
    expect(readers.length).toBeGreaterThan(10);
    const wholeState = readers.filter(({ call }) => /\((\w+)(?::\s*\w+)?\)\s*=>\s*\1\s*(?:,|$)/.test(call.trim()));
    const freshWithoutEquality = readers.filter(({ call }) => /=>\s*(?:\[|\(\{)/.test(call) && !/,\s*(?:sameItems|shallowEqual|\w+Equal\w*)\s*$/.test(call.trim()));
    expect(wholeState).toEqual([]);
    expect(freshWithoutEquality).toEqual([]);
  });
});
