import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readControlLines, describeDeliveryKinds } from '../../src/data/landuse/control-lines-work.ts';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';
import { prepareLandUseParcels } from '../../src/core/landuse/landuse-indicators.ts';
import { landUseRegionFigures } from '../../src/core/landuse/landuse-figures.ts';
import { DEFAULT_TARGETS } from '../../src/core/analysis/target-check.ts';
import { controlLinesZip } from '../../scripts/fixtures/control-lines-fixture.ts';

const files = [{ name: '三区三线.zip', bytes: controlLinesZip() }];
const landUse = [{ name: 'ydyh-gk39-prj.zip', bytes: new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/landuse/ydyh-gk39-prj.zip'))) }];

function parcels() {
  const read = readLandUseFiles(landUse);
  if (!read.ok) throw new Error('fixture did not read');
  return prepareLandUseParcels(classifyLayer(read.layer.features, read.layer.fields).parcels);
}

describe('control lines in the land-use worker', () => {
  it('reads the named layers, asks about the unnamed one and refuses the line layer', () => {
    const { result, kept } = readControlLines(files, {}, undefined, undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lines.map((line) => [line.name, line.role, line.by]).sort()).toEqual([
      ['CZKFBJ', 'development-boundary', 'code'], ['STBHHX', 'ecological-red-line', 'code'], ['YJJBNTBHTB', 'permanent-farmland', 'code'],
    ]);
    expect(result.lines.find((line) => line.name === 'YJJBNTBHTB')?.parcelCount).toBe(2);
    // 600 m × 150 m
    expect(Math.abs(result.lines.find((line) => line.name === 'STBHHX')!.areaSquareMeters - 90_000)).toBeLessThan(900);
    expect(result.question?.map((layer) => layer.name)).toEqual(['XZQ']);
    expect(result.issues.some((issue) => issue.code === 'control-line-not-polygons' && 'layer' in issue && issue.layer === '城镇开发边界线')).toBe(true);
    expect(result.conflicts).toBe(false);
    expect(kept?.conflicts).toBeNull();
  });

  it('an answered layer is read with the planner\'s role, an ignored one is left out', () => {
    const ignored = readControlLines(files, { '三区三线/XZQ': 'ignore' }, undefined, undefined).result;
    expect(ignored.question).toBeNull();
    const given = readControlLines(files, { '三区三线/XZQ': 'development-boundary' }, undefined, undefined).result;
    expect(given.ok && given.lines.find((line) => line.name === 'XZQ')).toMatchObject({ role: 'development-boundary', by: 'planner' });
  });

  it('cut into a land-use layer, the figures carry the three conflicts', () => {
    const prepared = parcels();
    const { result, kept } = readControlLines(files, { '三区三线/XZQ': 'ignore' }, undefined, { layer: 7, prepared });
    expect(result.ok && result.conflicts).toBe(true);
    const boundary = JSON.parse(readFileSync(resolve(__dirname, '../../geodata/boundary.geojson'), 'utf8')).features[0];
    const figures = landUseRegionFigures(prepared, boundary, null, DEFAULT_TARGETS, kept!.conflicts!.prepared);
    const conflicts = figures.ok ? figures.figures.landUse?.conflicts : undefined;
    expect(conflicts?.['ecological-red-line']).toBeGreaterThan(0);
    expect(conflicts?.['outside-development-boundary']).toBeGreaterThan(0);
    expect(typeof conflicts?.['permanent-farmland']).toBe('number');
    // without lines, no conflicts at all (unknown, never zero)
    const plain = landUseRegionFigures(prepared, boundary, null);
    expect(plain.ok && plain.figures.landUse?.conflicts).toBeUndefined();
  });

  it('tells a control-line delivery from a land-use one', () => {
    const kinds = describeDeliveryKinds(files, undefined);
    expect([...kinds.controlLines].sort()).toEqual(['CZKFBJ', 'STBHHX', 'YJJBNTBHTB', '城镇开发边界线']);
    expect(kinds.landUse).toEqual([]);
    expect(describeDeliveryKinds(landUse, undefined).controlLines).toEqual([]);
    expect(describeDeliveryKinds(landUse, undefined).landUse.length).toBe(1);
  });
});
