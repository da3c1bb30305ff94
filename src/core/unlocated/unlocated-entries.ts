/**
 * Features a plan layer counts but cannot draw because no public record gives their site: the layer's
 * `unlocated` foreign member (RFC 7946 allows foreign members). Read leniently; pure.
 */
import type { FeatureCollection } from 'geojson';

export interface UnlocatedEntry {
  id: string;
  number: number | null;
  name_zh: string;
  name_en: string;
  status: string;
  reason_zh: string;
  reason_en: string;
  /** the entry as stored, for layer-specific fields (e.g. `open_end_2023`, `year_open`) */
  raw: Readonly<Record<string, unknown>>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads the `unlocated` foreign member; anything malformed in it is skipped, never thrown on. */
export function unlocatedEntries(collection: FeatureCollection | undefined): UnlocatedEntry[] {
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
      name_zh: name_zh || name_en,
      name_en: name_en || name_zh,
      status: text(record['status']) || 'planned',
      reason_zh: text(record['reason_zh']),
      reason_en: text(record['reason_en']),
      raw: record,
    }];
  });
}
