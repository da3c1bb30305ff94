import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, Polygon } from 'geojson';
import { CLASSIFICATION_TABLES, lookupClass, type ClassificationSystem, type LandUseGroup } from '../../src/core/landuse/classes.ts';
import { landUseIndicators, prepareLandUseParcels, type IndicatorParcel } from '../../src/core/landuse/landuse-indicators.ts';
import { landUseRegionFigures } from '../../src/core/landuse/landuse-figures.ts';
import { DEVELOPMENT_INTENSITY_DEFINITION, isConstructionLand, landUseStructure } from '../../src/core/landuse/structure-table.ts';

const cls = (system: ClassificationSystem, code: string) => {
  const found = lookupClass(system, code);
  if (!found || found.code !== code) throw new Error(`no class ${system}:${code}`);
  return found;
};

describe('construction land (建设用地) for the development intensity', () => {
  it('counts the Land Administration Law category in the 2023 land/sea-use classes', () => {
    const yes = ['07', '0701', '070102', '0703', '0704', '08', '0901', '1001', '1002', '1003', '1101', '1201', '1202', '1207', '1311', '1401', '1403', '15', '1503', '16', '060101', '2301'];
    const no = ['01', '0103', '0201', '0301', '0403', '0506', '06', '0601', '060102', '0602', '1701', '1703', '1704', '2302', '2303', '2304', '18'];
    for (const code of yes) expect(isConstructionLand(cls('land-sea-use-2023', code)), code).toBe(true);
    for (const code of no) expect(isConstructionLand(cls('land-sea-use-2023', code)), code).toBe(false);
  });

  it('counts GB/T 21010-2017 construction classes in the third survey, not rural roads, ridges or facility farmland', () => {
    const yes = ['05', '05H1', '0508', '0601', '0602', '0603', '0701', '0702', '08H1', '0809', '0810', '0810A', '09', '1001', '1003', '1004', '1007', '1109', '1201'];
    const no = ['00', '0303', '0101', '0201', '0305', '0404', '1006', '1101', '1103', '1104A', '1107', '1202', '1203', '1204', '1106'];
    for (const code of yes) expect(isConstructionLand(cls('third-survey-2017', code)), code).toBe(true);
    for (const code of no) expect(isConstructionLand(cls('third-survey-2017', code)), code).toBe(false);
  });

  it('puts each third-survey class on the same side as the land/sea-use class it corresponds to', () => {
    // The 2023 guide's correspondence (third-survey-2017.json `correspondsTo`) carries the checked GB/T 21010-2017
    // table over: a leaf class and its counterpart are both construction land or both not. First-level classes whose
    // children the guide regroups (10 交通运输用地 holds 1006 rural roads) are not compared.
    const compared: string[] = [];
    for (const item of CLASSIFICATION_TABLES['third-survey-2017'].classes) {
      if (!item.correspondsTo || item.code.length < 4) continue;
      const counterpart = cls('land-sea-use-2023', item.correspondsTo);
      expect(isConstructionLand(counterpart), `${item.code} ${item.name} → ${counterpart.code} ${counterpart.name}`).toBe(isConstructionLand(item));
      compared.push(item.code);
    }
    expect(compared).toEqual(expect.arrayContaining(['0702', '0810', '1103', '1109', '1201', '1202']));
  });

  it('states its definition and source in both languages', () => {
    expect(DEVELOPMENT_INTENSITY_DEFINITION.definitionZh).toContain('建设用地');
    expect(DEVELOPMENT_INTENSITY_DEFINITION.sourceZh).toContain('GB/T 21010-2017');
    expect(DEVELOPMENT_INTENSITY_DEFINITION.source).toContain('GB/T 21010-2017');
  });
});

