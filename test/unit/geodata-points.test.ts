/**
 * geodata/context.geojson and the rules shared by the point and line layers.
 * Reads only geodata/ (the committed outputs of scripts/geodata/build-points.ts), never ../shared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';

const dir = resolve(__dirname, '../../geodata');
function load(name: string): FeatureCollection {
  return JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as FeatureCollection;
}

const crossings = load('crossings.geojson');
const projects = load('projects.geojson');
const context = load('context.geojson');
const boundary = load('boundary.geojson').features[0] as Feature<Polygon | MultiPolygon>;

const ACCURACY = ['traced', 'schematic', 'point-approx'];

function allPositions(value: unknown): Position[] {
  if (Array.isArray(value) && typeof value[0] === 'number') return [value as Position];
  return Array.isArray(value) ? value.flatMap(allPositions) : [];
}

describe.each([
  ['crossings.geojson', crossings],
  ['projects.geojson', projects],
  ['context.geojson', context],
])('%s: common rules', (_name, fc) => {
  it('is a FeatureCollection without crs', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc).not.toHaveProperty('crs');
    expect(fc.features.length).toBeGreaterThan(0);
  });

  it('every feature has id (= feature.id), names, kind, source and accuracy', () => {
    for (const f of fc.features) {
      const p = f.properties ?? {};
      expect(typeof p['id'], JSON.stringify(p)).toBe('string');
      expect(f.id).toBe(p['id']);
      for (const key of ['name_zh', 'name_en', 'kind', 'source']) {
        expect(typeof p[key] === 'string' && p[key].length > 0, `${p['id']}.${key}`).toBe(true);
      }
      expect(ACCURACY, `${p['id']}.accuracy`).toContain(p['accuracy']);
    }
  });

  it('coordinates are WGS84 lon/lat near Jinan, rounded to 5 decimals', () => {
    for (const f of fc.features) {
      for (const [lon, lat] of allPositions((f.geometry as Point).coordinates)) {
        expect(lon! > 116 && lon! < 118 && lat! > 36 && lat! < 38, `${f.id}: ${lon},${lat}`).toBe(true);
        expect(Math.round(lon! * 1e5) / 1e5).toBe(lon);
        expect(Math.round(lat! * 1e5) / 1e5).toBe(lat);
      }
    }
  });
});

describe('ids', () => {
  it('are unique across the three files', () => {
    const ids = [...crossings.features, ...projects.features, ...context.features].map((f) => f.properties?.['id']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});


describe('context.geojson', () => {
  it('says how every position is known and its error, in both languages', () => {
    for (const f of context.features) {
      const p = f.properties ?? {};
      expect(typeof p['position_source'] === 'string' && p['position_source'].length > 10, String(f.id)).toBe(true);
      expect(typeof p['position_source_zh'] === 'string' && p['position_source_zh'].length > 4, String(f.id)).toBe(true);
      expect(p['position_accuracy_m'], String(f.id)).toBeGreaterThan(0);
    }
  });

  const byKind = (k: string) => context.features.filter((f) => f.properties?.['kind'] === k);

  it('has the city, the four historic nodes of the axis, both rivers and place labels', () => {
    expect(byKind('city')).toHaveLength(1);
    expect(byKind('city')[0]!.geometry.type).toMatch(/Polygon$/);
    const nodes = byKind('historic-node').map((f) => f.properties?.['name_zh']);
    for (const n of ['千佛山', '趵突泉', '大明湖', '明府城']) expect(nodes).toContain(n);
    const rivers = byKind('river').map((f) => f.properties?.['name_zh']);
    expect(rivers).toEqual(expect.arrayContaining(['黄河', '徒骇河']));
    expect(byKind('river').every((f) => f.properties?.['accuracy'] === 'traced')).toBe(true);
    expect(byKind('place').length).toBeGreaterThanOrEqual(3);
  });

  it('the city lies south of the Start-up Area and does not overlap it', () => {
    const city = byKind('city')[0] as Feature<Polygon | MultiPolygon>;
    const overlap = turf.intersect(turf.featureCollection([city, boundary]));
    expect(overlap === null ? 0 : turf.area(overlap)).toBeLessThan(1e6);
  });

  it('polygons have closed, counter-clockwise outer rings (RFC 7946)', () => {
    for (const f of byKind('city')) {
      const polys = f.geometry.type === 'Polygon' ? [(f.geometry as Polygon).coordinates] : (f.geometry as MultiPolygon).coordinates;
      for (const rings of polys) {
        rings.forEach((ring, i) => {
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(turf.booleanClockwise(ring), `ring ${i}`).toBe(i > 0);
        });
      }
    }
  });

  it('points outside the boundary say so', () => {
    for (const f of context.features.filter((g) => g.geometry.type === 'Point')) {
      const inside = turf.booleanPointInPolygon(f.geometry as Point, boundary);
      expect(f.properties?.['outside'] === true, `${f.id}`).toBe(!inside);
    }
  });
});
