import { describe, expect, it } from 'vitest';
import {
  basemapOpened, basemapReadingFailed, clearBasemapError, initialBasemapState, onBasemap, removeBasemap, setBasemapOpacity,
  setBasemapVisible, startBasemapReading,
} from '../../src/state/basemap-state.ts';
import type { Basemap } from '../../src/state/basemap-state.ts';
import { initialState } from '../../src/state/plan-state.ts';

const read = (name: string): Omit<Basemap, 'opacity' | 'visible'> => ({
  key: `k-${name}`, name, format: 'pmtiles', kind: 'raster', origin: 'device', bounds: [116.8, 36.7, 117.3, 37.0],
  minZoom: 8, maxZoom: 12, attribution: '© Bureau', vectorLayers: [],
});

describe('basemap slice', () => {
  it('a reading that succeeds draws the basemap, fully opaque and visible', () => {
    let slice = startBasemapReading(initialBasemapState(), 'city.pmtiles');
    expect(slice.reading).toBe('city.pmtiles');
    slice = basemapOpened(slice, read('city.pmtiles'));
    expect(slice.reading).toBeNull();
    expect(slice.current).toMatchObject({ name: 'city.pmtiles', opacity: 1, visible: true, key: 'k-city.pmtiles' });
  });

  it('a failed reading keeps the basemap drawn and says why', () => {
    const before = basemapOpened(initialBasemapState(), read('a.pmtiles'));
    const after = basemapReadingFailed(startBasemapReading(before, 'b.mbtiles'), 'not an MBTiles file');
    expect(after.current).toBe(before.current);
    expect(after.error).toBe('not an MBTiles file');
    expect(after.reading).toBeNull();
    expect(clearBasemapError(after).error).toBeNull();
    // the next reading clears the error
    expect(startBasemapReading(after, 'c.pmtiles').error).toBeNull();
  });

  it('a new basemap keeps the opacity of the one it replaces unless it brings its own', () => {
    const first = setBasemapOpacity(basemapOpened(initialBasemapState(), read('a')), 0.4);
    expect(basemapOpened(first, read('b')).current?.opacity).toBe(0.4);
    expect(basemapOpened(first, { ...read('b'), opacity: 0.7, visible: false }).current).toMatchObject({ opacity: 0.7, visible: false });
  });

  it('opacity is clamped to 0..1 and unchanged values keep the slice', () => {
    const slice = basemapOpened(initialBasemapState(), read('a'));
    expect(setBasemapOpacity(slice, 2).current?.opacity).toBe(1);
    expect(setBasemapOpacity(slice, -1).current?.opacity).toBe(0);
    expect(setBasemapOpacity(slice, Number.NaN).current?.opacity).toBe(1);
    expect(setBasemapOpacity(slice, 1)).toBe(slice);
    expect(setBasemapOpacity(initialBasemapState(), 0.5)).toEqual(initialBasemapState());
  });

  it('shows, hides and removes', () => {
    const slice = basemapOpened(initialBasemapState(), read('a'));
    const hidden = setBasemapVisible(slice, false);
    expect(hidden.current?.visible).toBe(false);
    expect(setBasemapVisible(hidden, false)).toBe(hidden);
    expect(removeBasemap(hidden).current).toBeNull();
    const empty = initialBasemapState();
    expect(removeBasemap(empty)).toBe(empty);
  });

  it('onBasemap lifts a slice action to the whole state, keeping the state when nothing changed', () => {
    const state = initialState('en');
    expect(state.basemap.current).toBeNull();
    const next = onBasemap(basemapOpened, read('a'))(state);
    expect(next.basemap.current?.name).toBe('a');
    expect(onBasemap(removeBasemap)(state)).toBe(state);
  });
});
