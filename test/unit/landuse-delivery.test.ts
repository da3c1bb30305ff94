/**
 * A delivery of several layers: every layer is described, the polygon layer with recognised classes is read,
 * the planner is asked when several qualify or none does; the third survey's field-ridge deduction and the
 * registered areas; where a layer lies relative to the Start-up Area.
 */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { area } from '@turf/area';
import type { Feature, Polygon } from 'geojson';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { zipEntryName } from '../../src/data/landuse/collect-files.ts';
import { chooseDeliveryLayer, type DeliveryLayer } from '../../src/data/landuse/delivery-layers.ts';
import { prepareLandUseLayer } from '../../src/data/landuse/prepare-landuse-layer.ts';
import { fieldRidgeDeduction } from '../../src/core/landuse/field-ridge-deduction.ts';
import { landUseIndicators } from '../../src/core/landuse/landuse-indicators.ts';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';
import { checkDeclaredAreas } from '../../src/core/landuse/declared-area-check.ts';
import { extentRelation } from '../../src/core/landuse/extent-relation.ts';
import { describeLandUseIssue } from '../../src/data/landuse/describe-issue.ts';
import { encodeGbk, writeShapefile, type WriterField } from '../../scripts/fixtures/shapefile-writer.ts';
import { PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';

const X0 = 39_505_400;
const Y0 = 4_079_500;
const square = (x: number, y: number, size = 300): number[][][] => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];
const text = (value: string) => new TextEncoder().encode(value);

const DLTB_FIELDS: WriterField[] = [{ name: 'DLBM', type: 'C', length: 5 }, { name: 'DLMC', type: 'C', length: 40 }];

/** A zip of named layers, each written by the project's Shapefile writer (GBK, language driver 0x4D, with .prj). */
function delivery(layers: Record<string, ReturnType<typeof writeShapefile>>): { name: string; bytes: Uint8Array } {
  const files: Record<string, Uint8Array> = {};
  for (const [name, parts] of Object.entries(layers)) {
    Object.assign(files, { [`成果/${name}.shp`]: parts.shp, [`成果/${name}.shx`]: parts.shx, [`成果/${name}.dbf`]: parts.dbf, [`成果/${name}.prj`]: text(PRJ_GK39) });
  }
  return { name: '三调成果.zip', bytes: zipSync(files) };
}

const villages = () => writeShapefile([{ type: 'Polygon', coordinates: square(X0, Y0, 900) }], [{ name: 'ZLDWMC', type: 'C', length: 40 }], [{ ZLDWMC: '甲村' }], 'gbk', 0x4d);
const parcels = () => writeShapefile([0, 1, 2].map((i) => ({ type: 'Polygon' as const, coordinates: square(X0 + i * 300, Y0) })), DLTB_FIELDS,
  [{ DLBM: '0103', DLMC: '旱地' }, { DLBM: '0301', DLMC: '乔木林地' }, { DLBM: '0701', DLMC: '城镇住宅用地' }], 'gbk', 0x4d);
const points = () => writeShapefile([{ type: 'Point', coordinates: [X0 + 10, Y0 + 10] }], DLTB_FIELDS, [{ DLBM: '0702', DLMC: '农村宅基地' }], 'gbk', 0x4d);
const lines = () => writeShapefile([{ type: 'LineString', coordinates: [[X0, Y0], [X0 + 900, Y0]] }], [{ name: 'JXLX', type: 'C', length: 6 }], [{ JXLX: '660200' }], 'gbk', 0x4d);

