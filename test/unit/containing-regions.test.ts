import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import {
  containingRegions, lineTouchesRegion, pointInPolygonal, regionContents, representativePoint,
} from '../../src/core/context/containing-regions.ts';

const square = (west: number, south: number, size: number): Position[] =>
  [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]];

const feature = (id: string, geometry: Geometry, properties: Record<string, unknown> = {}): Feature =>
  ({ type: 'Feature', id, properties: { id, ...properties }, geometry });

const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

// A boundary 0..10, a cluster 1..4 (with a hole 2..3), a core 6..9, two subdistricts (west / east halves).
const layers = {
  boundary: collection(feature('boundary', { type: 'Polygon', coordinates: [square(0, 0, 10)] }, { kind: 'boundary' })),
  structure: collection(
    feature('axis', { type: 'LineString', coordinates: [[0, 0], [10, 10]] }, { kind: 'axis' }),
    feature('cluster-a', { type: 'Polygon', coordinates: [square(1, 1, 3), square(2, 2, 1).reverse()] }, { kind: 'cluster' }),
    feature('core-b', { type: 'Polygon', coordinates: [square(6, 6, 3)] }, { kind: 'core' }),
  ),
  subdistricts: collection(
    feature('sd-west', { type: 'Polygon', coordinates: [square(0, 0, 5).map(([x, y]) => [x, y * 2])] }, { kind: 'subdistrict' }),
    feature('sd-east', { type: 'Polygon', coordinates: [square(5, 0, 5).map(([x, y]) => [x, y * 2])] }, { kind: 'subdistrict' }),
  ),
};

const ids = (refs: { id: string }[]) => refs.map((ref) => ref.id);

describe('representativePoint', () => {
  it('is the point itself for a point, the midpoint for a line', () => {
    expect(representativePoint(feature('p', { type: 'Point', coordinates: [1.5, 2.5] }))).toEqual([1.5, 2.5]);
    const mid = representativePoint(feature('l', { type: 'LineString', coordinates: [[0, 0], [0, 1], [0, 3]] }))!;
    expect(mid[0]).toBeCloseTo(0, 9);
    expect(mid[1]).toBeCloseTo(1.5, 9);
  });

  it('is inside a concave polygon whose centroid lies outside it (a U shape)', () => {
    const u: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const point = representativePoint(feature('u', u))!;
    expect(pointInPolygonal(point, u)).toBe(true);
    // the bbox centre (1.5, 1.5) is in the notch, outside the shape
    expect(pointInPolygonal([1.5, 1.5], u)).toBe(false);
  });

  it('avoids a hole and uses the largest part of a multipolygon', () => {
    const holed = layers.structure.features[1];
    const point = representativePoint(holed)!;
    expect(pointInPolygonal(point, holed.geometry)).toBe(true);
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [[square(20, 20, 0.5)], [square(1, 1, 2)]] };
    const inMulti = representativePoint(feature('m', multi))!;
    expect(inMulti[0]).toBeGreaterThan(1);
    expect(inMulti[0]).toBeLessThan(3);
    expect(pointInPolygonal(inMulti, multi)).toBe(true);
  });

  it('is undefined without geometry', () => {
    expect(representativePoint({ type: 'Feature', properties: {}, geometry: null as unknown as Geometry })).toBeUndefined();
  });
});

