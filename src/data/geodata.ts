import type { FeatureCollection } from 'geojson';

/** The plan's own data files in geodata/, in drawing order of their MapLibre sources. */
export const GEODATA_LAYERS = [
  'context',
  'boundary',
  'subdistricts',
  'blue-green',
  'construction',
  'structure',
  'crossings',
  'projects',
] as const;

export type GeodataName = (typeof GEODATA_LAYERS)[number];
export type Geodata = Partial<Record<GeodataName, FeatureCollection>>;

export interface GeodataProblem {
  layer: GeodataName;
  message: string;
}

/** URLs of the geodata files as emitted by Vite (hashed assets, same origin). */
const urls = import.meta.glob<string>('../../geodata/*.geojson', { query: '?url', import: 'default', eager: true });

export function geodataUrl(name: GeodataName): string | undefined {
  return urls[`../../geodata/${name}.geojson`];
}

function isFeatureCollection(value: unknown): value is FeatureCollection {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'FeatureCollection'
    && Array.isArray((value as { features?: unknown }).features);
}

/**
 * Fetches every geodata file in parallel. Never throws: a missing or unreadable file is reported as a
 * problem and the other layers still load.
 */
export async function loadGeodata(fetchImpl: typeof fetch = fetch): Promise<{ data: Geodata; problems: GeodataProblem[] }> {
  const data: Geodata = {};
  const problems: GeodataProblem[] = [];
  await Promise.all(GEODATA_LAYERS.map(async (layer) => {
    const url = geodataUrl(layer);
    if (!url) {
      problems.push({ layer, message: `geodata/${layer}.geojson is not in the build` });
      return;
    }
    try {
      const response = await fetchImpl(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const json: unknown = await response.json();
      if (!isFeatureCollection(json)) throw new Error('not a FeatureCollection');
      data[layer] = json;
    } catch (error) {
      problems.push({ layer, message: `geodata/${layer}.geojson: ${(error as Error).message}` });
    }
  }));
  return { data, problems };
}
