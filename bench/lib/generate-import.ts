/**
 * A large, valid GeoJSON file for the import benchmark, generated at bench time (never committed):
 * many small counter-clockwise polygons (24-gon plots, 80–400 m across) scattered over the Start-up
 * Area's bounding box, with a few properties each. Deterministic (seeded), written as a stream.
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../src/core/random/seeded-random.ts';
export { seededRandom };

export const AREA_BBOX = [116.85, 36.7, 117.35, 37.0] as const;


/** One feature as JSON text: a closed, counter-clockwise ring (RFC 7946 exterior winding). */
export function plotFeature(index: number, random: () => number, vertices = 24): string {
  const [west, south, east, north] = AREA_BBOX;
  const lon = west + (east - west) * random();
  const lat = south + (north - south) * random();
  const radiusM = 40 + 160 * random();
  const dLat = radiusM / 111_320;
  const dLon = radiusM / (111_320 * Math.cos((lat * Math.PI) / 180));
  const ring: string[] = [];
  for (let i = 0; i < vertices; i += 1) {
    const angle = (2 * Math.PI * i) / vertices;
    ring.push(`[${(lon + dLon * Math.cos(angle)).toFixed(6)},${(lat + dLat * Math.sin(angle)).toFixed(6)}]`);
  }
  ring.push(ring[0] as string);
  const properties = { id: `bench-${index}`, name: `Plot ${index}`, kind: 'bench-plot', area_class: index % 5 };
  return `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}`;
}

/** Writes a FeatureCollection of at least `targetBytes` to `path` (skipped if already that size). */
export async function generateImportFile(path: string, targetBytes: number): Promise<{ bytes: number; features: number }> {
  if (existsSync(path) && statSync(path).size >= targetBytes && statSync(path).size < targetBytes * 1.01) {
    return { bytes: statSync(path).size, features: -1 };
  }
  const random = seededRandom(8);
  const out = createWriteStream(path);
  let bytes = 0;
  let features = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"type":"FeatureCollection","features":[\n');
  const tail = '\n]}\n';
  while (bytes + tail.length < targetBytes) {
    await write(`${features ? ',\n' : ''}${plotFeature(features, random)}`);
    features += 1;
  }
  await write(tail);
  out.end();
  await once(out, 'finish');
  return { bytes, features };
}
