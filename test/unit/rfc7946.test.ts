import { describe, expect, it } from 'vitest';
import { checkRfc7946, ringSignedArea2, type Rfc7946Reason } from '../../src/core/geojson/rfc7946';

const ccw = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const cw = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
const holeCw = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]];
const holeCcw = holeCw.slice().reverse();
const fc = (...geoms: unknown[]) => ({
  type: 'FeatureCollection',
  features: geoms.map((geometry, i) => ({ type: 'Feature', id: i, properties: {}, geometry })),
});
const reasons = (obj: unknown): Rfc7946Reason[] => checkRfc7946(obj).map((i) => i.reason);

describe('checkRfc7946', () => {
  it('accepts a conforming collection (polygon with hole, lines, points, null geometry, flat GeometryCollection)', () => {
    const ok = fc(
      { type: 'Polygon', coordinates: [ccw, holeCw] },
      { type: 'MultiPolygon', coordinates: [[ccw]] },
      { type: 'LineString', coordinates: [[180, 90], [-180, -90]] },
      { type: 'Point', coordinates: [117.0, 36.8, 12] },
      null,
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] },
    );
    expect(checkRfc7946(ok)).toEqual([]);
  });

  it('flags a crs member at any level', () => {
    const bad = { ...fc({ type: 'Point', coordinates: [0, 0] }), crs: { type: 'name', properties: { name: 'EPSG:4326' } } };
    expect(checkRfc7946(bad)).toEqual([expect.objectContaining({ path: 'crs', reason: 'crs-member' })]);
    const inFeature = { type: 'Feature', properties: {}, crs: {}, geometry: { type: 'Point', coordinates: [0, 0] } };
    expect(reasons(inFeature)).toEqual(['crs-member']);
  });

  it('flags longitude and latitude out of range (e.g. swapped or projected coordinates)', () => {
    const issues = checkRfc7946(fc({ type: 'Point', coordinates: [181, 0] }, { type: 'Point', coordinates: [0, -90.5] }));
    expect(issues).toEqual([
      expect.objectContaining({ featureIndex: 0, path: 'features[0].geometry.coordinates', reason: 'lon-range' }),
      expect.objectContaining({ featureIndex: 1, path: 'features[1].geometry.coordinates', reason: 'lat-range' }),
    ]);
    expect(reasons({ type: 'Point', coordinates: [13000000, 4400000] })).toEqual(['lon-range', 'lat-range']);
  });

  it('flags malformed positions', () => {
    expect(reasons({ type: 'Point', coordinates: [1] })).toEqual(['bad-position']);
    expect(reasons({ type: 'LineString', coordinates: [[0, 0], [Number.NaN, 1]] })).toEqual(['bad-position']);
    expect(reasons({ type: 'LineString', coordinates: [[0, 0], ['1', 1]] })).toEqual(['bad-position']);
  });

  it('flags rings that are not closed or too short, and lines too short', () => {
    expect(checkRfc7946({ type: 'Polygon', coordinates: [ccw.slice(0, 4)] })).toEqual([
      expect.objectContaining({ path: 'coordinates[0]', reason: 'ring-not-closed' }),
    ]);
    expect(reasons({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toEqual(['ring-too-short']);
    expect(reasons({ type: 'LineString', coordinates: [[0, 0]] })).toEqual(['line-too-short']);
  });

  it('flags right-hand-rule violations: clockwise exterior, counter-clockwise hole, zero-area ring', () => {
    expect(checkRfc7946(fc({ type: 'Polygon', coordinates: [cw] }))).toEqual([
      expect.objectContaining({ featureIndex: 0, path: 'features[0].geometry.coordinates[0]', reason: 'winding' }),
    ]);
    expect(checkRfc7946({ type: 'MultiPolygon', coordinates: [[ccw], [ccw, holeCcw]] })).toEqual([
      expect.objectContaining({ path: 'coordinates[1][1]', reason: 'winding' }),
    ]);
    expect(reasons({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] })).toEqual(['winding']);
    expect(checkRfc7946({ type: 'Polygon', coordinates: [cw] }, { winding: false })).toEqual([]);
  });

  it('flags nested GeometryCollections', () => {
    const nested = { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [] }] };
    expect(checkRfc7946(nested)).toEqual([expect.objectContaining({ path: 'geometries[0]', reason: 'nested-geometry-collection' })]);
  });

  it('reports structural problems instead of throwing', () => {
    expect(reasons(null)).toEqual(['structure']);
    expect(reasons('{"type":"Point"}')).toEqual(['structure']);
    expect(reasons({ type: 'FeatureCollection' })).toEqual(['structure']);
    expect(reasons({ type: 'Circle', coordinates: [0, 0] })).toEqual(['structure']);
    expect(reasons({ type: 'Polygon' })).toEqual(['structure']);
    expect(reasons({ type: 'Feature', properties: {} })).toEqual(['structure']);
    expect(reasons(fc({ type: 'Polygon', coordinates: [] }))).toEqual(['structure']);
  });

  it('caps the number of issues', () => {
    const many = { type: 'MultiPoint', coordinates: Array.from({ length: 50 }, () => [500, 0]) };
    expect(checkRfc7946(many, { maxIssues: 10 })).toHaveLength(10);
  });

  it('computes the signed ring area (positive = counter-clockwise)', () => {
    expect(ringSignedArea2(ccw)).toBe(2);
    expect(ringSignedArea2(cw)).toBe(-2);
  });
});
