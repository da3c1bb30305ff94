/**
 * geodata/crossings.geojson: fields, counts and placement.
 * Reads only geodata/ (the committed generator outputs), never ../shared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString } from 'geojson';

const dir = resolve(__dirname, '../../geodata');
function load(name: string): FeatureCollection {
  return JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as FeatureCollection;
}

const crossings = load('crossings.geojson');
const context = load('context.geojson');
const yellow = context.features.find((f) => f.properties?.['id'] === 'ctx-river-yellow') as Feature<LineString> | undefined;

const STATUS = ['open', 'under-construction', 'planned'];



describe('crossings.geojson', () => {
  const props = crossings.features.map((f) => f.properties ?? {});

  it('holds the 21 crossings the documents count, numbered 1..21 once each', () => {
    expect(crossings.features).toHaveLength(21);
    expect(props.map((p) => p['number']).sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('has 9 open crossings (end-2023) and valid fields', () => {
    expect(props.filter((p) => p['status'] === 'open')).toHaveLength(9);
    for (const p of props) {
      expect(p['kind']).toBe('crossing');
      expect(['bridge', 'tunnel']).toContain(p['structure']);
      expect(['road', 'rail', 'metro', 'road-rail']).toContain(p['mode']);
      expect(STATUS).toContain(p['status']);
      for (const key of ['year_open', 'year_start']) {
        expect(p[key] === null || Number.isInteger(p[key]), `${p['id']}.${key}`).toBe(true);
      }
      expect(p['status'] === 'open' ? typeof p['year_open'] === 'number' : p['year_open'] === null, `${p['id']} year_open`).toBe(true);
    }
  });

  it('names the crossings the documents name', () => {
    const names = props.map((p) => String(p['name_zh']));
    for (const name of ['济泺路穿黄隧道', '凤凰黄河大桥', '泺口黄河铁路大桥', '黄岗路穿黄隧道', '航天大道穿黄隧道', '奥体西路穿黄隧道', '鹊山桥', '济南黄河大桥复线桥']) {
      expect(names.some((n) => n.includes(name)), name).toBe(true);
    }
    const byName = (n: string) => props.find((p) => String(p['name_zh']).includes(n))!;
    expect(byName('济泺路穿黄隧道')).toMatchObject({ structure: 'tunnel', status: 'open' });
    expect(byName('凤凰黄河大桥')).toMatchObject({ structure: 'bridge', status: 'open', year_open: 2022 });
    expect(byName('泺口黄河铁路大桥')).toMatchObject({ mode: 'rail', status: 'open', year_open: 1912 });
  });

  it('unnamed corridors are schematic', () => {
    for (const p of props.filter((q) => String(q['name_zh']).startsWith('规划过河通道'))) {
      expect(p['accuracy']).toBe('schematic');
      expect(p['status']).toBe('planned');
    }
  });

  it('every crossing is a 1.5-3.5 km LineString across the Yellow River line of context.geojson', () => {
    expect(yellow).toBeDefined();
    for (const f of crossings.features as Feature<LineString>[]) {
      expect(f.geometry.type).toBe('LineString');
      const km = turf.length(f);
      expect(km > 1.5 && km < 3.5, `${f.id}: ${km} km`).toBe(true);
      expect(turf.booleanIntersects(f, yellow!), `${f.id} crosses the river`).toBe(true);
      expect(turf.lineIntersect(f, yellow!).features.length, `${f.id}`).toBeGreaterThan(0);
    }
  });
});
