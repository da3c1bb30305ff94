/**
 * geodata/crossings.geojson: the Yellow River crossings the documents count (seed 004: 21 planned, 9 open by
 * end-2023), each located crossing with the source and error of its position, the rest listed as unlocated.
 * Reads only geodata/ (the committed generator outputs), never ../shared.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { validateLayerProperties } from '../../src/data/layer-schema';

const dir = resolve(__dirname, '../../geodata');
function load<T = FeatureCollection>(name: string): T {
  return JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as T;
}

interface Unlocated {
  number: number;
  id: string;
  name_zh: string;
  name_en: string;
  status: string;
  status_date: string;
  year_open: number | null;
  open_end_2023: boolean;
  reason_en: string;
  reason_zh: string;
  source: string;
}

const crossings = load<FeatureCollection & { unlocated?: Unlocated[] }>('crossings.geojson');
const unlocated = crossings.unlocated ?? [];
const boundary = load('boundary.geojson').features[0] as Feature<Polygon | MultiPolygon>;
const yellow = load('context.geojson').features.find((f) => f.properties?.['id'] === 'ctx-river-yellow') as Feature<LineString> | undefined;

/** The documents' figures (seed 004): crossings planned between the area and the city, and open by end-2023. */
const DOCUMENTS_TOTAL = 21;
const DOCUMENTS_OPEN_END_2023 = 9;
const STATUS = ['open', 'under-construction', 'planned'];

const props = crossings.features.map((f) => f.properties ?? {});
const byName = (n: string) => crossings.features.find((f) => String(f.properties?.['name_zh']).includes(n));

function isCalendarDate(s: unknown): boolean {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getTime() <= Date.now();
}

/** Distance in km from a position to the area: 0 inside, else to the nearest edge. */
function kmToArea(p: Position): number {
  if (turf.booleanPointInPolygon(p, boundary)) return 0;
  const edges = turf.flatten(turf.polygonToLine(boundary) as Feature<LineString>).features;
  return Math.min(...edges.map((e) => turf.pointToLineDistance(p, e)));
}

