import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import {
  applyResult, clusterFeatures, copyGeometry, initialStudyState, savedStudyOf, validateSavedStudy,
} from '../../src/state/study-state.ts';
import { clustersWithWhatIf, whatIfFiguresOf } from '../../src/state/what-if-figures.ts';
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

  it('gives the same what-if feature for the same cluster and outline, a new one for a new outline', () => {
    const clusters = clusterFeatures(structure);
    const saved = square(117.2, 36.9, 0.02);
    const first = clustersWithWhatIf(clusters, { 'c-a': saved, 'c-b': square(117.3, 36.9) });
    // the outline of c-b is dragged: c-a keeps its feature object, c-b gets a new one
    const dragged = square(117.31, 36.9);
    const second = clustersWithWhatIf(clusters, { 'c-a': saved, 'c-b': dragged });
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].geometry).toBe(dragged);
    expect(clustersWithWhatIf(clusters, { 'c-b': dragged })[1]).toBe(second[1]);
    // the plan's own cluster objects are untouched and given back as they are where not edited
    expect(clustersWithWhatIf(clusters, {})).toEqual(clusters);
    expect(clusters[0].geometry).not.toBe(saved);
  });

  it('keeps every saved what-if\'s figures from the table rows, drops reset ones, keeps the last good on an error', () => {
    const a = { areaKm2: 1 } as RegionFigures;
    const b = { areaKm2: 2 } as RegionFigures;
    const whatIf = { 'c-a': square(117, 36.8), 'c-b': square(117.1, 36.8) };
    const rows = [{ id: 'c-a', result: { ok: true as const, figures: a } }, { id: 'c-b', result: { ok: true as const, figures: b } }, { id: 'c-c', result: { ok: true as const, figures: b } }];
    const both = whatIfFiguresOf({}, whatIf, rows);
    expect(both).toEqual({ 'c-a': { figures: a, error: null }, 'c-b': { figures: b, error: null } });
    // the same rows again: nothing changed, the same record
    expect(whatIfFiguresOf(both, whatIf, rows)).toBe(both);
    // no rows yet (an outline changed, its table not yet back): the figures stay, a new what-if waits with none
    const added = whatIfFiguresOf(both, { ...whatIf, 'c-c': square(117.2, 36.8) }, []);
    expect(added).toEqual({ ...both, 'c-c': { figures: null, error: null } });
    expect(added['c-a']).toBe(both['c-a']);
    // c-b's outline cannot be analysed: its last good figures stay with the error; c-a is reset: dropped
    const failed = whatIfFiguresOf(both, { 'c-b': whatIf['c-b'] }, [{ id: 'c-b', result: { ok: false, issues: [{ reason: 'self-intersection', severity: 'error' }] } }]);
    expect(failed).toEqual({ 'c-b': { figures: b, error: 'self-intersection' } });
    expect(whatIfFiguresOf(failed, {}, rows)).toEqual({});
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

