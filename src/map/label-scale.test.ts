import { describe, expect, it } from 'vitest';
import { scaledTextSize } from './label-scale.ts';

describe('scaledTextSize', () => {
  it('scales a number and MapLibre’s default when the layer sets none', () => {
    expect(scaledTextSize(12, 1.5)).toBe(18);
    expect(scaledTextSize(undefined, 1.5)).toBe(24);
  });

  it('scales the outputs of a zoom curve and keeps zoom as its input', () => {
    expect(scaledTextSize(['interpolate', ['linear'], ['zoom'], 8, 10, 14, 16], 2)).toEqual(['interpolate', ['linear'], ['zoom'], 8, 20, 14, 32]);
    expect(scaledTextSize(['step', ['zoom'], 10, 12, 14], 2)).toEqual(['step', ['zoom'], 20, 12, 28]);
    expect(scaledTextSize({ stops: [[8, 10], [14, 16]] }, 2)).toEqual({ stops: [[8, 20], [14, 32]] });
  });

  it('wraps other expressions in a product', () => {
    expect(scaledTextSize(['get', 'size'], 1.5)).toEqual(['*', ['get', 'size'], 1.5]);
  });

  it('does not change its input', () => {
    const curve = ['interpolate', ['linear'], ['zoom'], 8, 10, 14, 16];
    scaledTextSize(curve, 2);
    expect(curve).toEqual(['interpolate', ['linear'], ['zoom'], 8, 10, 14, 16]);
  });
});
