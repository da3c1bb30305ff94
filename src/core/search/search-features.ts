import type { FeatureCollection } from 'geojson';

/**
 * One searchable name and the feature that choosing it selects (`layer`, `id`). Usually the feature is the named
 * thing itself; for a thing with no drawing of its own that a feature lists (a project known only to its
 * subdistrict: the layer's `in_subdistrict` member), `layer` / `id` are the listing feature's and `listed` says
 * which item of its list was named and what the listing feature is called.
 */
export interface SearchEntry {
  layer: string;
  id: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  listed?: { layer: string; id: string; onZh: string; onEn: string };
}

/** The foreign member of a layer that lists things known only to their subdistrict, and the layer they are listed on. */
const LISTED_MEMBER = 'in_subdistrict';
const LISTED_ON = { layer: 'subdistricts', key: 'subdistrict' } as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A search hit; `rank` 0 = exact name, 1 = name starts with the query, 2 = word starts with it, 3 = substring. */
export interface SearchHit extends SearchEntry {
  rank: number;
}

/** Case-, width- and whitespace-insensitive form used for matching (NFKC folds full-width letters). */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u00b7·\-–—_()（）]+/g, ' ').trim();
}

/**
 * Collects every named feature of the given layers into a search list, and every named item a layer lists as known
 * only to its subdistrict (`in_subdistrict`), found under its own names and leading to that subdistrict (which
 * lists it) rather than to a position no record gives.
 * @param layers - geodata by layer name (missing layers are skipped; items whose subdistrict is not loaded are skipped)
 * @returns one entry per feature that has an id and at least one name, then one per listed item
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
  const listingFeatures = layers[LISTED_ON.layer]?.features ?? [];
  for (const [layer, collection] of Object.entries(layers)) {
    const members = (collection as (FeatureCollection & Record<string, unknown>) | undefined)?.[LISTED_MEMBER];
    if (!Array.isArray(members)) continue;
    for (const member of members as Record<string, unknown>[]) {
      const nameZh = text(member?.['name_zh']);
      const nameEn = text(member?.['name_en']);
      const on = listingFeatures.find((feature) => (feature.properties?.['id'] ?? feature.id) === member?.[LISTED_ON.key]);
      if (!on || member['id'] === undefined || (!nameZh && !nameEn)) continue;
      entries.push({
        layer: LISTED_ON.layer, id: String(on.properties?.['id'] ?? on.id), nameZh, nameEn, kind: String(member['kind'] ?? ''),
        listed: { layer, id: String(member['id']), onZh: text(on.properties?.['name_zh']), onEn: text(on.properties?.['name_en']) },
      });
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
