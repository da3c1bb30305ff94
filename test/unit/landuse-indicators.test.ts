import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';
import { landUseIndicators, prepareLandUseParcels, type IndicatorParcel } from '../../src/core/landuse/landuse-indicators.ts';
import { DEFAULT_TARGETS } from '../../src/core/analysis/target-check.ts';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { fixtureZip } from './landuse-fixture-files.ts';

type Area = Feature<Polygon | MultiPolygon>;
const boundary = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'boundary.geojson'), 'utf8')) as { features: Area[] }).features[0];

function parcelsOf(name: string): IndicatorParcel[] {
  const result = readLandUseFiles([fixtureZip(name)]);
  if (!result.ok) throw new Error(`${name} did not read`);
  return classifyLayer(result.layer.features, result.layer.fields).parcels;
}

/** Independent: union the group's parcels with turf, clip the union to the region, measure. */
function turfAreaInRegion(parcels: readonly IndicatorParcel[], region: Area): number {
  if (parcels.length === 0) return 0;
  const features = parcels.map((parcel): Area => ({ type: 'Feature', geometry: parcel.geometry, properties: {} }));
  const merged = features.length === 1 ? features[0] : union(featureCollection(features));
  const clipped = merged ? intersect(featureCollection([merged, region])) : null;
  return clipped ? area(clipped) : 0;
}

function expectClose(actual: number, expected: number): void {
  // 10 m², or ten parts in a million: the clipper rounds intersection points differently when it clips a
  // merged union than when it clips each parcel; both are far below what the figures show (0.01 km²).
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(10, Math.abs(expected) * 1e-5));
}

