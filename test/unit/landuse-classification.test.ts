import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_TABLES, lookupClass, normaliseCode } from '../../src/core/landuse/classes.ts';
import { classifyParcels, detectClassification, groupOf } from '../../src/core/landuse/classify-parcels.ts';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { fixtureZip } from './landuse-fixture-files.ts';

function layerOf(name: string) {
  const result = readLandUseFiles([fixtureZip(name)]);
  if (!result.ok) throw new Error(`${name} did not read`);
  return result.layer;
}

describe('classification tables', () => {
  for (const table of Object.values(CLASSIFICATION_TABLES)) {
    it(`${table.system}: unique codes, names, a group and a colour each, and sources stated`, () => {
      const codes = table.classes.map((item) => item.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const item of table.classes) {
        expect(item.name).toMatch(/\p{Script=Han}/u);
        expect(item.nameEn.length).toBeGreaterThan(2);
        expect(['blue-green', 'urban-construction', 'other']).toContain(item.group);
        expect(item.colour).toMatch(/^#[0-9A-F]{6}$/);
      }
      expect(table.source.length).toBeGreaterThan(20);
      expect(table.groupRule.length).toBeGreaterThan(20);
      expect(table.groupRuleZh).toMatch(/蓝绿空间.*城镇建设用地.*其他/);
      expect(table.colourSource.length).toBeGreaterThan(20);
    });
  }

  it('every third-survey class corresponds to a 2023 class and is drawn in its colour', () => {
    for (const item of CLASSIFICATION_TABLES['third-survey-2017'].classes) {
      const counterpart = lookupClass('land-sea-use-2023', item.correspondsTo);
      expect(counterpart, item.code).toBeDefined();
      expect(item.colour).toBe(counterpart!.colour);
    }
    expect(lookupClass('third-survey-2017', '0810')?.colour).toBe(lookupClass('land-sea-use-2023', '1401')?.colour);
  });

  it('1001 is industrial land in 2023 and railway land in the third survey', () => {
    expect(lookupClass('land-sea-use-2023', '1001')).toMatchObject({ name: '工业用地', group: 'urban-construction' });
    expect(lookupClass('third-survey-2017', '1001')).toMatchObject({ name: '铁路用地', group: 'other' });
  });

  it('third-level codes fall back to their class; codes written as numbers or full-width are read', () => {
    expect(lookupClass('land-sea-use-2023', '070199')?.code).toBe('0701');
    expect(lookupClass('land-sea-use-2023', 103)?.name).toBe('旱地');
    expect(normaliseCode('０７０１ ')).toBe('0701');
    expect(lookupClass('third-survey-2017', '0810A')?.name).toBe('广场用地');
    expect(lookupClass('third-survey-2017', 'X9')).toBeUndefined();
  });

  it('the default groups follow the stated rule', () => {
    const group = (system: 'land-sea-use-2023' | 'third-survey-2017', code: string) => lookupClass(system, code)!.group;
    expect(['0103', '0301', '0403', '0506', '1701', '1401', '1402'].map((code) => group('land-sea-use-2023', code))).toEqual(Array(7).fill('blue-green'));
    expect(['070102', '0801', '0901', '1001', '1101', '1207', '1403', '16'].map((code) => group('land-sea-use-2023', code))).toEqual(Array(8).fill('urban-construction'));
    expect(['0703', '0601', '1201', '1202', '1002', '1506', '2303'].map((code) => group('land-sea-use-2023', code))).toEqual(Array(7).fill('other'));
    expect(['0810', '1101', '0102', '1106'].map((code) => group('third-survey-2017', code))).toEqual(Array(4).fill('blue-green'));
    expect(['0702', '1003', '1006', '1109'].map((code) => group('third-survey-2017', code))).toEqual(Array(4).fill('other'));
  });

  it('third-survey construction inside a village (CZCSXM 203) is other; user overrides win', () => {
    const housing = lookupClass('third-survey-2017', '0701')!;
    expect(groupOf(housing, {}, { CZCSXM: '202' })).toBe('urban-construction');
    expect(groupOf(housing, {}, { CZCSXM: '203' })).toBe('other');
    expect(groupOf(housing, { 'third-survey-2017:0701': 'blue-green' }, { CZCSXM: '203' })).toBe('blue-green');
  });
});

describe('classification of the fixture layers', () => {
  it('detects the 2023 system from YDYHFLDM / YDYHFLMC', () => {
    const layer = layerOf('ydyh-gk39-prj.zip');
    const [best] = detectClassification(layer.fields, layer.features.map((feature) => feature.properties));
    expect(best).toMatchObject({ system: 'land-sea-use-2023', codeField: 'YDYHFLDM', nameField: 'YDYHFLMC', matched: 20, total: 20 });
  });

  it('detects the third survey from DLBM / DLMC and reads 1001 as railway land', () => {
    const layer = layerOf('sandiao-gk39-prj.zip');
    const result = classifyLayer(layer.features, layer.fields);
    expect(result.choice).toEqual({ system: 'third-survey-2017', codeField: 'DLBM', nameField: 'DLMC' });
    const railway = result.parcels.filter((parcel) => parcel.landUseClass?.code === '1001');
    expect(railway.map((parcel) => parcel.landUseClass?.name)).toEqual(['铁路用地', '铁路用地']);
    expect(railway.every((parcel) => parcel.group === 'other')).toBe(true);
  });

  it('a mixed layer: records of the other system are classified there and counted', () => {
    const layer = layerOf('bad-mixed-systems.zip');
    const result = classifyLayer(layer.features, layer.fields);
    expect(result.choice?.system).toBe('third-survey-2017');
    expect(result.classified?.otherSystemCount).toBe(10);
    expect(result.classified?.otherSystemExamples).toContain('1207 城镇村道路用地');
    const roads = result.parcels.filter((parcel) => parcel.landUseClass?.code === '1207');
    expect(roads.length).toBe(2);
    expect(roads.every((parcel) => parcel.landUseClass?.system === 'land-sea-use-2023')).toBe(true);
  });

  it('codes of no known system are listed with their counts, never guessed', () => {
    const layer = layerOf('bad-unknown-codes.zip');
    const records = layer.features.map((feature) => feature.properties);
    expect(detectClassification(layer.fields, records)).toEqual([]);
    const classified = classifyParcels(records, { system: 'third-survey-2017', codeField: 'DLBM', nameField: 'DLMC' });
    expect(classified.classes.every((item) => item === null)).toBe(true);
    expect(classified.unknownCodes).toEqual([
      { code: 'X9', name: '未知地类', count: 7 }, { code: 'ABCD', name: '自定义用地', count: 7 }, { code: '77', name: '不明', count: 6 },
    ]);
    expect(classifyLayer(layer.features, layer.fields).choice).toBeNull();
  });

  it('the user can override the detected system and fields', () => {
    const layer = layerOf('ydyh-gk39-prj.zip');
    const forced = classifyLayer(layer.features, layer.fields, { choice: { system: 'third-survey-2017', codeField: 'YDYHFLDM' } });
    expect(forced.choice).toEqual({ system: 'third-survey-2017', codeField: 'YDYHFLDM' });
    // Without a name field the code decides: 1001 is railway land in the third survey.
    expect(forced.parcels[4].landUseClass?.name).toBe('铁路用地');
  });
});

describe('classification: properties', () => {
  it('detection and classification never throw on arbitrary attribute records, and every record gets a class or null', async () => {
    const fc = (await import('fast-check')).default;
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.constantFrom('0101', '1001', '铁路用地', '工业用地', '05H1', '０７０１'));
    const record = fc.dictionary(fc.constantFrom('DLBM', 'DLMC', 'YDYHFLDM', 'YDYHFLMC', 'CZCSXM', 'X'), value);
    fc.assert(fc.property(fc.array(record, { maxLength: 30 }), (records) => {
      const fields = [...new Set(records.flatMap((item) => Object.keys(item)))];
      const candidates = detectClassification(fields, records);
      for (const choice of [...candidates, { system: 'land-sea-use-2023' as const, codeField: 'X' }]) {
        const classified = classifyParcels(records, choice);
        expect(classified.classes).toHaveLength(records.length);
        const unknown = classified.unknownCodes.reduce((sum, item) => sum + item.count, 0);
        expect(unknown).toBe(classified.classes.filter((item) => item === null).length);
      }
    }), { numRuns: 200 });
  });
});
