import type { Lang } from '../i18n/messages.ts';
import type { MapView } from './map-view.ts';
import { legendEntries } from './legend-entries.ts';

export interface LegendRow {
  label: string;
  colour: string;
  kind: 'fill' | 'line' | 'circle';
}

/**
 * Legend rows for print and PNG export: the same rows as the on-screen legend (legendEntries reads the
 * live style), one colour each, labelled with `labels` (catalog layer id → text); rows of no catalog layer
 * (the land-use classes) keep their own label in `lang`.
 */
export function legendRows(view: MapView, visibility: Record<string, boolean>, labels: Record<string, string>, lang: Lang = 'en'): LegendRow[] {
  return legendEntries(view, visibility, lang).map((entry) => ({
    label: labels[entry.id] ?? entry.label,
    colour: entry.colours[0] ?? '#888888',
    kind: entry.kind,
  }));
}
