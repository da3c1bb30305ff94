import type { FeatureCollection } from 'geojson';

/** One searchable feature: its layer (geodata file), stable id and both names. */
export interface SearchEntry {
  layer: string;
  id: string;
  nameZh: string;
  nameEn: string;
  kind: string;
}

/** A search hit; `rank` 0 = exact name, 1 = name starts with the query, 2 = word starts with it, 3 = substring. */
export interface SearchHit extends SearchEntry {
  rank: number;
}

/** Case-, width- and whitespace-insensitive form used for matching (NFKC folds full-width letters). */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u00b7·\-–—_()（）]+/g, ' ').trim();
}

/**
 * Collects every named feature of the given layers into a search list.
 * @param layers - geodata by layer name (missing layers are skipped)
 * @returns one entry per feature that has an id and at least one name
 */
export function buildSearchEntries(layers: Readonly<Record<string, FeatureCollection | undefined>>): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const [layer, collection] of Object.entries(layers)) {
    for (const feature of collection?.features ?? []) {
      const properties = feature.properties ?? {};
      const id = properties.id ?? feature.id;
      const nameZh = typeof properties.name_zh === 'string' ? properties.name_zh : '';
      const nameEn = typeof properties.name_en === 'string' ? properties.name_en : '';
      if (id === undefined || id === null || (!nameZh && !nameEn)) continue;
      entries.push({ layer, id: String(id), nameZh, nameEn, kind: String(properties.kind ?? '') });
    }
  }
  return entries;
}

function rankName(name: string, query: string): number {
  const normalized = normalizeForSearch(name);
  if (!normalized) return Infinity;
  if (normalized === query) return 0;
  if (normalized.startsWith(query)) return 1;
  if (normalized.includes(` ${query}`)) return 2;
  if (normalized.includes(query)) return 3;
  return Infinity;
}

/**
 * Finds features whose Chinese or English name contains the query (offline, no pinyin).
 * @param entries - from {@link buildSearchEntries}
 * @param query - free text; case and width are ignored
 * @param limit - most hits returned
 * @returns hits, best first (then shorter names first)
 * @example searchFeatures(entries, 'yellow river sports')[0]?.nameZh // '黄河体育中心'
 */
export function searchFeatures(entries: readonly SearchEntry[], query: string, limit = 8): SearchHit[] {
  const needle = normalizeForSearch(query);
  if (!needle) return [];
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    const rank = Math.min(rankName(entry.nameZh, needle), rankName(entry.nameEn, needle));
    if (rank !== Infinity) hits.push({ ...entry, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || (a.nameZh || a.nameEn).length - (b.nameZh || b.nameEn).length);
  return hits.slice(0, limit);
}
