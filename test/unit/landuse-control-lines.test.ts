import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { lookupClass } from '../../src/core/landuse/classes.ts';
import type { IndicatorParcel } from '../../src/core/landuse/landuse-indicators.ts';
import { controlLineConflicts, prepareControlLineConflicts, recogniseControlLineRole, type ControlLineLayer } from '../../src/core/landuse/control-lines.ts';

describe('control-line layers are recognised by the names the national databases give them', () => {
  it.each([
    ['STBHHX', 'ecological-red-line'], ['370112STBHHX', 'ecological-red-line'], ['GDSTBHHX', 'ecological-red-line'], ['三区三线/STBHHX.shp', 'ecological-red-line'],
    ['生态保护红线', 'ecological-red-line'], ['济南市生态保护红线2022', 'ecological-red-line'],
    ['YJJBNTBHTB', 'permanent-farmland'], ['PCS330300_XZ_TDZY_YJJBNTBHTB_PY', 'permanent-farmland'], ['yjjbnt', 'permanent-farmland'],
    ['JBNTBHTB', 'permanent-farmland'], ['永久基本农田保护图斑', 'permanent-farmland'], ['delivery.gpkg#YJJBNTBHTB', 'permanent-farmland'],
    ['CZKFBJ', 'development-boundary'], ['城镇开发边界', 'development-boundary'], ['CSKFBJ', 'development-boundary'],
  ])('%s → %s', (name, role) => {
    expect(recogniseControlLineRole(name).role).toBe(role);
  });

  it('leaves unknown and ambiguous layers to the planner, and never takes a village boundary for the urban one', () => {
    expect(recogniseControlLineRole('DLTB')).toEqual({ role: null, reason: 'unknown', candidates: [] });
    expect(recogniseControlLineRole('XZQ').role).toBeNull();
    expect(recogniseControlLineRole('村庄开发边界CZKFBJ').role).toBeNull();
    expect(recogniseControlLineRole('STBHHX_YJJBNT')).toMatchObject({ role: null, reason: 'ambiguous' });
  });
});

const square = (x: number, y: number, w: number, h = w): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });
const feature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry });
const housing = lookupClass('land-sea-use-2023', '0701')!;
const cropland = lookupClass('land-sea-use-2023', '0103')!;

/** 4 × 4 parcels of 0.001°: urban housing on a checkerboard, cropland elsewhere. */
function grid(urbanPattern: readonly boolean[]): IndicatorParcel[] {
  return urbanPattern.map((urban, index) => ({
    geometry: square(117 + (index % 4) * 0.001, 36.8 + Math.floor(index / 4) * 0.001, 0.001),
    landUseClass: urban ? housing : cropland, group: urban ? 'urban-construction' as const : 'blue-green' as const,
  }));
}

/** Naive: turf per parcel against the union of the line polygons. */
function naive(parcels: readonly IndicatorParcel[], lines: readonly Polygon[], region: Feature<Polygon>, outside: boolean): number {
  const merged = lines.length === 1 ? feature(lines[0]) : union(featureCollection(lines.map(feature)))!;
  let sum = 0;
  for (const parcel of parcels) {
    if (parcel.group !== 'urban-construction') continue;
    const cut = outside ? difference(featureCollection([feature(parcel.geometry), merged])) : intersect(featureCollection([feature(parcel.geometry), merged]));
    const clipped = cut ? intersect(featureCollection([cut, region])) : null;
    sum += clipped ? area(clipped) : 0;
  }
  return sum;
}

