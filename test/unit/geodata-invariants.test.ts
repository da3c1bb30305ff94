/**
 * Invariants of the built-in layers, as general rules over every file in geodata/ (not a list of known cases):
 *  - a thing named alike in two layers is linked (`same_as`: the same thing; `within`: a point in a larger outline);
 *  - a point lies inside its own outline (a feature it names in `same_as` or `within`);
 *  - a real-world thing drawn or listed in two layers has one status and one status date there;
 *  - no two points share a position that no record gives them both;
 *  - a subdistrict's seat, where the facts give a position, lies in that subdistrict;
 *  - every status carries a real date (`status_date`), in features and in `unlocated` lists alike.
 * Reads only geodata/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

type Area = Feature<Polygon | MultiPolygon>;
type Props = Record<string, unknown>;
interface Item {
  layer: string;
  props: Props;
  feature: Feature | null;
}

const DIR = resolve(__dirname, '../../geodata');
const layers = readdirSync(DIR).filter((n) => n.endsWith('.geojson')).sort();
const collections = new Map(layers.map((n) => [n.replace(/\.geojson$/, ''), JSON.parse(readFileSync(resolve(DIR, n), 'utf8')) as FeatureCollection & Record<string, unknown>]));

/** Every feature and every listed-without-position item of every layer. */
const items: Item[] = [...collections].flatMap(([layer, fc]) => [
  ...fc.features.map((f) => ({ layer, props: (f.properties ?? {}) as Props, feature: f as Feature })),
  ...(['unlocated', 'in_subdistrict'] as const).flatMap((member) =>
    Array.isArray(fc[member]) ? (fc[member] as Props[]).map((props) => ({ layer, props, feature: null })) : []),
]);
const byId = new Map(items.map((i) => [String(i.props['id']), i]));

const isArea = (f: Feature | null): f is Area => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon';
const list = (p: Props, key: string): string[] => (Array.isArray(p[key]) ? (p[key] as unknown[]).map(String) : []);
const sameAs = (p: Props): string[] => list(p, 'same_as');
const links = (p: Props): string[] => [...sameAs(p), ...list(p, 'within')];

/** The names a feature goes by: its Chinese name, without a leading 济南 and with any bracketed part as a second name. */
function names(p: Props): string[] {
  const raw = String(p['name_zh'] ?? '');
  const out = new Set<string>();
  const strip = (s: string): string => s.replace(/^济南(市)?/, '').trim();
  const outer = raw.replace(/[（(][^）)]*[）)]/g, '');
  out.add(strip(outer));
  for (const m of raw.matchAll(/[（(]([^）)]*)[）)]/g)) out.add(strip(m[1]!));
  return [...out].filter((n) => n.length >= 4);
}

function isCalendarDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  return new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
}

describe('geodata invariants', () => {
  it('every same_as / within link names an existing item of another layer; same_as links both ways', () => {
    for (const i of items) {
      for (const id of links(i.props)) {
        const other = byId.get(id);
        expect(other, `${String(i.props['id'])} → ${id}`).toBeDefined();
        expect(other!.layer, `${String(i.props['id'])} → ${id}`).not.toBe(i.layer);
      }
      for (const id of sameAs(i.props)) expect(sameAs(byId.get(id)!.props), `${id} links back to ${String(i.props['id'])}`).toContain(String(i.props['id']));
    }
  });

  it('a thing named alike in two layers is linked to its other drawing', () => {
    let named = 0;
    for (const [k, a] of items.entries()) {
      for (const b of items.slice(k + 1)) {
        if (a.layer === b.layer || !names(a.props).some((n) => names(b.props).includes(n))) continue;
        named += 1;
        const ab = links(a.props).includes(String(b.props['id'])) || links(b.props).includes(String(a.props['id']));
        expect(ab, `${String(a.props['id'])} (${a.layer}) and ${String(b.props['id'])} (${b.layer}) share a name: link them`).toBe(true);
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  it('a point lies inside its own outline (same_as or within)', () => {
    const points = items.filter((i) => i.feature?.geometry?.type === 'Point');
    let checked = 0;
    for (const pt of points) {
      const own = links(pt.props).map((id) => byId.get(id)).filter((o): o is Item => isArea(o?.feature ?? null));
      for (const o of own) {
        const at = (pt.feature!.geometry as { coordinates: Position }).coordinates;
        const metres = turf.booleanPointInPolygon(at, o.feature as Area) ? 0
          : turf.pointToPolygonDistance(at, o.feature as Area, { units: 'meters' });
        expect(metres, `${String(pt.props['id'])} lies ${metres.toFixed(0)} m outside its outline ${String(o.props['id'])}`).toBe(0);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a thing drawn or listed in two layers has one status and one status date', () => {
    let pairs = 0;
    for (const i of items) {
      for (const id of sameAs(i.props)) {
        const o = byId.get(id);
        if (!o || !('status' in i.props) || !('status' in o.props)) continue;
        const who = `${String(i.props['id'])} / ${id}`;
        expect(o.props['status'], who).toBe(i.props['status']);
        expect(o.props['status_date'], who).toBe(i.props['status_date']);
        pairs += 1;
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('no two points share a position unless they draw one thing (same_as) or one record gives it to both', () => {
    const groups = new Map<string, Item[]>();
    for (const i of items) {
      if (i.feature?.geometry?.type !== 'Point') continue;
      const key = (i.feature.geometry.coordinates as Position).join(',');
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      const ids = group.map((i) => String(i.props['id']));
      const oneThing = group.every((i) => ids.every((id) => id === String(i.props['id']) || sameAs(i.props).includes(id)));
      const facts = new Set(group.map((i) => i.props['position_fact'] ?? null));
      const oneRecord = facts.size === 1 && [...facts][0] !== null;
      expect(oneThing || oneRecord, `${key} is shared by ${ids.join(', ')}`).toBe(true);
    }
  });

  it("a subdistrict's seat, where its position is given, lies in the subdistrict", () => {
    const sds = collections.get('subdistricts')!.features;
    let seats = 0;
    for (const f of sds) {
      const seat = f.properties?.['seat_position'] as Position | null | undefined;
      if (!seat) continue;
      seats += 1;
      expect(turf.booleanPointInPolygon(seat, f as Area), `${String(f.properties?.['id'])}: seat ${seat.join(', ')}`).toBe(true);
    }
    expect(seats).toBeGreaterThan(0);
  });

  it('every status carries the date of its record (features and lists alike)', () => {
    let statuses = 0;
    for (const i of items) {
      if (i.props['status'] === undefined || i.props['status'] === null) continue;
      statuses += 1;
      expect(isCalendarDate(i.props['status_date']), `${i.layer}: ${String(i.props['id'])} status_date ${String(i.props['status_date'])}`).toBe(true);
    }
    expect(statuses).toBeGreaterThan(0);
  });
});
