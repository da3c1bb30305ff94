/**
 * The plan's "三步走" timeline (002 §三): 2025 五年成形, 2030 十年成势, 2035 十五年成城, after the
 * baseline of the documents (end-2023). Pure: no DOM, no MapLibre.
 */

/** Years the timeline control offers: the documents' baseline, then the three steps. */
export const TIMELINE_YEARS = [2023, 2025, 2030, 2035] as const;
export type TimelineYear = (typeof TIMELINE_YEARS)[number];
/** The year whose statuses are the documents' own (`status` as stated at end-2023 / 2024). */
export const BASELINE_YEAR: TimelineYear = 2023;

export type BuildStatus = 'open' | 'under-construction' | 'planned';

/** The properties of a crossing or project that the timeline reads (see docs/architecture.md). */
export interface PhasedProperties {
  status?: unknown;
  year_open?: unknown;
  year_start?: unknown;
  phase?: unknown;
}

function yearOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The status of a crossing or project in `year`.
 *
 * Rules, in order: opened by `year_open` ≤ year → open; documented as open at the baseline → open
 * (for any timeline year, which are all ≥ the baseline); due in plan `phase` ≤ year → open (the plan's
 * target, not a record); started by `year_start` ≤ year, or documented as under construction → under
 * construction; otherwise planned.
 *
 * @param properties a feature's properties (unknown values are ignored, never thrown on)
 * @param year a calendar year, e.g. 2030
 * @returns the derived status
 * @example statusInYear({ status: 'planned', phase: 2030 }, 2025) // 'planned'
 */
export function statusInYear(properties: PhasedProperties, year: number): BuildStatus {
  const yearOpen = yearOf(properties.year_open);
  const yearStart = yearOf(properties.year_start);
  const phase = yearOf(properties.phase);
  if (yearOpen !== undefined && yearOpen <= year) return 'open';
  if (yearOpen !== undefined && yearOpen > year) {
    return yearStart !== undefined && yearStart <= year ? 'under-construction' : 'planned';
  }
  if (properties.status === 'open' && year >= BASELINE_YEAR) return 'open';
  if (phase !== undefined && phase <= year && year > BASELINE_YEAR) return 'open';
  if (yearStart !== undefined && yearStart <= year) return 'under-construction';
  if (properties.status === 'under-construction' && year >= BASELINE_YEAR) return 'under-construction';
  return 'planned';
}

/**
 * Groups feature ids by their status in `year`.
 * @param features GeoJSON features with `properties.id`
 * @param year a calendar year
 */
export function idsByStatus(
  features: readonly { properties: (PhasedProperties & { id?: unknown }) | null }[],
  year: number,
): Record<BuildStatus, string[]> {
  const result: Record<BuildStatus, string[]> = { open: [], 'under-construction': [], planned: [] };
  for (const feature of features) {
    const id = feature.properties?.id;
    if (typeof id !== 'string') continue;
    result[statusInYear(feature.properties ?? {}, year)].push(id);
  }
  return result;
}

/** The nearest timeline year at or before `year` (the baseline for anything earlier). */
export function timelineYearFor(year: number): TimelineYear {
  let chosen: TimelineYear = TIMELINE_YEARS[0];
  for (const candidate of TIMELINE_YEARS) if (candidate <= year) chosen = candidate;
  return chosen;
}
