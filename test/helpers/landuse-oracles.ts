/**
 * Naive answers the browser tests check the app's land-use figures against: every parcel of a fixture read with the
 * project's reader and classified, then clipped with turf one by one — no index, no shared edges, no shortcuts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { featureCollection } from '@turf/helpers';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { classifyLayer } from '../../src/core/landuse/classify-layer.ts';
import type { IndicatorParcel } from '../../src/core/landuse/landuse-indicators.ts';
import { readControlLineFiles } from '../../src/data/landuse/control-lines-reader.ts';

export type Area = Feature<Polygon | MultiPolygon>;
export type ConflictKind = 'ecological-red-line' | 'permanent-farmland' | 'outside-development-boundary';
export const CONFLICT_KINDS: ConflictKind[] = ['ecological-red-line', 'permanent-farmland', 'outside-development-boundary'];

const asArea = (geometry: Polygon | MultiPolygon): Area => ({ type: 'Feature', properties: {}, geometry });

/** The overlap of two areas with turf, null when they do not overlap (or either is missing). */
export const clip = (a: Area | null, b: Area | null): Area | null => (a && b ? intersect(featureCollection<Polygon | MultiPolygon>([a, b])) as Area | null : null);

/** A polygon cut to another area (e.g. a drawn outline to the Start-up Area boundary). */
export const clipTo = (geometry: Polygon | MultiPolygon, region: Area): Area | null => clip(asArea(geometry), region);

const areaOf = (feature: Area | null) => (feature ? area(feature) : 0);

/** A land-use fixture's parcels as the app classifies them. */
export function fixtureParcels(path: string): IndicatorParcel[] {
  const read = readLandUseFiles([{ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }]);
  if (!read.ok) throw new Error(`fixture ${path} did not read`);
  return classifyLayer(read.layer.features, read.layer.fields).parcels;
}

/** m² of each class code inside a region: every parcel clipped to it, summed by code. */
export function naiveAreaByCode(path: string, region: Area): Map<string, number> {
  const byCode = new Map<string, number>();
  for (const parcel of fixtureParcels(path)) {
    const inside = areaOf(clip(asArea(parcel.geometry), region));
    if (inside <= 0) continue;
    const code = parcel.landUseClass!.code;
    byCode.set(code, (byCode.get(code) ?? 0) + inside);
  }
  return byCode;
}

/**
 * The three conflict figures of a region in m²: every urban construction parcel clipped to the region, then to the
 * red line, to permanent basic farmland, and less the development boundary (the delivery's STBHHX, YJJBNTBHTB and
 * CZKFBJ layers, each unioned).
 */
export function naiveConflicts(landUsePath: string, linesZip: Uint8Array, region: Area): Record<ConflictKind, number> {
  const urban = fixtureParcels(landUsePath).filter((parcel) => parcel.group === 'urban-construction');
  const lines = readControlLineFiles([{ name: '三区三线.zip', bytes: linesZip }]);
  if (!lines.ok) throw new Error('control-line fixture did not read');
  const polygonsOf = (name: string): Area => {
    const features = lines.layers.find((layer) => layer.name === name)!.features as Area[];
    return features.length === 1 ? features[0] : union(featureCollection(features)) as Area;
  };
  const [red, farmland, developable] = [polygonsOf('STBHHX'), polygonsOf('YJJBNTBHTB'), polygonsOf('CZKFBJ')];
  const sums: Record<ConflictKind, number> = { 'ecological-red-line': 0, 'permanent-farmland': 0, 'outside-development-boundary': 0 };
  for (const parcel of urban) {
    const inRegion = clip(asArea(parcel.geometry), region);
    if (!inRegion) continue;
    sums['ecological-red-line'] += areaOf(clip(inRegion, red));
    sums['permanent-farmland'] += areaOf(clip(inRegion, farmland));
    sums['outside-development-boundary'] += areaOf(difference(featureCollection([inRegion, developable])) as Area | null);
  }
  return sums;
}