describe('land-use structure table (hand-computed)', () => {
  // A 1000 m² region: 0701 300, 0703 100, 0103 350 net of 50 田坎 (2303), 1401 100, a code of no class 20, 80 not covered.
  const structure = landUseStructure({
    regionAreaSquareMeters: 1000,
    notCoveredSquareMeters: 80,
    classes: [
      { key: 'land-sea-use-2023:0103', group: 'blue-green', areaSquareMeters: 350, parcelCount: 2 },
      { key: 'land-sea-use-2023:2303', group: 'other', areaSquareMeters: 50, parcelCount: 2 },
      { key: 'land-sea-use-2023:0701', group: 'urban-construction', areaSquareMeters: 300, parcelCount: 1 },
      { key: 'land-sea-use-2023:1401', group: 'blue-green', areaSquareMeters: 100, parcelCount: 1 },
      { key: 'land-sea-use-2023:0703', group: 'other', areaSquareMeters: 100, parcelCount: 3 },
      { key: 'unknown:Z9', group: null, areaSquareMeters: 20, parcelCount: 1 },
    ],
  });

  it('lists the classes in the classification order with area and share, unknown codes last', () => {
    expect(structure.rows.map((row) => row.code)).toEqual(['0103', '0701', '0703', '1401', '2303', 'Z9']);
    const row = structure.rows.find((item) => item.code === '0701')!;
    expect(row).toMatchObject({ nameZh: '城镇住宅用地', nameEn: 'Urban housing', areaSquareMeters: 300, share: 0.3, constructionLand: true, firstLevelKey: 'land-sea-use-2023:07' });
    expect(structure.rows.at(-1)).toMatchObject({ system: null, nameZh: null, constructionLand: null, share: 0.02 });
  });

  it('subtotals by first-level class and by group, with the uncovered area', () => {
    expect(structure.firstLevel.map((level) => [level.code, level.areaSquareMeters])).toEqual([['01', 350], ['07', 400], ['14', 100], ['23', 50]]);
    const groups = Object.fromEntries(structure.groups.map((group) => [group.group, group.areaSquareMeters]));
    expect(groups).toEqual({ 'blue-green': 450, 'urban-construction': 300, other: 150, unclassified: 20, 'not-covered': 80 });
  });

  it('gives the development intensity as a range while part of the region is unknown, apart from the urban construction share', () => {
    // construction land: 0701 300 + 0703 100 + 1401 100 (green space is construction land) = 500; unknown 20 + 80
    expect(structure.developmentIntensity).toEqual({ constructionSquareMeters: 500, unknownSquareMeters: 100, value: 0.5, upperBound: 0.6, decided: false });
    expect(structure.urbanConstructionShare).toBe(0.3);
  });

  it('decides the development intensity when the whole region is classified', () => {
    const whole = landUseStructure({ regionAreaSquareMeters: 200, notCoveredSquareMeters: 0, classes: [
      { key: 'third-survey-2017:0702', group: 'other', areaSquareMeters: 50 },
      { key: 'third-survey-2017:0303', group: 'blue-green', areaSquareMeters: 150 },
    ] });
    expect(whole.developmentIntensity).toMatchObject({ value: 0.25, upperBound: 0.25, decided: true });
    // 0303 (mangrove) is a wetland class of the third survey's working classification: first level 00
    expect(whole.firstLevel.map((level) => level.code)).toEqual(['00', '07']);
  });

  it('decides nothing when parcels overlap, and has no shares for an empty region', () => {
    const overlap = landUseStructure({ regionAreaSquareMeters: 100, notCoveredSquareMeters: 0, classes: [{ key: 'land-sea-use-2023:0701', group: 'urban-construction', areaSquareMeters: 150 }] });
    expect(overlap.overlapSuspected).toBe(true);
    expect(overlap.developmentIntensity.decided).toBe(false);
    const empty = landUseStructure({ regionAreaSquareMeters: 0, notCoveredSquareMeters: 0, classes: [] });
    expect(empty.developmentIntensity.value).toBeNull();
    expect(empty.urbanConstructionShare).toBeNull();
  });
});

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

const CODES: [ClassificationSystem, string, LandUseGroup][] = [
  ['land-sea-use-2023', '0103', 'blue-green'], ['land-sea-use-2023', '0701', 'urban-construction'], ['land-sea-use-2023', '0703', 'other'],
  ['land-sea-use-2023', '1401', 'blue-green'], ['land-sea-use-2023', '1202', 'other'], ['land-sea-use-2023', '1701', 'blue-green'],
];

