/**
 * What the planner can change about the classification: the system and fields (instead of the detected
 * ones), and a group for each code of no known class. choices-gk39.zip (scripts/fixtures/make-landuse-fixtures.ts)
 * carries planned use in 2023 codes (three parcels with the local code Z1) beside the current land of the
 * third survey, which detection prefers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';
import { LAND_USE_GROUPS, type ClassificationSystem, type LandUseGroup } from '../../src/core/landuse/classes.ts';
import { unknownKey } from '../../src/core/landuse/classify-parcels.ts';
import { landUseIndicators } from '../../src/core/landuse/landuse-indicators.ts';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { prepareLandUseLayer } from '../../src/data/landuse/prepare-landuse-layer.ts';
import { describeLandUseIssue } from '../../src/data/landuse/describe-issue.ts';
import { LAND_USE_SAVED_VERSION, validateSavedLandUse } from '../../src/data/landuse/landuse-saved.ts';
import { fixtureZip } from './landuse-fixture-files.ts';

type Area = Feature<Polygon | MultiPolygon>;
const boundary = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'boundary.geojson'), 'utf8')) as { features: Area[] }).features[0];
const PLANNED = { system: 'land-sea-use-2023', codeField: 'YDYHFLDM', nameField: 'YDYHFLMC' } as const;

function layerOf(name: string) {
  const result = readLandUseFiles([fixtureZip(name)]);
  if (!result.ok) throw new Error(`${name} did not read`);
  return result.layer;
}

/** Independent: turf union of the polygons, clipped to the region, measured. */
function turfArea(geometries: readonly (Polygon | MultiPolygon)[], region: Area): number {
  const features = geometries.map((geometry): Area => ({ type: 'Feature', properties: {}, geometry }));
  const merged = features.length === 1 ? features[0] : union(featureCollection(features));
  const clipped = merged ? intersect(featureCollection([merged, region])) : null;
  return clipped ? area(clipped) : 0;
}

describe('classification with the user choice of system and fields', () => {
  it('detects the third survey first, and offers the 2023 fields as a candidate with its match count', () => {
    const layer = layerOf('choices-gk39.zip');
    const result = classifyLayer(layer.features, layer.fields);
    expect(result.choiceSource).toBe('detected');
    expect(result.choice).toEqual({ system: 'third-survey-2017', codeField: 'DLBM', nameField: 'DLMC' });
    expect(result.candidates.map(({ system, codeField, matched, total }) => [system, codeField, matched, total])).toEqual([
      ['third-survey-2017', 'DLBM', 20, 20], ['land-sea-use-2023', 'YDYHFLDM', 17, 20],
    ]);
  });

  it('the chosen system and fields classify the layer; unknown codes get a row each with their names', () => {
    const result = prepareLandUseLayer([fixtureZip('choices-gk39.zip')], { choice: { ...PLANNED } });
    if (!result.ok) throw new Error('did not read');
    expect(result.layer.choice).toEqual(PLANNED);
    expect(result.layer.choiceSource).toBe('user');
    expect(result.layer.classes.find((row) => row.key === 'land-sea-use-2023:1001')?.landUseClass?.name).toBe('工业用地');
    expect(result.layer.classes.find((row) => row.key === 'unknown:Z1')).toEqual({
      key: 'unknown:Z1', landUseClass: null, group: null, parcelCount: 3, unknown: { code: 'Z1', names: ['临时建设用地'] },
    });
    expect(result.layer.collection.features.filter((feature) => feature.properties?.class_key === 'unknown:Z1').map((feature) => feature.properties?.group)).toEqual([null, null, null]);
    const issue = result.issues.find((item) => item.code === 'classification-unknown-codes')!;
    expect(describeLandUseIssue(issue, 'en')).toMatch(/^3 parcels carry codes of no known classification \(Z1 临时建设用地\)/);
  });

  it('no name field: the code decides, so 1001 in YDYHFLDM is railway land in the third survey', () => {
    const layer = layerOf('choices-gk39.zip');
    const result = classifyLayer(layer.features, layer.fields, { choice: { system: 'third-survey-2017', codeField: 'YDYHFLDM' } });
    expect(result.choice).toEqual({ system: 'third-survey-2017', codeField: 'YDYHFLDM' });
    expect(result.parcels[4].landUseClass).toMatchObject({ system: 'third-survey-2017', name: '铁路用地' });
  });

  it('a choice naming a field the layer lacks is not used: the detected one is, and the user is told', () => {
    const result = prepareLandUseLayer([fixtureZip('choices-gk39.zip')], { choice: { system: 'land-sea-use-2023', codeField: 'GHDLBM' } });
    if (!result.ok) throw new Error('did not read');
    expect(result.layer.choiceSource).toBe('detected');
    expect(result.layer.choice?.codeField).toBe('DLBM');
    const issue = result.issues.find((item) => item.code === 'classification-choice-unusable')!;
    expect(describeLandUseIssue(issue, 'zh')).toBe('所选的分类字段 GHDLBM（Classification guide for land and sea use in territorial survey, planning and use control (Ministry of Natural Resources, 2023)）在此图层中不存在，已改用自动识别的分类。');
  });

  it('mixed systems and codes of no known system still give their message', () => {
    expect(prepareLandUseLayer([fixtureZip('bad-mixed-systems.zip')]).issues.map((issue) => issue.code)).toContain('classification-mixed');
    const none = prepareLandUseLayer([fixtureZip('bad-unknown-codes.zip')], { groupOverrides: { 'unknown:X9': 'other' } });
    expect(none.issues.map((issue) => issue.code)).toContain('classification-none');
    const forced = prepareLandUseLayer([fixtureZip('bad-unknown-codes.zip')], { choice: { system: 'third-survey-2017', codeField: 'DLBM', nameField: 'DLMC' }, groupOverrides: { 'unknown:X9': 'other' } });
    const byCode = Object.fromEntries(forced.issues.map((issue) => [issue.code, issue.params]));
    expect(byCode['classification-unknown-codes']).toEqual({ count: 13, codes: 'ABCD 自定义用地, 77 不明' });
    expect(byCode['classification-unknown-grouped']).toEqual({ count: 7, codes: 'X9 未知地类' });
    expect(forced.ok && forced.layer.classes.map((row) => [row.key, row.group, row.parcelCount])).toEqual([
      ['unknown:X9', 'other', 7], ['unknown:ABCD', null, 7], ['unknown:77', null, 6],
    ]);
  });
});

