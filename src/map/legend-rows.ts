import type { Lang } from '../i18n/messages.ts';
import type { MapView } from './map-view.ts';
import { legendEntries } from './legend-entries.ts';
import { PLAN_IMAGE_NAME_METADATA, PLAN_IMAGE_PREFIX } from './scene/plan-image-specs.ts';

export interface LegendRow {
  label: string;
  colour: string;
  kind: 'fill' | 'line' | 'circle';
}

/**
 * Legend rows for print and PNG export: the same rows as the on-screen legend (legendEntries reads the
 * live style), one colour each, labelled with `labels` (catalog layer id → text); rows of no catalog layer
 * (the land-use classes) keep their own label in `lang`; the plan images shown follow, named by their files.
 */
export function legendRows(view: MapView, visibility: Record<string, boolean>, labels: Record<string, string>, lang: Lang = 'en'): LegendRow[] {
  const rows: LegendRow[] = legendEntries(view, visibility, lang).map((entry) => ({
    label: labels[entry.id] ?? entry.label,
    colour: entry.colours[0] ?? '#888888',
    kind: entry.kind,
  }));
  return [...rows, ...planImageRows(view)];
}

/** A row per plan image shown on the map, topmost first, named by its file name. */
function planImageRows(view: MapView): LegendRow[] {
  return view.map.getLayersOrder()
    .filter((id) => id.startsWith(PLAN_IMAGE_PREFIX))
    .map((id) => view.map.getLayer(id)?.serialize())
    .filter((layer) => !!layer && layer.layout?.visibility !== 'none')
    .reverse()
    .map((layer) => ({ label: String((layer!.metadata as Record<string, unknown> | undefined)?.[PLAN_IMAGE_NAME_METADATA] ?? ''), colour: '#9aa5b1', kind: 'fill' as const }));
}
