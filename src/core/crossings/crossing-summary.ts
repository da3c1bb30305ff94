/**
 * The Yellow River crossings the plan documents count, as this map knows them: how many are drawn, how many are
 * listed without a position (their site is not published; the layer's `unlocated` member), and how many were open
 * at the end of a year. Pure.
 */
import type { FeatureCollection } from 'geojson';
import { unlocatedEntries } from '../unlocated/unlocated-entries.ts';
import type { UnlocatedEntry } from '../unlocated/unlocated-entries.ts';

export interface CrossingSummary {
  /** drawn + unlocated: the documents' count */
  total: number;
  located: number;
  unlocated: UnlocatedEntry[];
  /** open with a known year ≤ the year asked, plus unlocated ones the records count as open at the end of 2023 */
  openBy: number;
  byStatus: Record<string, number>;
}

/**
 * Summarises the crossings layer.
 * @param year - the year whose end counts for `openBy` (the documents count crossings open at the end of 2023)
 */
export function crossingSummary(collection: FeatureCollection | undefined, year: number): CrossingSummary {
  const features = collection?.features ?? [];
  const unlocated = unlocatedEntries(collection);
  const byStatus: Record<string, number> = {};
  let openBy = 0;
  const count = (status: string, opened: unknown, openAtEnd2023: boolean) => {
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (status !== 'open') return;
    if (typeof opened === 'number' ? opened <= year : openAtEnd2023 && year >= 2023) openBy += 1;
  };
  for (const feature of features) count(String(feature.properties?.['status'] ?? ''), feature.properties?.['year_open'], false);
  for (const item of unlocated) count(item.status, item.raw['year_open'], item.raw['open_end_2023'] === true);
  return { total: features.length + unlocated.length, located: features.length, unlocated, openBy, byStatus };
}
