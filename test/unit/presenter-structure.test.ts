/**
 * The presenter's shape, checked on the source: small files and classes, and behaviours that reach each other
 * only through the presenter services and the presenter slice (never by importing one another).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const PRESENTER = join(ROOT, 'src/app/presenter');
const BEHAVIOURS = join(PRESENTER, 'behaviours');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [path] : [];
  });
}

const FILES = sourceFiles(PRESENTER);
const rel = (path: string) => relative(ROOT, path);
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Classes longer than `maxLines`, as "file:line Name". */
function longClasses(files: readonly string[], maxLines: number): string[] {
  const found: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isClassLike(node)) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (end - start + 1 > maxLines) found.push(`${rel(file)}:${start + 1} ${node.name?.text ?? '(anonymous)'}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('presenter structure', () => {
  it('finds the presenter and its behaviours', () => {
    expect(FILES.length).toBeGreaterThan(10);
    expect(sourceFiles(BEHAVIOURS).length).toBeGreaterThanOrEqual(6);
  });

  it('has no file over 300 lines in src/app/presenter', () => {
    expect(FILES.filter((file) => lineCount(readFileSync(file, 'utf8')) > 300).map(rel)).toEqual([]);
  });

  it('has no class over 250 lines in src/app/presenter', () => {
    expect(longClasses(FILES, 250)).toEqual([]);
  });

  it('keeps behaviours apart: none imports another (they meet in the presenter services and the slice)', () => {
    const crossImports = sourceFiles(BEHAVIOURS).filter((file) => /from '\.\/[^']+'/.test(readFileSync(file, 'utf8'))).map(rel);
    expect(crossImports).toEqual([]);
  });

  it('counts lines and classes as it says (the checks above can fail)', () => {
    const probe = join(ROOT, 'src/app/presenter/presenter-view.ts');
    expect(longClasses([probe], 10)).toHaveLength(1);
    expect(lineCount('a\nb\n')).toBe(2);
  });
});
