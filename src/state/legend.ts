/** One legend row as plain data: src/map/legend-entries.ts reads it from the live style, <plan-legend> draws it. */
export interface LegendEntry {
  id: string;
  label: string;
  groupLabel: string;
  kind: 'fill' | 'line' | 'circle';
  /** fill / line / circle colours, in drawing order (a fill's outline layer adds its colour) */
  colours: string[];
  dashed: boolean;
  /** the fill's own opacity (0..1) where it is a plain number, so faint areas look faint in the legend */
  fillOpacity: number;
  /**
   * false: a row that does not filter the map when clicked (a land-use class: the legend filter shows one
   * layer of the plan's catalogue, and a land-use class is part of the land-use layer, not a catalogue layer)
   */
  filterable?: boolean;
}