describe('crossings.geojson', () => {
  it('passes its layer property schema', () => {
    expect(validateLayerProperties('crossings', crossings)).toEqual([]);
  });

  it('lists as many crossings (located + unlocated) as the documents count, numbered 1..21 once each', () => {
    expect(crossings.features.length + unlocated.length).toBe(DOCUMENTS_TOTAL);
    const numbers = [...props.map((p) => p['number'] as number), ...unlocated.map((u) => u.number)].sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: DOCUMENTS_TOTAL }, (_, i) => i + 1));
    const ids = [...props.map((p) => p['id']), ...unlocated.map((u) => u.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('numbers open crossings first, then under construction, then planned', () => {
    const all = [...props.map((p) => ({ n: p['number'] as number, s: String(p['status']) })), ...unlocated.map((u) => ({ n: u.number, s: u.status }))]
      .sort((a, b) => a.n - b.n)
      .map((x) => STATUS.indexOf(x.s));
    expect(all.every((s, i) => s >= 0 && (i === 0 || s >= all[i - 1]!))).toBe(true);
  });

  it('has exactly the documents\' 9 crossings open by end-2023 (open with year_open ≤ 2023, plus the unidentified ones)', () => {
    const located = props.filter((p) => p['status'] === 'open' && typeof p['year_open'] === 'number' && p['year_open'] <= 2023);
    const listed = unlocated.filter((u) => u.status === 'open' && u.open_end_2023);
    expect(located.length + listed.length).toBe(DOCUMENTS_OPEN_END_2023);
    // the flag agrees with status and year everywhere
    for (const p of props) {
      const open2023 = p['status'] === 'open' && typeof p['year_open'] === 'number' && p['year_open'] <= 2023;
      expect(p['open_end_2023'], String(p['id'])).toBe(open2023);
    }
    // the two the documents name as newly opened are among them
    expect(located.map((p) => p['id'])).toEqual(expect.arrayContaining(['x-04-jiluo-tunnel', 'x-08-fenghuang']));
  });

  it('gives every located crossing the source and error of its position, and a dated status', () => {
    for (const p of props) {
      const id = String(p['id']);
      expect(typeof p['position_source'] === 'string' && p['position_source'].length > 20, `${id} position_source`).toBe(true);
      expect(typeof p['position_source_zh'] === 'string' && /[\u4e00-\u9fff]/.test(p['position_source_zh']), `${id} position_source_zh`).toBe(true);
      expect(typeof p['position_accuracy_m'] === 'number' && p['position_accuracy_m'] > 0, `${id} position_accuracy_m`).toBe(true);
      expect(isCalendarDate(p['status_date']), `${id} status_date ${String(p['status_date'])}`).toBe(true);
      expect(['bridge', 'tunnel']).toContain(p['structure']);
      expect(['road', 'rail', 'metro', 'road-rail']).toContain(p['mode']);
      expect(STATUS).toContain(p['status']);
      expect(p['status'] === 'open' ? typeof p['year_open'] === 'number' : p['year_open'] === null, `${id} year_open`).toBe(true);
      for (const key of ['north_zh', 'south_zh', 'source']) expect(String(p[key] ?? '').length, `${id} ${key}`).toBeGreaterThan(0);
    }
  });

  it('lists each unlocated crossing with its status, date, reasons in both languages and source', () => {
    for (const u of unlocated) {
      expect(STATUS, u.id).toContain(u.status);
      expect(isCalendarDate(u.status_date), `${u.id} status_date`).toBe(true);
      expect(u.reason_en.length, u.id).toBeGreaterThan(40);
      expect(/[\u4e00-\u9fff]/.test(u.reason_zh), u.id).toBe(true);
      expect(u.source).toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    }
  });

  it('names the crossings the documents name (located or listed)', () => {
    const names = [...props.map((p) => String(p['name_zh'])), ...unlocated.map((u) => u.name_zh)];
    for (const name of ['济泺路穿黄隧道', '凤凰黄河大桥', '泺口黄河铁路大桥', '济泺路穿黄北延隧道', '黄岗路穿黄隧道', '济南黄河大桥复线桥', '航天大道穿黄隧道', '奥体西路穿黄隧道', '鹊山桥']) {
      expect(names.some((n) => n.includes(name)), name).toBe(true);
    }
    expect(byName('济泺路穿黄隧道')?.properties).toMatchObject({ structure: 'tunnel', status: 'open', year_open: 2021 });
    expect(byName('凤凰黄河大桥')?.properties).toMatchObject({ structure: 'bridge', status: 'open', year_open: 2022 });
    expect(byName('泺口黄河铁路大桥')?.properties).toMatchObject({ mode: 'rail', status: 'open', year_open: 1912 });
  });

  it('includes the G20 expressway bridge and leaves out crossings with both ends outside the area', () => {
    expect(byName('青银高速')?.properties).toMatchObject({ status: 'open', structure: 'bridge' });
    expect(props.some((p) => String(p['name_zh']).includes('京沪高铁'))).toBe(false);
  });

  it('puts every located crossing within 1 km of the Start-up Area', () => {
    for (const f of crossings.features) {
      const positions = turf.coordAll(f);
      const km = Math.min(...positions.map(kmToArea));
      expect(km, `${String(f.id)}: ${km.toFixed(2)} km`).toBeLessThanOrEqual(1);
    }
  });

  it('draws indicative crossings as Points on the river and alignments as LineStrings across it', () => {
    expect(yellow).toBeDefined();
    for (const f of crossings.features) {
      const p = f.properties ?? {};
      if (p['position_kind'] === 'alignment') {
        expect(f.geometry.type, String(f.id)).toBe('LineString');
        expect(turf.lineIntersect(f as Feature<LineString>, yellow!).features.length, `${String(f.id)} crosses the river`).toBeGreaterThan(0);
      } else {
        expect(p['position_kind'], String(f.id)).toBe('indicative');
        expect(f.geometry.type, String(f.id)).toBe('Point');
        if (p['crosses_river'] === false) continue;
        // the marker sits on the river, within its own stated error of the river line
        const km = turf.pointToLineDistance(f as Feature<Point>, yellow!);
        expect(km * 1000, `${String(f.id)}: ${(km * 1000).toFixed(0)} m from the river`).toBeLessThanOrEqual(Number(p['position_accuracy_m']));
      }
    }
  });

  it('keeps the ids other modules refer to', () => {
    const ids = props.map((p) => p['id']);
    expect(ids).toEqual(expect.arrayContaining(['x-04-jiluo-tunnel', 'x-08-fenghuang', 'x-05-luokou-rail']));
  });
});