describe('unknown codes given a group count in that group', () => {
  it('the construction area grows by exactly the area of the code given to urban construction', () => {
    const layer = layerOf('choices-gk39.zip');
    const before = classifyLayer(layer.features, layer.fields, { choice: { ...PLANNED } });
    const after = classifyLayer(layer.features, layer.fields, { choice: { ...PLANNED }, groupOverrides: { 'unknown:Z1': 'urban-construction' } });
    const z1 = after.parcels.filter((parcel) => parcel.key === 'unknown:Z1');
    expect(z1.map((parcel) => parcel.group)).toEqual(['urban-construction', 'urban-construction', 'urban-construction']);
    const expected = turfArea(z1.map((parcel) => parcel.geometry), boundary);
    expect(expected).toBeGreaterThan(200_000);
    const a = landUseIndicators(before.parcels, boundary);
    const b = landUseIndicators(after.parcels, boundary);
    expect(Math.abs(b.groupSquareMeters['urban-construction'] - a.groupSquareMeters['urban-construction'] - expected)).toBeLessThan(10);
    expect(Math.abs(a.groupSquareMeters.unclassified - expected)).toBeLessThan(10);
    expect(b.groupSquareMeters.unclassified).toBe(0);
    expect(Math.abs((b.constructionShare! - a.constructionShare!) - expected / area(boundary))).toBeLessThan(1e-8);
    // the class-area row has the same key as the class table, in either case
    expect(a.classes.find((item) => item.key === 'unknown:Z1')).toMatchObject({ group: null, parcelCount: 3 });
    expect(b.classes.find((item) => item.key === 'unknown:Z1')).toMatchObject({ group: 'urban-construction', parcelCount: 3 });
  });

  it('the key of an unknown code is the code as normalised, so spellings of one code share a group', () => {
    expect(unknownKey(' z1 ')).toBe('unknown:Z1');
    expect(unknownKey('Ｚ１')).toBe('unknown:Z1');
    expect(unknownKey(null)).toBe('unknown:');
  });
});

