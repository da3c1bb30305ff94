import { describe, expect, it } from 'vitest';
import { prepareLandUseLayer } from '../../src/data/landuse/prepare-landuse-layer.ts';
import { describeLandUseIssue } from '../../src/data/landuse/describe-issue.ts';
import { fixtureZip } from './landuse-fixture-files.ts';

describe('prepareLandUseLayer: read + classify, with the user settings', () => {
  it('gives the class table and drawable parcels with class, group and the standard colour', () => {
    const result = prepareLandUseLayer([fixtureZip('ydyh-gk39-prj.zip')]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { layer } = result;
    expect(layer.choice).toEqual({ system: 'land-sea-use-2023', codeField: 'YDYHFLDM', nameField: 'YDYHFLMC' });
    expect(layer.classes.map((row) => row.parcelCount).reduce((a, b) => a + b)).toBe(20);
    expect(layer.classes.find((row) => row.key === 'land-sea-use-2023:1401')).toMatchObject({ group: 'blue-green', parcelCount: 2, landUseClass: { name: '公园绿地' } });
    // A third-level code (070102) is drawn and counted as its listed class.
    expect(layer.classes.find((row) => row.key === 'land-sea-use-2023:070102')?.landUseClass?.name).toBe('二类城镇住宅用地');
    const first = layer.collection.features[0].properties!;
    expect(first).toMatchObject({ YDYHFLMC: '旱地', class_key: 'land-sea-use-2023:0103', group: 'blue-green', colour: '#F5F8DC' });
  });

  it('keeps the user group per class', () => {
    const result = prepareLandUseLayer([fixtureZip('ydyh-gk39-prj.zip')], { groupOverrides: { 'land-sea-use-2023:1207': 'other' } });
    expect(result.ok && result.layer.classes.find((row) => row.key === 'land-sea-use-2023:1207')?.group).toBe('other');
  });

  it('says what it could not classify and which parcels came from the other system', () => {
    const unknown = prepareLandUseLayer([fixtureZip('bad-unknown-codes.zip')]);
    expect(unknown.ok).toBe(true);
    expect(unknown.issues.map((issue) => issue.code)).toContain('classification-none');
    expect(unknown.ok && unknown.layer.classes).toEqual([{ key: 'unclassified', landUseClass: null, group: null, parcelCount: 20 }]);
    const forced = prepareLandUseLayer([fixtureZip('bad-unknown-codes.zip')], { choice: { system: 'third-survey-2017', codeField: 'DLBM', nameField: 'DLMC' } });
    const issue = forced.issues.find((item) => item.code === 'classification-unknown-codes')!;
    expect(describeLandUseIssue(issue, 'zh')).toBe('20 个图斑的地类代码不属于任何已知分类（X9 未知地类, ABCD 自定义用地, 77 不明），计为“未识别”，不计入蓝绿空间或城镇建设用地；可在下表中为各代码选择归类。');
    const mixed = prepareLandUseLayer([fixtureZip('bad-mixed-systems.zip')]);
    const mixedIssue = mixed.issues.find((item) => item.code === 'classification-mixed')!;
    expect(describeLandUseIssue(mixedIssue, 'en')).toMatch(/^The layer mixes both classifications: 10 parcels were read in Classification guide for land and sea use/);
  });

  it('fails with the reader issues when the files cannot be read', () => {
    const result = prepareLandUseLayer([fixtureZip('bad-missing-dbf.zip')]);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toEqual(['missing-dbf']);
  });
});

describe('prepareLandUseLayer: progress', () => {
  it('reports rising fractions between 0 and 1', () => {
    const fractions: number[] = [];
    prepareLandUseLayer([fixtureZip('ydyh-gk39-prj.zip')], {}, (fraction) => fractions.push(fraction));
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.every((fraction, index) => fraction >= 0 && fraction <= 1 && (index === 0 || fraction >= fractions[index - 1]))).toBe(true);
  });
});
