import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { crossingSummary } from './crossing-summary.ts';


const point = (status: string, year_open: number | null): FeatureCollection['features'][number] =>
  ({ type: 'Feature', properties: { status, year_open }, geometry: { type: 'Point', coordinates: [117, 36.7] } });

describe('crossingSummary', () => {
  it('counts drawn and unlocated crossings and those open by the end of a year', () => {
    const collection = {
      type: 'FeatureCollection', features: [point('open', 1982), point('open', 2024), point('planned', null)],
      unlocated: [
        { id: 'u1', name_zh: '甲', name_en: 'A', status: 'open', year_open: null, open_end_2023: true, reason_zh: '未公布', reason_en: 'not published' },
        { id: 'u2', name_zh: '乙', name_en: 'B', status: 'planned', reason_zh: '', reason_en: '' },
      ],
    } as FeatureCollection;
    const summary = crossingSummary(collection, 2023);
    expect(summary).toMatchObject({ total: 5, located: 3, openBy: 2, byStatus: { open: 3, planned: 2 } });
    expect(summary.unlocated.map((item) => item.id)).toEqual(['u1', 'u2']);
    expect(crossingSummary(collection, 2024).openBy).toBe(3);
    expect(crossingSummary(collection, 2000).openBy).toBe(1);
  });

  it('skips malformed unlocated entries instead of throwing', () => {
    const collection = { type: 'FeatureCollection', features: [], unlocated: [null, 3, {}, { name_en: 'Only English' }] } as unknown as FeatureCollection;
    expect(crossingSummary(collection, 2023).unlocated).toMatchObject([({ name_zh: 'Only English', name_en: 'Only English', status: 'planned' })]);
    expect(crossingSummary(undefined, 2023)).toMatchObject({ total: 0, located: 0, openBy: 0 });
  });

  it('gives the documents\' figures on the shipped layer: 21 crossings, 9 open at the end of 2023', () => {
    const collection = JSON.parse(readFileSync(resolve(__dirname, '../../../geodata/crossings.geojson'), 'utf8')) as FeatureCollection;
    const summary = crossingSummary(collection, 2023);
    expect(summary.total).toBe(21);
    expect(summary.openBy).toBe(9);
  });
});