describe('a delivery of several layers', () => {
  it('reads the polygon layer with recognised classes, not the first in name order, and lists the others', () => {
    const result = readLandUseFiles([delivery({ CJDCQ: villages(), CJDCQJX: lines(), DLTB: parcels(), LXDW: points() })]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layer.name).toBe('DLTB');
    expect(result.layer.features).toHaveLength(3);
    const kinds = Object.fromEntries(result.layer.delivery!.map((layer) => [layer.name, [layer.geometry, layer.classification?.codeField ?? null]]));
    expect(kinds).toEqual({ CJDCQ: ['polygons', null], CJDCQJX: ['lines', null], DLTB: ['polygons', 'DLBM'], LXDW: ['points', 'DLBM'] });
    const chosen = result.issues.find((issue) => issue.code === 'layer-chosen');
    expect(chosen?.params).toMatchObject({ name: 'DLTB', others: 'CJDCQ, CJDCQJX, LXDW' });
    expect(describeLandUseIssue(chosen!, 'zh')).toContain('DLTB');
  });

  it('asks when several polygon layers carry classes, and reads the one the planner chose', () => {
    const files = [delivery({ DLTB: parcels(), GHYD: parcels(), XZQ: villages() })];
    const asked = readLandUseFiles(files);
    expect(asked.ok).toBe(false);
    if (asked.ok) return;
    expect(asked.question?.reason).toBe('several-classified');
    expect(asked.question?.layers.map((layer) => layer.name)).toEqual(['DLTB', 'GHYD', 'XZQ']);
    expect(asked.issues.map((issue) => issue.code)).toContain('layer-choice-several');
    const chosen = readLandUseFiles(files, { layer: '成果/GHYD' });
    expect(chosen.ok && chosen.layer.name).toBe('GHYD');
    expect(chosen.ok && chosen.issues.some((issue) => issue.code === 'layer-chosen-by-user')).toBe(true);
  });

  it('asks when no polygon layer carries recognised codes (nothing is read, no figures)', () => {
    const result = prepareLandUseLayer([delivery({ CJDCQ: villages(), XZQ: villages(), CJDCQJX: lines() })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.question?.reason).toBe('none-classified');
    expect(result.question?.layers.filter((layer) => layer.geometry === 'polygons').map((layer) => layer.name)).toEqual(['CJDCQ', 'XZQ']);
  });

  it('refuses a delivery without any polygon layer, naming what it holds', () => {
    const result = readLandUseFiles([delivery({ CJDCQJX: lines(), LXDW: points() })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.find((issue) => issue.code === 'no-polygon-layer')?.params?.names).toBe('CJDCQJX, LXDW');
  });

  it('chooses by the rules: the planner, the only layer, the only classified polygon layer', () => {
    const layer = (id: string, geometry: DeliveryLayer['geometry'], classified: boolean): DeliveryLayer => ({
      id, name: id, format: 'shapefile', geometry, recordCount: 1, fields: [],
      classification: classified ? { system: 'third-survey-2017', codeField: 'DLBM', matched: 1, total: 1 } : null,
    });
    expect(chooseDeliveryLayer([layer('A', 'polygons', false)])).toMatchObject({ kind: 'chosen', how: 'only' });
    expect(chooseDeliveryLayer([layer('A', 'polygons', false), layer('B', 'polygons', true)])).toMatchObject({ kind: 'chosen', how: 'classified', layer: { id: 'B' } });
    expect(chooseDeliveryLayer([layer('A', 'polygons', false), layer('B', 'polygons', true)], 'A')).toMatchObject({ kind: 'chosen', how: 'user', layer: { id: 'A' } });
    // a points layer cannot be chosen to drive the figures
    expect(chooseDeliveryLayer([layer('P', 'points', true), layer('B', 'polygons', true)], 'P')).toMatchObject({ kind: 'chosen', layer: { id: 'B' } });
    expect(chooseDeliveryLayer([layer('A', 'polygons', false), layer('L', 'lines', false)])).toMatchObject({ kind: 'ask', reason: 'none-classified' });
    expect(chooseDeliveryLayer([layer('P', 'points', true)])).toMatchObject({ kind: 'none' });
  });

  it('decodes zip entry names written in GBK without the UTF-8 flag', () => {
    const latin1 = String.fromCharCode(...encodeGbk('三调成果/DLTB.shp'));
    expect(zipEntryName(latin1)).toBe('三调成果/DLTB.shp');
    expect(zipEntryName('plain/DLTB.shp')).toBe('plain/DLTB.shp');
    expect(zipEntryName('已是UTF-8/DLTB.shp')).toBe('已是UTF-8/DLTB.shp');
    const utf8 = String.fromCharCode(...new TextEncoder().encode('用地/a.shp'));
    expect(zipEntryName(utf8)).toBe('用地/a.shp');
  });
});

describe('third survey: field ridges deducted from cropland', () => {
  it('takes the share from KCMJ / TBMJ, else from KCXS (a fraction or a percentage)', () => {
    expect(fieldRidgeDeduction({ DLBM: '0103', KCDLBM: '1203', KCMJ: 900, TBMJ: 9000, KCXS: 0.5 }, 'third-survey-2017')?.fraction).toBeCloseTo(0.1, 12);
    expect(fieldRidgeDeduction({ KCDLBM: '1203', KCXS: 0.08 }, 'third-survey-2017')?.fraction).toBeCloseTo(0.08, 12);
    expect(fieldRidgeDeduction({ kcdlbm: '1203', kcxs: 12 }, 'third-survey-2017')?.fraction).toBeCloseTo(0.12, 12);
    expect(fieldRidgeDeduction({ KCDLBM: '1203', KCXS: 0.08 }, 'third-survey-2017')?.landUseClass.name).toBe('田坎');
    expect(fieldRidgeDeduction({ KCDLBM: '', KCXS: 0.08 }, 'third-survey-2017')).toBeNull();
    expect(fieldRidgeDeduction({ KCDLBM: '1203', KCXS: 0 }, 'third-survey-2017')).toBeNull();
    expect(fieldRidgeDeduction({ KCDLBM: 'ZZZZ', KCXS: 0.1 }, 'third-survey-2017')).toBeNull();
  });

  it('counts cropland net of the deduction and the ridges as other land', () => {
    const polygon = (x: number): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[x, 36.85], [x + 0.01, 36.85], [x + 0.01, 36.86], [x, 36.86], [x, 36.85]]] } });
    const features = [
      { ...polygon(117.0), properties: { DLBM: '0103', DLMC: '旱地', KCDLBM: '1203', KCXS: 0.1 } },
      { ...polygon(117.01), properties: { DLBM: '0301', DLMC: '乔木林地' } },
    ];
    const { parcels } = classifyLayer(features, ['DLBM', 'DLMC', 'KCDLBM', 'KCXS']);
    const region: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[116.99, 36.84], [117.03, 36.84], [117.03, 36.87], [116.99, 36.87], [116.99, 36.84]]] } };
    const figures = landUseIndicators(parcels, region);
    const classArea = (code: string) => figures.classes.find((item) => item.landUseClass?.code === code)?.areaSquareMeters ?? 0;
    const cropland = area(features[0]);
    expect(classArea('0103')).toBeCloseTo(cropland * 0.9, 3);
    expect(classArea('1203')).toBeCloseTo(cropland * 0.1, 3);
    expect(figures.coveredSquareMeters).toBeCloseTo(cropland + area(features[1]), 3);
    expect(figures.groupSquareMeters.other).toBeCloseTo(cropland * 0.1, 3);
  });

  it('holds the registered areas against the computed ones', () => {
    const feature = (id: number, tbmj: number): Feature<Polygon> => ({
      type: 'Feature', id, properties: { TBMJ: tbmj, TBDLMJ: tbmj * 0.9, KCDLBM: '1203', KCXS: 0.1 },
      geometry: { type: 'Polygon', coordinates: [[[117, 36.85], [117.001, 36.85], [117.001, 36.851], [117, 36.851], [117, 36.85]]] },
    });
    const computed = area(feature(1, 0));
    const check = checkDeclaredAreas([feature(1, computed), feature(2, computed * 1.1)], ['TBMJ', 'TBDLMJ', 'KCDLBM', 'KCXS']);
    expect(check).not.toBeNull();
    expect(check!.field).toBe('TBMJ');
    expect(check!.declaredSquareMeters).toBeCloseTo(computed * 2.1, 6);
    expect(check!.computedSquareMeters).toBeCloseTo(computed * 2, 6);
    expect(check!.netDeclaredSquareMeters).toBeCloseTo(computed * 2.1 * 0.9, 6);
    expect(check!.netComputedSquareMeters).toBeCloseTo(computed * 2 * 0.9, 6);
    expect(check!.largest?.id).toBe(2);
    expect(checkDeclaredAreas([feature(1, computed)], ['DLBM'])).toBeNull();
  });
});

describe('where a layer lies', () => {
  const startUpArea = [116.8, 36.7, 117.3, 37.05];
  it('overlapping extents are not far apart', () => {
    expect(extentRelation([117.0, 36.8, 117.1, 36.9], startUpArea)).toMatchObject({ overlaps: true, distanceKm: 0 });
  });
  it('a layer placed at 0°, 0° is about 12 900 km west (west-south-west on the map)', () => {
    const relation = extentRelation([0, 0, 0.01, 0.01], startUpArea);
    expect(relation.overlaps).toBe(false);
    expect(relation.direction).toBe('W');
    expect(relation.distanceKm).toBeGreaterThan(11_000);
    expect(relation.distanceKm).toBeLessThan(14_000);
  });
  it('a layer in Inner Mongolia lies north-west, hundreds of km away', () => {
    const relation = extentRelation([111.0, 40.5, 111.5, 41.0], startUpArea);
    expect(relation.direction).toBe('NW');
    expect(relation.distanceKm).toBeGreaterThan(400);
  });
});