describe('containingRegions', () => {
  it('finds the cluster, subdistrict and boundary of a point inside a cluster', () => {
    const where = containingRegions(feature('p', { type: 'Point', coordinates: [1.5, 3.5] }), layers);
    expect(ids(where.clusters)).toEqual(['cluster-a']);
    expect(where.clusters[0].layer).toBe('structure');
    expect(ids(where.cores)).toEqual([]);
    expect(ids(where.subdistricts)).toEqual(['sd-west']);
    expect(where.insideBoundary).toBe(true);
  });

  it('lists no cluster for a point in none (also not in a cluster hole), and sees points outside the boundary', () => {
    expect(ids(containingRegions(feature('p', { type: 'Point', coordinates: [5.5, 1] }), layers).clusters)).toEqual([]);
    expect(ids(containingRegions(feature('hole', { type: 'Point', coordinates: [2.5, 2.5] }), layers).clusters)).toEqual([]);
    const outside = containingRegions(feature('far', { type: 'Point', coordinates: [12, 12] }), layers);
    expect(outside.insideBoundary).toBe(false);
    expect(ids(outside.subdistricts)).toEqual([]);
  });

  it('tests a polygon at its representative point and a multipolygon at its largest part', () => {
    // a farmland polygon inside the core, reaching past its corner only slightly
    const farmland = feature('farm', { type: 'Polygon', coordinates: [square(6.5, 6.5, 2.6)] }, { class: 'farmland' });
    const where = containingRegions(farmland, layers);
    expect(ids(where.cores)).toEqual(['core-b']);
    expect(ids(where.subdistricts)).toEqual(['sd-east']);
    const multi = feature('multi', { type: 'MultiPolygon', coordinates: [[square(6.1, 0.1, 0.2)], [square(1.1, 1.1, 0.8)]] });
    expect(ids(containingRegions(multi, layers).clusters)).toEqual(['cluster-a']);
    expect(ids(containingRegions(multi, layers).subdistricts)).toEqual(['sd-west']);
  });

  it('uses the picked location when given (a multi-part feature clicked on a small part)', () => {
    const multi = feature('multi', { type: 'MultiPolygon', coordinates: [[square(6.1, 0.1, 0.2)], [square(1.1, 1.1, 0.8)]] });
    const where = containingRegions(multi, layers, [6.2, 0.2]);
    expect(where.point).toEqual([6.2, 0.2]);
    expect(ids(where.clusters)).toEqual([]);
    expect(ids(where.subdistricts)).toEqual(['sd-east']);
  });

  it('never lists a region as its own container; a line is tested at its midpoint', () => {
    const cluster = layers.structure.features[1];
    expect(ids(containingRegions(cluster, layers).clusters)).toEqual([]);
    expect(ids(containingRegions(cluster, layers).subdistricts)).toEqual(['sd-west']);
    const line = feature('road', { type: 'LineString', coordinates: [[6.5, 0.5], [6.5, 9.5]] });
    expect(ids(containingRegions(line, layers).subdistricts)).toEqual(['sd-east']);
    expect(ids(containingRegions(line, layers).cores)).toEqual([]);
  });
});

describe('regionContents', () => {
  const projects = collection(
    feature('p1', { type: 'Point', coordinates: [1.5, 1.5] }, { category: 'industry' }),
    feature('p2', { type: 'Point', coordinates: [3.5, 3.5] }, { category: 'industry' }),
    feature('p3', { type: 'Polygon', coordinates: [square(1.2, 3.2, 0.5)] }, { category: 'heritage' }),
    feature('p4', { type: 'Point', coordinates: [7, 7] }, { category: 'industry' }),
  );
  const crossings = collection(
    feature('x-through', { type: 'LineString', coordinates: [[0.5, 1.5], [5, 1.5]] }),
    feature('x-away', { type: 'LineString', coordinates: [[6, 0.5], [9, 0.5]] }),
  );

  it('counts projects by category and crossings that touch the region', () => {
    const contents = regionContents(layers.structure.features[1], { projects, crossings });
    expect(contents.projects.map((project) => project.properties?.id)).toEqual(['p1', 'p2', 'p3']);
    expect(contents.projectsByCategory).toEqual({ industry: 2, heritage: 1 });
    expect(contents.crossings.map((crossing) => crossing.properties?.id)).toEqual(['x-through']);
  });

  it('sees a line that crosses a region without a vertex inside it', () => {
    expect(lineTouchesRegion({ type: 'LineString', coordinates: [[0, 2], [10, 2]] }, layers.structure.features[2].geometry)).toBe(false);
    expect(lineTouchesRegion({ type: 'LineString', coordinates: [[0, 7], [10, 7]] }, layers.structure.features[2].geometry)).toBe(true);
  });
});

describe('on the plan geodata', () => {
  const load = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../geodata/${name}.geojson`), 'utf8')) as FeatureCollection;
  const data = { structure: load('structure'), subdistricts: load('subdistricts'), boundary: load('boundary'), projects: load('projects'), crossings: load('crossings') };

  it('places every cluster inside the boundary and in at least one subdistrict, and the airport in the airport cluster', () => {
    for (const cluster of data.structure.features.filter((item) => item.properties?.kind === 'cluster')) {
      const where = containingRegions(cluster, data);
      expect(where.insideBoundary, String(cluster.properties?.id)).toBe(true);
      expect(where.subdistricts.length, String(cluster.properties?.id)).toBeGreaterThan(0);
    }
    // (BYD's site is known only to its subdistrict, so it is no longer a point; the airport's is, to ±1.5 km)
    const airport = data.projects.features.find((item) => item.properties?.id === 'p-airport')!;
    expect(ids(containingRegions(airport, data).clusters)).toEqual(['cluster-airport']);
    const cluster = data.structure.features.find((item) => item.properties?.id === 'cluster-airport')!;
    expect(regionContents(cluster, data).projects.map((project) => project.properties?.id)).toContain('p-airport');
  });
});
