import type { MapView } from './map-view.ts';
import { legendEntries } from './legend-entries.ts';

export interface LegendRow {
  label: string;
  colour: string;
  kind: 'fill' | 'line' | 'circle';
}

/**
 * Legend rows for print and PNG export: the same rows as the on-screen legend (legendEntries reads the
 * live style), one colour each, labelled with `labels` (catalog layer id → text).
 */
export function legendRows(view: MapView, visibility: Record<string, boolean>, labels: Record<string, string>): LegendRow[] {
  return legendEntries(view, visibility, 'en').map((entry) => ({
    label: labels[entry.id] ?? entry.label,
    colour: entry.colours[0] ?? '#888888',
    kind: entry.kind,
  }));
}