describe('saved settings', () => {
  const blob = new Blob(['x']);
  const saved = (settings: unknown) => ({ version: LAND_USE_SAVED_VERSION, files: [{ name: '用地.zip', data: blob }], settings, inUse: false });

  it('settings saved before unknown codes could be grouped still load and read the layer as before', () => {
    const old = saved({ encoding: 'gbk', choice: { system: 'land-sea-use-2023', codeField: 'YDYHFLDM', nameField: 'YDYHFLMC' }, groupOverrides: { 'land-sea-use-2023:1207': 'other' } });
    const checked = validateSavedLandUse(old);
    expect(checked).toBe(old);
    if (typeof checked === 'string') return;
    const result = prepareLandUseLayer([fixtureZip('ydyh-gk39-prj.zip')], checked.settings);
    expect(result.ok && result.layer.classes.find((row) => row.key === 'land-sea-use-2023:1207')?.group).toBe('other');
    expect(typeof validateSavedLandUse(saved({}))).toBe('object');
  });

  it('groups of unknown codes are saved beside the class groups, and a group that does not exist is refused', () => {
    expect(typeof validateSavedLandUse(saved({ groupOverrides: { 'unknown:Z1': 'urban-construction' } }))).toBe('object');
    expect(typeof validateSavedLandUse(saved({ groupOverrides: { 'unknown:Z1': 'construction' } }))).toBe('string');
    expect(typeof validateSavedLandUse(saved({ groupOverrides: { 'unknown:Z1': null } }))).toBe('string');
  });
});

describe('classification with arbitrary choices and groups: properties', () => {
  it('never throws; every parcel has a key, and a group that exists or none', async () => {
    const fc = (await import('fast-check')).default;
    const fieldNames = ['DLBM', 'DLMC', 'YDYHFLDM', 'YDYHFLMC', 'CZCSXM', 'X', '__proto__', 'constructor'];
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.constantFrom('0101', '1001', 'Z1', 'z1 ', '铁路用地', '工业用地', '05H1', '０７０１', ''));
    const record = fc.dictionary(fc.constantFrom(...fieldNames), value);
    const choice = fc.option(fc.record({
      system: fc.constantFrom<ClassificationSystem>('land-sea-use-2023', 'third-survey-2017', 'nope' as ClassificationSystem),
      codeField: fc.oneof(fc.constantFrom(...fieldNames), fc.string()),
      nameField: fc.option(fc.oneof(fc.constantFrom(...fieldNames), fc.string()), { nil: undefined }),
    }, { requiredKeys: ['system', 'codeField'] }), { nil: undefined });
    const overrides = fc.dictionary(
      fc.oneof(fc.constantFrom('unknown:Z1', 'unknown:', 'unknown:1001', 'land-sea-use-2023:1001', 'third-survey-2017:1001', '__proto__', 'toString'), fc.string()),
      fc.oneof(fc.constantFrom<string>(...LAND_USE_GROUPS), fc.string()),
    );
    const square: Polygon = { type: 'Polygon', coordinates: [[[117, 36.8], [117.001, 36.8], [117.001, 36.801], [117, 36.8]]] };
    fc.assert(fc.property(fc.array(record, { maxLength: 20 }), choice, overrides, (records, chosen, groups) => {
      const features = records.map((properties) => ({ geometry: square, properties }));
      const fields = [...new Set(records.flatMap((item) => Object.keys(item)))];
      const result = classifyLayer(features, fields, { ...(chosen ? { choice: chosen } : {}), groupOverrides: groups as Record<string, LandUseGroup> });
      if (!result.choice) {
        expect(result.parcels).toEqual([]);
        return;
      }
      expect(result.parcels).toHaveLength(records.length);
      for (const parcel of result.parcels) {
        expect(parcel.key).toMatch(parcel.landUseClass ? /^(land-sea-use-2023|third-survey-2017):/ : /^unknown:/);
        expect(parcel.group === null || LAND_USE_GROUPS.includes(parcel.group)).toBe(true);
        if (!parcel.landUseClass) expect(parcel.group).toBe(Object.hasOwn(groups, parcel.key!) && LAND_USE_GROUPS.includes(groups[parcel.key!] as LandUseGroup) ? groups[parcel.key!] : null);
      }
      const figures = landUseIndicators(result.parcels, boundary);
      expect(Object.values(figures.groupSquareMeters).every(Number.isFinite)).toBe(true);
    }), { numRuns: 150 });
  });
});
