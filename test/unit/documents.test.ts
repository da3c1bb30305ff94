import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citeDocuments, documentTitle, DOCUMENT_TITLES } from '../../src/data/documents.ts';

const SEED = /\d{3}_[0-9a-f]{16}\.txt/;

describe('document titles', () => {
  it('gives every document the geodata cites a title in both languages', () => {
    const dir = resolve(__dirname, '../../geodata');
    const cited = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.geojson'))) {
      const collection = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as { features: { properties: { source?: string } }[] };
      for (const feature of collection.features) {
        for (const part of String(feature.properties.source ?? '').split(';')) if (SEED.test(part)) cited.add(part.match(SEED)![0]);
      }
    }
    expect(cited.size).toBeGreaterThan(0);
    for (const file of cited) {
      expect(DOCUMENT_TITLES[file]?.zh, file).toBeTruthy();
      expect(DOCUMENT_TITLES[file]?.en, file).toBeTruthy();
    }
  });

  it('replaces a file name (and the parenthesis after it) by the title, keeping the section', () => {
    const text = '002_411b5032421d841b.txt (中共济南市委…, 2021) §四(二); 004_0efa58b41b94a17d.txt §一(三)';
    const en = citeDocuments(text, 'en');
    expect(en).toBe('Opinions of the CPC Jinan Municipal Committee on Accelerating the Construction of the Jinan Start-up Area (2021) §四(二); Jinan Start-up Area: 2023 Plan Execution and 2024 Plan §一(三)');
    expect(citeDocuments(text, 'zh')).toContain('《中共济南市委关于加快济南新旧动能转换起步区建设的意见》（2021年） §四(二)');
    expect(SEED.test(citeDocuments(text, 'zh'))).toBe(false);
  });

  it('leaves other citations as they are', () => {
    expect(documentTitle('https://example.org/notice', 'en')).toBe('https://example.org/notice');
    expect(documentTitle('reference/points-of-interest.csv', 'zh')).toContain('公开坐标');
    expect(citeDocuments('999_0000000000000000.txt §1', 'en')).toBe('999_0000000000000000.txt §1');
  });
});

describe('the built-in deck', () => {
  it('cites documents by title in both languages once rendered', async () => {
    const { builtinDeck } = await import('../../src/app/presenter/builtin-deck.ts');
    for (const slide of builtinDeck().slides) {
      if (!slide.source) continue;
      for (const lang of ['zh', 'en'] as const) expect(citeDocuments(slide.source, lang), slide.id).not.toMatch(SEED);
    }
  });
});
