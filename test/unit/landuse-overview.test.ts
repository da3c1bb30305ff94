import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { overviewGrid } from '../../src/core/landuse/overview-grid.ts';

const square = (x: number, y: number, colour: string): Feature<Polygon, { colour: string }> => ({
  type: 'Feature', properties: { colour },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.0005, y], [x + 0.0005, y + 0.0005], [x, y + 0.0005], [x, y]]] },
});

describe('overview grid for small scales', () => {
  it('one cell per occupied square, in the colour most of its parcels have, counting them', () => {
    // Three parcels in the middle of one 0.01° cell, one far away.
    const parcels = [square(117.008, 36.803, '#F5F8DC'), square(117.009, 36.805, '#F5F8DC'), square(117.01, 36.804, '#FF0000'), square(117.05, 36.853, '#FF0000')];
    const grid = overviewGrid(parcels, 0.01);
    expect(grid.features).toHaveLength(2);
    const [near, far] = [...grid.features].sort((a, b) => a.geometry.coordinates[0][0][0] - b.geometry.coordinates[0][0][0]);
    expect(near.properties).toEqual({ colour: '#F5F8DC', parcels: 3 });
    expect(far.properties).toEqual({ colour: '#FF0000', parcels: 1 });
    // Cells are about square on the ground: wider in degrees of longitude than of latitude at 36.8° N.
    const [[w, s], [e], , [, n]] = near.geometry.coordinates[0];
    expect((e - w) / (n - s)).toBeCloseTo(1 / Math.cos((36.8 * Math.PI) / 180), 1);
  });

  it('no parcels, no cells', () => {
    expect(overviewGrid([], 0.0025).features).toEqual([]);
  });
});