describe('conflict figures: urban construction land inside the red line, in permanent farmland, outside the boundary', () => {
  it('equal a naive turf computation for random lines and regions (property)', () => {
    const box = fc.tuple(fc.double({ min: 0, max: 0.0035, noNaN: true }), fc.double({ min: 0, max: 0.0035, noNaN: true }), fc.double({ min: 0.0003, max: 0.0025, noNaN: true }), fc.double({ min: 0.0003, max: 0.0025, noNaN: true }));
    fc.assert(fc.property(
      fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), fc.array(box, { minLength: 1, maxLength: 3 }), box, box,
      (pattern, redBoxes, [bx, by, bw, bh], [rx, ry, rw, rh]) => {
        const parcels = grid(pattern);
        const offset = 0.0000137;
        const red = redBoxes.map(([x, y, w, h]) => square(117 + x + offset, 36.8 + y + offset, w, h));
        const boundary = [square(117 + bx + 2 * offset, 36.8 + by + 2 * offset, bw, bh)];
        const layers: ControlLineLayer[] = [
          { role: 'ecological-red-line', name: 'STBHHX', features: red.map(feature) },
          { role: 'development-boundary', name: 'CZKFBJ', features: boundary.map(feature) },
        ];
        const prepared = prepareControlLineConflicts(parcels, layers);
        const region = feature(square(117 + rx + 3 * offset, 36.8 + ry + 3 * offset, rw, rh)) as Feature<Polygon>;
        const figures = controlLineConflicts(prepared, region);
        expect(figures['ecological-red-line']).toBeCloseTo(naive(parcels, red, region, false), 0);
        expect(figures['outside-development-boundary']).toBeCloseTo(naive(parcels, boundary, region, true), 0);
        // no farmland layer: that figure is unknown, not zero
        expect(figures['permanent-farmland']).toBeNull();
      },
    ), { numRuns: 30 });
  });

  it('hand-computed: a red line over half of one housing parcel', () => {
    const parcels = grid([true, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false]);
    const prepared = prepareControlLineConflicts(parcels, [
      { role: 'ecological-red-line', name: 'STBHHX', features: [feature(square(117.0005, 36.8, 0.001))] },
      { role: 'permanent-farmland', name: 'YJJBNTBHTB', features: [feature(square(117.002, 36.802, 0.001))] },
    ]);
    const all = feature(square(116.99, 36.79, 0.03)) as Feature<Polygon>;
    const figures = controlLineConflicts(prepared, all);
    expect(figures['ecological-red-line']).toBeCloseTo(area(square(117.0005, 36.8, 0.0005, 0.001)), 0);
    expect(figures['permanent-farmland']).toBe(0);
    expect(figures['outside-development-boundary']).toBeNull();
  });

  it('a layer of lines or points is reported and not used; the figures in force stay computable', () => {
    const parcels = grid(Array.from({ length: 16 }, () => true));
    const prepared = prepareControlLineConflicts(parcels, [
      { role: 'ecological-red-line', name: 'STBHHX', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[117, 36.8], [117.004, 36.804]] } }] },
      { role: 'permanent-farmland', name: 'YJJBNT', features: [feature(square(117, 36.8, 0.001)), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117, 36.8] } }] },
    ]);
    expect(prepared.issues).toEqual([
      { code: 'control-line-not-polygons', severity: 'error', layer: 'STBHHX', params: { count: 1, total: 1 } },
      { code: 'control-line-empty', severity: 'error', layer: 'STBHHX', params: {} },
      { code: 'control-line-not-polygons', severity: 'error', layer: 'YJJBNT', params: { count: 1, total: 2 } },
    ]);
    expect(prepared.roles).toEqual(['permanent-farmland']);
    const figures = controlLineConflicts(prepared, feature(square(116.99, 36.79, 0.03)) as Feature<Polygon>);
    expect(figures['ecological-red-line']).toBeNull();
    expect(figures['permanent-farmland']).toBeCloseTo(area(square(117, 36.8, 0.001)), 0);
  });
});

