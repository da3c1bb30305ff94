/**
 * The Yellow River crossings the plan documents count, as this map knows them: how many are drawn, how many are
 * listed without a position (their site is not published; the layer's `unlocated` member), and how many were open
 * at the end of a year. Pure.
 */
import type { FeatureCollection } from 'geojson';

export interface UnlocatedCrossing {
  id: string;
  number: number | null;
  name_zh: string;
  name_en: string;
  status: string;
  reason_zh: string;
  reason_en: string;
}

export interface CrossingSummary {
  /** drawn + unlocated: the documents' count */
  total: number;
  located: number;
  unlocated: UnlocatedCrossing[];
  /** open with a known year ≤ the year asked, plus unlocated ones the records count as open by then */
  openBy: number;
  byStatus: Record<string, number>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads the `unlocated` foreign member; anything malformed in it is skipped, never thrown on. */
export function unlocatedCrossings(collection: FeatureCollection | undefined): UnlocatedCrossing[] {
  const list = (collection as { unlocated?: unknown } | undefined)?.unlocated;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    const name_zh = text(record['name_zh']);
    const name_en = text(record['name_en']);
    if (!name_zh && !name_en) return [];
    return [{
      id: text(record['id']) || name_en || name_zh,
      number: typeof record['number'] === 'number' ? record['number'] : null,
      name_zh: name_zh || name_en, name_en: name_en || name_zh,
      status: text(record['status']) || 'planned',
      reason_zh: text(record['reason_zh']), reason_en: text(record['reason_en']),
    }];
  });
}

/**
 * Summarises the crossings layer.
 * @param year - the year whose end counts for `openBy` (the documents count crossings open at the end of 2023)
 */
export function crossingSummary(collection: FeatureCollection | undefined, year: number): CrossingSummary {
  const features = collection?.features ?? [];
  const unlocated = unlocatedCrossings(collection);
  const byStatus: Record<string, number> = {};
  let openBy = 0;
  for (const feature of features) {
    const status = text(feature.properties?.['status']);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const opened = feature.properties?.['year_open'];
    if (status === 'open' && typeof opened === 'number' && opened <= year) openBy += 1;
  }
  const list = (collection as { unlocated?: unknown[] } | undefined)?.unlocated ?? [];
  for (const [index, item] of unlocated.entries()) {
    byStatus[item.status] = (byStatus[item.status] ?? 0) + 1;
    const raw = list[index] as Record<string, unknown> | undefined;
    const opened = raw?.['year_open'];
    const openAtEnd2023 = raw?.['open_end_2023'] === true;
    if (item.status === 'open' && ((typeof opened === 'number' && opened <= year) || (opened == null && openAtEnd2023 && year >= 2023))) openBy += 1;
  }
  return { total: features.length + unlocated.length, located: features.length, unlocated, openBy, byStatus };
}
