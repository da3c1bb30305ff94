import { describe, expect, it } from 'vitest';
import { landUseStructure } from '../../src/core/landuse/structure-table.ts';
import { structureCsv, structureDisplayRows, structureRowName } from '../../src/ui/components/stats/land-use-structure-rows.ts';
import { addCatalogue } from '../../src/i18n/messages.ts';
import * as stats from '../../src/i18n/catalogue/stats.ts';

addCatalogue(stats);

const structure = landUseStructure({
  regionAreaSquareMeters: 1_000_000,
  notCoveredSquareMeters: 100_000,
  classes: [
    { key: 'land-sea-use-2023:0701', group: 'urban-construction', areaSquareMeters: 300_000 },
    { key: 'land-sea-use-2023:0103', group: 'blue-green', areaSquareMeters: 500_000 },
    { key: 'unknown:Z1', group: null, areaSquareMeters: 100_000 },
  ],
});

describe('land-use structure table: display rows and CSV', () => {
  it('puts each first-level subtotal before its classes and unknown codes last', () => {
    expect(structureDisplayRows(structure).map((item) => (item.kind === 'first-level' ? `L${item.subtotal.code}` : item.row.code)))
      .toEqual(['L01', '0103', 'L07', '0701', 'Z1']);
    const unknown = structure.rows.find((row) => row.code === 'Z1')!;
    expect(structureRowName(unknown, 'en')).toBe('Unrecognised code Z1');
    expect(structureRowName(unknown, 'zh')).toBe('未识别编码 Z1');
  });

  it('writes every row with m², km², ha, 亩 and share, the groups, and the intensity as a range', () => {
    const csv = structureCsv(structure, 'en', 'Whole Start-up Area', 'land-use layer “x”');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('region,level,classification,Code,name_zh,name_en,area (m²),Area (km²),ha,mu,share (%),basis');
    expect(lines).toContain('Whole Start-up Area,class,land-sea-use-2023,0701,城镇住宅用地,Urban housing,300000,0.3,30,450,30,land-use layer “x”');
    expect(lines).toContain('Whole Start-up Area,first-level subtotal,land-sea-use-2023,07,居住用地,Residential land,300000,0.3,30,450,30,land-use layer “x”');
    expect(lines.some((line) => line.startsWith('Whole Start-up Area,group subtotal,,not-covered,'))).toBe(true);
    // 300 000 m² construction land of 1 km²; 200 000 m² unknown
    expect(lines).toContain('Whole Start-up Area,development intensity,,development-intensity,国土开发强度 ≥,Development intensity (国土开发强度) ≥,300000,0.3,30,450,30,land-use layer “x”');
    expect(lines.some((line) => line.includes('development-intensity-upper') && line.endsWith(',50,land-use layer “x”'))).toBe(true);
  });
});
