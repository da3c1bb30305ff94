import { describe, expect, it } from 'vitest';
import { isLandUseDrop } from '../../src/data/landuse/dropped-files.ts';

describe('files dropped on the map', () => {
  it('are a land-use layer when they are a zipped Shapefile or its parts, in any case', () => {
    expect(isLandUseDrop(['用地现状.zip'])).toBe(true);
    expect(isLandUseDrop(['YDYH.SHP', 'YDYH.DBF', 'YDYH.SHX', 'YDYH.PRJ'])).toBe(true);
    expect(isLandUseDrop(['parcels.dbf'])).toBe(true);
  });

  it('are a GeoJSON import otherwise', () => {
    expect(isLandUseDrop(['plan.geojson'])).toBe(false);
    expect(isLandUseDrop(['notes.json'])).toBe(false);
    expect(isLandUseDrop(['archive.zip.txt'])).toBe(false);
    expect(isLandUseDrop([])).toBe(false);
  });
});
