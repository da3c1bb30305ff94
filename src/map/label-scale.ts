/**
 * Map label size for large-text mode: every symbol layer's `text-size` scaled from the style's own value
 * (a number, a zoom function or an expression) and restored exactly. Symbol layers added later are scaled
 * as they appear.
 */
import type { DataDrivenPropertyValueSpecification, Map as MaplibreMap } from 'maplibre-gl';

/** MapLibre's default `text-size` when a layer does not set one. */
const DEFAULT_TEXT_SIZE = 16;

type TextSize = unknown;

/**
 * `text-size` times `factor`. Zoom curves keep `zoom` as the input of the top-level `interpolate` / `step`
 * (MapLibre allows it nowhere else): their outputs are scaled; other expressions are wrapped in `*`.
 */
export function scaledTextSize(value: TextSize, factor: number): TextSize {
  if (value === undefined || value === null) return DEFAULT_TEXT_SIZE * factor;
  if (typeof value === 'number') return value * factor;
  if (Array.isArray(value)) {
    const [operator] = value as unknown[];
    if (operator === 'interpolate' || operator === 'interpolate-hcl' || operator === 'interpolate-lab') {
      // ['interpolate', type, input, stop, output, stop, output, …]
      return value.map((item, index) => (index >= 4 && index % 2 === 0 ? scaledTextSize(item, factor) : item));
    }
    if (operator === 'step') {
      // ['step', input, output, stop, output, …]
      return value.map((item, index) => (index === 2 || (index > 2 && index % 2 === 0) ? scaledTextSize(item, factor) : item));
    }
    return ['*', value, factor];
  }
  if (typeof value === 'object' && Array.isArray((value as { stops?: unknown }).stops)) {
    const fn = value as { stops: [unknown, TextSize][] };
    return { ...fn, stops: fn.stops.map(([stop, size]) => [stop, scaledTextSize(size, factor)]) };
  }
  return value;
}

function sameValue(a: TextSize, b: TextSize): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Scales the labels of one map; remembers each layer's own `text-size` to restore it. */
export class LabelScale {
  private factor = 1;
  /** layer id → the style's own text-size (undefined: the layer did not set one) and the scaled one set here */
  private readonly sizes = new Map<string, { own: TextSize; set: TextSize }>();
  private readonly onStyleData = () => this.apply();

  constructor(private readonly map: MaplibreMap) {}

  /** Scales every symbol layer's text by `factor` (1 restores the style's own sizes). */
  set(factor: number): void {
    if (factor === this.factor) return;
    this.factor = factor;
    if (factor === 1) {
      this.map.off('styledata', this.onStyleData);
      this.restore();
    } else {
      this.map.on('styledata', this.onStyleData);
      this.apply(true);
    }
  }

  get value(): number {
    return this.factor;
  }

  /** Stops following the style (the map is being removed). */
  destroy(): void {
    this.map.off('styledata', this.onStyleData);
  }

  /** Scales the symbol layers whose text-size is not the one set here (new layers; all of them when `all`). */
  private apply(all = false): void {
    if (this.factor === 1 || !this.map.style) return;
    for (const layer of this.map.getStyle().layers) {
      if (layer.type !== 'symbol') continue;
      const current = this.map.getLayoutProperty(layer.id, 'text-size') as TextSize;
      const known = this.sizes.get(layer.id);
      // a layer added (or re-added, or re-styled) since: what it has now is its own size
      const scaledHere = known !== undefined && sameValue(current, known.set);
      if (scaledHere && !all) continue;
      const own = scaledHere ? known.own : current;
      const set = scaledTextSize(own, this.factor);
      this.sizes.set(layer.id, { own, set });
      this.map.setLayoutProperty(layer.id, 'text-size', set as DataDrivenPropertyValueSpecification<number>);
    }
  }

  private restore(): void {
    for (const [id, { own, set }] of this.sizes) {
      // a layer re-added unscaled meanwhile keeps what it has
      if (this.map.getLayer(id) && sameValue(this.map.getLayoutProperty(id, 'text-size'), set)) this.map.setLayoutProperty(id, 'text-size', own as DataDrivenPropertyValueSpecification<number> | undefined);
    }
    this.sizes.clear();
  }
}
