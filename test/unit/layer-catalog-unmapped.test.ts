import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { drawnVisibility, unmappedLayers } from '../../src/state/layer-catalog.ts';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../geodata/${name}.geojson`, import.meta.url), 'utf8')) as FeatureCollection;
const polygon = (cls: string) => ({ type: 'Feature' as const, properties: { class: cls }, geometry: { type: 'Polygon' as const, coordinates: [[[117, 36.8], [117.01, 36.8], [117.01, 36.81], [117, 36.8]]] } });

describe('unmappedLayers: a catalog layer its data leaves empty', () => {
  it('is decided from the data: a class with no feature is not mapped, a class with one is', () => {
    const blueGreen: FeatureCollection = { type: 'FeatureCollection', features: [polygon('water'), polygon('forest')] };
    const ids = unmappedLayers({ 'blue-green': blueGreen });
    expect([...ids].sort()).toEqual(['blue-green-farmland', 'blue-green-park', 'blue-green-wetland']);
    const withFarmland = unmappedLayers({ 'blue-green': { ...blueGreen, features: [...blueGreen.features, polygon('farmland')] } });
    expect(withFarmland.has('blue-green-farmland')).toBe(false);
  });

  it('says nothing about layers whose data is not loaded', () => {
    expect(unmappedLayers({}).size).toBe(0);
  });

  it('on the built-in data: every class the data holds is mapped, every class it lacks is not', () => {
    const blueGreen = load('blue-green');
    const classes = new Set(blueGreen.features.map((feature) => String(feature.properties?.class)));
    const ids = unmappedLayers({ 'blue-green': blueGreen, construction: load('construction') });
    for (const cls of ['water', 'wetland', 'forest', 'park', 'farmland']) expect(ids.has(`blue-green-${cls}`)).toBe(!classes.has(cls));
    expect(ids.has('construction')).toBe(false);
  });

  it('drawnVisibility turns an empty layer off for the legend, and returns the same object when none is', () => {
    const data = { 'blue-green': { type: 'FeatureCollection' as const, features: [polygon('water')] } };
    const visibility = { 'blue-green-water': true, 'blue-green-farmland': true, boundary: true };
    expect(drawnVisibility(visibility, data)).toEqual({ 'blue-green-water': true, 'blue-green-farmland': false, boundary: true });
    expect(visibility['blue-green-farmland']).toBe(true);
    const shown = { 'blue-green-water': true, 'blue-green-farmland': false };
    expect(drawnVisibility(shown, data)).toBe(shown);
  });
});
