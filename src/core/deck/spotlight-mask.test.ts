import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { spotlightMask } from './spotlight-mask.ts';

function square(x: number, y: number, size: number): Feature {
  return { type: 'Feature', properties: { id: `${x}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] } };
}

describe('spotlightMask', () => {
  it('is the whole world when nothing areal is highlighted', () => {
    const point: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117, 36] } };
    expect(spotlightMask([point]).geometry.coordinates).toHaveLength(1);
  });

  it('cuts one hole per separate area and merges overlapping ones', () => {
    expect(spotlightMask([square(0, 0, 1), square(5, 5, 1)]).geometry.coordinates).toHaveLength(3);
    expect(spotlightMask([square(0, 0, 2), square(1, 1, 2)]).geometry.coordinates).toHaveLength(2);
  });

  it('does not mutate its input', () => {
    const input = [square(0, 0, 1)];
    const copy = structuredClone(input);
    spotlightMask(input);
    expect(input).toEqual(copy);
  });
});