describe('land-use structure table against a naive turf computation (property)', () => {
  it('every row and the development intensity equal per-parcel turf clips with the field-ridge deduction', () => {
    const ridge = cls('land-sea-use-2023', '2303');
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: CODES.length - 1 }), fc.option(fc.double({ min: 0.02, max: 0.3, noNaN: true }), { nil: undefined })), { minLength: 16, maxLength: 16 }),
      fc.tuple(fc.double({ min: 0, max: 0.0035, noNaN: true }), fc.double({ min: 0, max: 0.0035, noNaN: true }), fc.double({ min: 0.0005, max: 0.003, noNaN: true })),
      (cells, [rx, ry, rs]) => {
        const step = 0.001;
        const parcels: IndicatorParcel[] = cells.map(([codeIndex, fraction], index) => {
          const [system, code, group] = CODES[codeIndex];
          const landUseClass = cls(system, code);
          return {
            geometry: square(117 + (index % 4) * step, 36.8 + Math.floor(index / 4) * step, step),
            landUseClass, group,
            ...(fraction !== undefined && code === '0103' ? { deduction: { fraction, landUseClass: ridge, group: 'other' as const, key: 'land-sea-use-2023:2303' } } : {}),
          };
        });
        const region: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: square(117 + rx + 0.00001, 36.8 + ry + 0.00001, rs) };
        const indicators = landUseIndicators(prepareLandUseParcels(parcels), region);
        const structure = landUseStructure({ ...indicators, classes: indicators.classes });
        // naive: clip every parcel with turf, split the deduction, sum per class
        const expected = new Map<string, number>();
        let construction = 0;
        for (const parcel of parcels) {
          const clipped = intersect(featureCollection([{ type: 'Feature', properties: {}, geometry: parcel.geometry } as Feature<Polygon>, region]));
          const inside = clipped ? area(clipped) : 0;
          if (inside <= 0) continue;
          const deducted = parcel.deduction ? inside * parcel.deduction.fraction : 0;
          const key = `land-sea-use-2023:${parcel.landUseClass!.code}`;
          expected.set(key, (expected.get(key) ?? 0) + inside - deducted);
          if (deducted > 0) expected.set(parcel.deduction!.key, (expected.get(parcel.deduction!.key) ?? 0) + deducted);
          if (isConstructionLand(parcel.landUseClass!)) construction += inside - deducted;
        }
        for (const [key, value] of expected) {
          const row = structure.rows.find((item) => item.key === key);
          expect(row?.areaSquareMeters ?? 0).toBeCloseTo(value, 1);
        }
        expect(structure.rows.reduce((sum, row) => sum + row.areaSquareMeters, 0)).toBeCloseTo([...expected.values()].reduce((a, b) => a + b, 0), 1);
        expect(structure.developmentIntensity.constructionSquareMeters).toBeCloseTo(construction, 1);
        expect(structure.developmentIntensity.value).toBeCloseTo(construction / area(region), 6);
      },
    ), { numRuns: 40 });
  });

  it('rides along with every land-use region figure (worker path)', () => {
    const parcels = prepareLandUseParcels([
      { geometry: square(117, 36.8, 0.001), landUseClass: cls('land-sea-use-2023', '0701'), group: 'urban-construction' },
      { geometry: square(117.001, 36.8, 0.001), landUseClass: cls('land-sea-use-2023', '0103'), group: 'blue-green' },
    ]);
    const result = landUseRegionFigures(parcels, square(117.0005, 36.8, 0.001), null);
    expect(result.ok).toBe(true);
    const structure = result.ok ? result.figures.landUse?.structure : undefined;
    expect(structure?.rows.map((row) => row.code)).toEqual(['0103', '0701']);
    expect(structure?.developmentIntensity.value).toBeCloseTo(0.5, 6);
  });

  it('a region wholly inside the boundary is not clipped to it, and its figures equal those of the region cut to it', () => {
    const parcels = prepareLandUseParcels([
      { geometry: square(117, 36.8, 0.001), landUseClass: cls('land-sea-use-2023', '0701'), group: 'urban-construction' },
      { geometry: square(117.001, 36.8, 0.001), landUseClass: cls('land-sea-use-2023', '0103'), group: 'blue-green' },
    ]);
    const boundary: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[116.99, 36.79], [117.01, 36.79], [117.0015, 36.8015], [116.99, 36.81], [116.99, 36.79]]] } };
    const inside = landUseRegionFigures(parcels, square(117.0002, 36.8002, 0.0006), boundary);
    const alone = landUseRegionFigures(parcels, square(117.0002, 36.8002, 0.0006), null);
    expect(inside.ok && alone.ok).toBe(true);
    expect(inside.ok && inside.figures.constructionRatio).toBe(alone.ok && alone.figures.constructionRatio);
    expect(alone.ok && alone.figures.constructionRatio).toBeCloseTo(1, 9);
    expect(inside.issues.map((issue) => issue.reason)).not.toContain('partly-outside-boundary');
    // a region whose box crosses the boundary's notch is cut to it: only the part inside counts
    const across = landUseRegionFigures(parcels, square(117.0005, 36.8005, 0.0015), boundary);
    expect(across.issues.map((issue) => issue.reason)).toContain('partly-outside-boundary');
    const cut = intersect(featureCollection([{ type: 'Feature', properties: {}, geometry: square(117.0005, 36.8005, 0.0015) } as Feature<Polygon>, boundary]))!;
    expect(across.ok && across.figures.insideAreaKm2).toBeCloseTo(area(cut) / 1e6, 9);
  });
});
