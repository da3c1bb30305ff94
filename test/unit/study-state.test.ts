import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import {
  applyResult, clusterFeatures, clustersWithWhatIf, copyGeometry, initialStudyState, savedStudyOf, validateSavedStudy,
} from '../../src/state/study-state.ts';
import type { StudyGeometry } from '../../src/state/study-state.ts';
import { frameCoalescer } from '../../src/app/shell/frame-coalescer.ts';
import type { RegionFigures } from '../../src/core/analysis/index.ts';

const square = (x: number, y: number, size = 0.01): Polygon => ({
  type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

const structure: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'axis', properties: { id: 'axis', kind: 'axis' }, geometry: { type: 'LineString', coordinates: [[117, 36.8], [117.1, 36.9]] } },
    { type: 'Feature', id: 'c-a', properties: { id: 'c-a', kind: 'cluster', name_en: 'A' }, geometry: square(117, 36.8) },
    { type: 'Feature', id: 'c-b', properties: { id: 'c-b', kind: 'cluster', name_en: 'B' }, geometry: square(117.1, 36.8) },
  ],
};

describe('study state helpers', () => {
  it('lists the clusters only, in file order', () => {
    expect(clusterFeatures(structure).map((feature) => feature.properties?.id)).toEqual(['c-a', 'c-b']);
    expect(clusterFeatures(undefined)).toEqual([]);
  });

  it('swaps in what-if outlines as new objects, keeps the others, never mutates', () => {
    const clusters = clusterFeatures(structure);
    const before = JSON.stringify(structure);
    const edited = square(117.2, 36.9, 0.02);
    const result = clustersWithWhatIf(clusters, { 'c-b': edited });
    expect(result[0]).toBe(clusters[0]);
    expect(result[1]).not.toBe(clusters[1]);
    expect(result[1].geometry).toBe(edited);
    expect(result[1].properties).toEqual(clusters[1].properties);
    expect(JSON.stringify(structure)).toBe(before);
  });

  it('copies geometry deeply (edits of the copy do not reach the source)', () => {
    const source = square(117, 36.8);
    const copy = copyGeometry(source);
    copy.coordinates[0][0][0] = 0;
    expect(source.coordinates[0][0][0]).toBe(117);
  });

  it('validates saved records: good ones pass, bad ones get a message', () => {
    const state = { ...initialStudyState(), polygon: square(117, 36.8), whatIf: { 'c-a': square(117, 36.8, 0.02) as StudyGeometry } };
    const saved = JSON.parse(JSON.stringify(savedStudyOf(state))) as unknown;
    expect(validateSavedStudy(saved)).toEqual({ polygon: state.polygon, whatIf: state.whatIf });
    expect(validateSavedStudy({ polygon: null, whatIf: {} })).toEqual({ polygon: null, whatIf: {} });
    expect(validateSavedStudy(null)).toMatch(/not an object/);
    expect(validateSavedStudy({ polygon: { type: 'Point', coordinates: [1, 2] }, whatIf: {} })).toMatch(/study polygon/);
    expect(validateSavedStudy({ polygon: null, whatIf: { x: { type: 'Polygon', coordinates: [[[1, 2], [3, 4]]] } } })).toMatch(/"x"/);
    expect(validateSavedStudy({ polygon: { type: 'Polygon', coordinates: [[[1, 2], [3, 4], [5, 'x'], [1, 2]]] }, whatIf: {} })).toMatch(/study polygon/);
    expect(validateSavedStudy({ polygon: null })).toMatch(/whatIf/);
  });

  it('keeps the last good figures when a result fails, and clears the error on the next good one', () => {
    const figures = { areaKm2: 1 } as RegionFigures;
    const good = applyResult({ figures: null, error: null }, { ok: true, figures });
    expect(good).toEqual({ figures, error: null });
    const bad = applyResult(good, { ok: false, issues: [{ reason: 'unclosed-ring', severity: 'warning' }, { reason: 'self-intersection', severity: 'error' }] });
    expect(bad).toEqual({ figures, error: 'self-intersection' });
    const newer = { areaKm2: 2 } as RegionFigures;
    expect(applyResult(bad, { ok: true, figures: newer })).toEqual({ figures: newer, error: null });
  });
});

describe('frameCoalescer', () => {
  it('runs once per frame with the newest value, and cancel drops the pending one', () => {
    const queue: (() => void)[] = [];
    const runs: number[] = [];
    const coalescer = frameCoalescer<number>((value) => runs.push(value), (callback) => queue.push(callback), () => queue.splice(0));
    coalescer.push(1);
    coalescer.push(2);
    coalescer.push(3);
    expect(queue).toHaveLength(1);
    queue.shift()?.();
    expect(runs).toEqual([3]);
    coalescer.push(4);
    coalescer.cancel();
    expect(queue).toHaveLength(0);
    coalescer.push(5);
    queue.shift()?.();
    expect(runs).toEqual([3, 5]);
  });
});

