/**
 * Map label size for large-text mode: a symbol layer's `text-size` scaled from the style's own value (a number,
 * a zoom function or an expression); the map's scene (./scene/scene-of.ts) sets it, and the style's own value
 * again at factor 1. Pure.
 */

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