describe('land-use indicators against an independent turf computation', () => {
  const cases: [string, Area, string][] = [
    ['ydyh-gk39-prj.zip', boundary, 'the boundary, 2023 system'],
    ['sandiao-gk39-prj.zip', boundary, 'the boundary, third survey'],
    ['bad-outside-area.zip', boundary, 'the boundary, parcels across it and outside'],
  ];
  for (const [file, region, label] of cases) {
    it(label, () => {
      const parcels = parcelsOf(file);
      const result = landUseIndicators(parcels, region);
      const regionArea = area(region);
      expectClose(result.regionAreaSquareMeters, regionArea);
      const blueGreen = turfAreaInRegion(parcels.filter((parcel) => parcel.group === 'blue-green'), region);
      const construction = turfAreaInRegion(parcels.filter((parcel) => parcel.group === 'urban-construction'), region);
      const covered = turfAreaInRegion(parcels, region);
      expectClose(result.groupSquareMeters['blue-green'], blueGreen);
      expectClose(result.groupSquareMeters['urban-construction'], construction);
      expectClose(result.coveredSquareMeters, covered);
      expectClose(result.notCoveredSquareMeters, regionArea - covered);
      expect(result.blueGreenShare).toBeCloseTo(blueGreen / regionArea, 9);
      expect(result.constructionShare).toBeCloseTo(construction / regionArea, 9);
      expectClose(result.constructionHeadroomSquareMeters, DEFAULT_TARGETS.construction.target * regionArea - construction);
      expectClose(result.blueGreenHeadroomSquareMeters, blueGreen - DEFAULT_TARGETS.blueGreen.target * regionArea);
      const classTotal = result.classes.reduce((sum, item) => sum + item.areaSquareMeters, 0);
      expectClose(classTotal, covered);
    });
  }

  it('a study polygon over part of the grid: shares of the polygon, the rest not covered', () => {
    const parcels = parcelsOf('ydyh-gk39-prj.zip');
    const study: Area = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[117.051, 36.851], [117.068, 36.852], [117.06, 36.866], [117.045, 36.86], [117.051, 36.851]]] } };
    const result = landUseIndicators(parcels, study);
    const blueGreen = turfAreaInRegion(parcels.filter((parcel) => parcel.group === 'blue-green'), study);
    const covered = turfAreaInRegion(parcels, study);
    expectClose(result.groupSquareMeters['blue-green'], blueGreen);
    expectClose(result.notCoveredSquareMeters, area(study) - covered);
    expect(result.notCoveredSquareMeters).toBeGreaterThan(0);
    expect(result.parcelsAcrossBoundary).toBeGreaterThan(0);
  });

  it('counts parcels inside, across and outside, and says what the layer does not cover', () => {
    const result = landUseIndicators(parcelsOf('bad-outside-area.zip'), boundary);
    expect(result.parcelsInside + result.parcelsAcrossBoundary + result.parcelsOutside).toBe(13);
    expect(result.parcelsAcrossBoundary).toBeGreaterThan(0);
    expect(result.parcelsOutside).toBeGreaterThanOrEqual(1);
    // The layer covers a few km² of an ~800 km² area: nearly all of it is reported as not covered.
    expect(result.notCoveredSquareMeters / result.regionAreaSquareMeters).toBeGreaterThan(0.99);
    // so little is classified that either verdict is possible: none is given
    expect(result.construction).toMatchObject({ pass: 'unknown', marginPoints: null });
    expect(result.blueGreen).toMatchObject({ pass: 'unknown', marginPoints: null });
  });

  it('decides a region its parcels cover, and only by what they leave unknown', () => {
    const parcels = parcelsOf('ydyh-gk39-prj.zip');
    // a region exactly one parcel: wholly classified, so its verdicts are decided
    const first = { type: 'Feature' as const, properties: {}, geometry: parcels[0].geometry };
    const covered = landUseIndicators(parcels, first);
    expect(covered.notCoveredSquareMeters / covered.regionAreaSquareMeters).toBeLessThan(1e-6);
    expect(typeof covered.blueGreen.pass).toBe('boolean');
    expect(typeof covered.construction.pass).toBe('boolean');
    expect(covered.blueGreen.pass).toBe((covered.blueGreenShare ?? 0) >= 0.7);
    // the same parcel counted as unrecognised: the whole region is unknown, so nothing is decided
    const unknown = landUseIndicators([{ geometry: parcels[0].geometry, landUseClass: null, group: null }], first);
    expect(unknown.blueGreen.pass).toBe('unknown');
    expect(unknown.construction.pass).toBe('unknown');
  });

  it('unrecognised classes count in no group; an empty region has no share', () => {
    const parcels = parcelsOf('ydyh-gk39-prj.zip').map((parcel, index) => (index === 0 ? { geometry: parcel.geometry, landUseClass: null, group: null } : parcel));
    const result = landUseIndicators(parcels, boundary);
    expect(result.groupSquareMeters.unclassified).toBeGreaterThan(89_000);
    expect(result.classes.find((item) => item.key === 'unclassified')?.parcelCount).toBe(1);
    const empty = landUseIndicators(parcels, { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 0], [0, 0], [0, 0]]] } });
    expect(empty.blueGreenShare).toBeNull();
    expect(empty.blueGreen.pass).toBe('unknown');
  });

  it('does not change its inputs', () => {
    const parcels = parcelsOf('ydyh-gk39-prj.zip');
    const before = JSON.stringify([parcels, boundary]);
    landUseIndicators(parcels, boundary);
    expect(JSON.stringify([parcels, boundary])).toBe(before);
  });

  it('parcels prepared once answer every region as a fresh computation does', () => {
    const parcels = parcelsOf('bad-outside-area.zip');
    const prepared = prepareLandUseParcels(parcels);
    const square = (west: number, south: number): Area => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[west, south], [west + 0.01, south], [west + 0.01, south + 0.008], [west, south + 0.008], [west, south]]] } });
    for (const region of [boundary, square(116.995, 36.71), square(117.003, 36.713), square(116.98, 36.64)]) {
      expect(landUseIndicators(prepared, region)).toEqual(landUseIndicators(parcels, region));
    }
  });
});