describe('control lines read from a 三区三线 delivery through the land-use reader', () => {
  it('recognises the three layers by name, reports the line layer, asks about the unnamed polygon layer, and the figures equal turf', async () => {
    const { controlLinesZip } = await import('../../scripts/fixtures/control-lines-fixture.ts');
    const { readControlLineFiles } = await import('../../src/data/landuse/control-lines-reader.ts');
    const { fixtureZip } = await import('./landuse-fixture-files.ts');
    const { readLandUseFiles } = await import('../../src/data/landuse/read-landuse-files.ts');
    const { classifyLayer } = await import('../../src/core/landuse/classify-layer.ts');
    const result = readControlLineFiles([{ name: '三区三线.zip', bytes: controlLinesZip() }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layers.map((layer) => [layer.name, layer.role, layer.features.length])).toEqual([
      ['CZKFBJ', 'development-boundary', 1], ['STBHHX', 'ecological-red-line', 1], ['YJJBNTBHTB', 'permanent-farmland', 2],
    ]);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'control-line-not-polygons', layer: '城镇开发边界线' }));
    expect(result.question?.layers.map((layer) => layer.name)).toEqual(['XZQ']);
    // the planner says XZQ is not a control line: no question is left
    const xzq = result.question!.layers[0].id;
    const answered = readControlLineFiles([{ name: '三区三线.zip', bytes: controlLinesZip() }], { roles: { [xzq]: 'ignore' } });
    expect(answered.ok && answered.question).toBeFalsy();

    const read = readLandUseFiles([fixtureZip('ydyh-gk39-prj.zip')]);
    if (!read.ok) throw new Error('fixture did not read');
    const parcels = classifyLayer(read.layer.features, read.layer.fields).parcels;
    const prepared = prepareControlLineConflicts(parcels, result.layers);
    const region = feature(square(116.9, 36.7, 0.4)) as Feature<Polygon>;
    const figures = controlLineConflicts(prepared, region);
    const linesOf = (role: string) => result.layers.filter((layer) => layer.role === role).flatMap((layer) => layer.features.map((item) => item.geometry as Polygon));
    expect(figures['ecological-red-line']!).toBeGreaterThan(0);
    expect(figures['ecological-red-line']).toBeCloseTo(naive(parcels, linesOf('ecological-red-line'), region, false), 0);
    expect(figures['permanent-farmland']).toBeCloseTo(naive(parcels, linesOf('permanent-farmland'), region, false), 0);
    expect(figures['outside-development-boundary']!).toBeGreaterThan(0);
    expect(figures['outside-development-boundary']).toBeCloseTo(naive(parcels, linesOf('development-boundary'), region, true), 0);
  });

  it('a delivery with only unnamed polygon layers is a question, and a zip with nothing readable says why', async () => {
    const { readControlLineFiles } = await import('../../src/data/landuse/control-lines-reader.ts');
    const { fixtureZip } = await import('./landuse-fixture-files.ts');
    const onlyParcels = readControlLineFiles([fixtureZip('ydyh-gk39-prj.zip')]);
    expect(onlyParcels.ok).toBe(false);
    expect(onlyParcels.question?.layers).toHaveLength(1);
    expect(onlyParcels.issues).toContainEqual(expect.objectContaining({ code: 'control-line-role-unknown' }));
    const corrupt = readControlLineFiles([fixtureZip('bad-corrupt.zip')]);
    expect(corrupt.ok).toBe(false);
    expect(corrupt.issues.some((issue) => issue.severity === 'error')).toBe(true);
  });
});

describe('control-line messages', () => {
  it('every issue code, role and conflict has its Chinese and English text', async () => {
    const { zh, en } = await import('../../src/i18n/catalogue/landuse.ts');
    const keys = [
      ...(['control-line-not-polygons', 'control-line-empty', 'control-line-role-unknown', 'control-line-role-ambiguous'] as const).map((code) => `controlLines.issue.${code}`),
      ...['ecological-red-line', 'permanent-farmland', 'development-boundary'].map((role) => `controlLines.role.${role}`),
      ...['ecological-red-line', 'permanent-farmland', 'outside-development-boundary'].map((kind) => `controlLines.conflict.${kind}`),
    ];
    for (const key of keys) {
      expect((zh as Record<string, string>)[key], key).toMatch(/[\u4e00-\u9fff]/);
      expect((en as Record<string, string>)[key], key).toMatch(/[a-z]/);
    }
  });
});
