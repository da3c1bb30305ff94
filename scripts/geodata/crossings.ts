/**
 * Builds geodata/crossings.geojson from scripts/geodata/facts/crossings.json.
 *
 *   npx tsx scripts/geodata/crossings.ts
 *
 * The facts file holds every researched statement with its record; this script only resolves each crossing's
 * position anchor against the reference geometry and writes the layer:
 *   - `coordinate`      a published coordinate (encyclopaedia infobox), used as is;
 *   - `river-nearest`   the point of the Yellow River line nearest a published coordinate (WGS84, or GCJ-02
 *                       converted with src/core/import/china-offset.ts);
 *   - `river-between`   the middle of the river reach between two meridians (a reach taken from the reference
 *                       districts); the stated accuracy must cover at least half the reach, or the script stops;
 *   - `offset-from`     a distance and bearing from another crossing's resolved point;
 *   - `downstream-of`   a distance downstream along the river from another crossing's resolved point.
 * No position is published as an alignment, so every located crossing is a Point with `position_kind:
 * "indicative"`. Crossings the documents count but whose site is not public go to the foreign member
 * `unlocated` (RFC 7946 §6.1), so features + unlocated = the documents' total.
 *
 * The river line is `ctx-river-yellow` of geodata/context.geojson (the traced reference centreline); reads
 * geodata/boundary.geojson to report crossings more than 1 km from the Start-up Area.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { GEODATA, REF_DISTRICTS, REF_POI, REF_RIVERS, readFacts, readGeodata, riverLine, round5 } from './common.ts';
import { gcj02ToWgs84 } from '../../src/core/import/china-offset.ts';

type Status = 'open' | 'under-construction' | 'planned';

type Anchor =
  | { kind: 'coordinate'; lonlat: Position }
  | { kind: 'river-nearest'; lonlat?: Position; lonlat_gcj02?: Position }
  | { kind: 'river-between'; west_lon: number; east_lon: number }
  | { kind: 'offset-from'; from: string; bearing_deg: number; distance_km: number }
  | { kind: 'downstream-of'; from: string; distance_km: number };

interface RecordFact {
  title: string;
  publisher?: string;
  url: string | null;
  date: string | null;
  file?: string;
  via?: string;
  says: string;
}

interface CrossingFact {
  id: string;
  name_zh: string;
  name_en: string;
  structure: 'bridge' | 'tunnel';
  mode: 'road' | 'rail' | 'metro' | 'road-rail';
  mode_note?: string;
  identification_note?: string;
  crosses_river?: boolean;
  crosses_river_note?: string;
  /** ids of the same crossing in other layers (e.g. the projects layer): one status there */
  same_as?: string[];
  status: Status;
  status_date: string;
  year_open: number | null;
  year_open_basis: 'exact' | 'by' | 'planned-date' | null;
  year_open_note?: string;
  year_start: number | null;
  year_start_note?: string;
  north_zh: string;
  north_en: string;
  south_zh: string;
  south_en: string;
  open_end_2023: boolean;
  in_documents: 'named' | 'counted';
  seeds: string[];
  refs: string[];
  anchor: Anchor;
  position_accuracy_m: number;
  position_source: string;
  position_source_zh: string;
}

interface UnlocatedFact {
  id: string;
  name_zh: string;
  name_en: string;
  status: Status;
  status_date: string;
  year_open: number | null;
  open_end_2023: boolean;
  structure?: 'bridge' | 'tunnel';
  mode?: 'road' | 'rail' | 'metro' | 'road-rail';
  year_start?: number;
  seeds: string[];
  refs: string[];
  reason_en: string;
  reason_zh: string;
}

interface CrossingFacts {
  documents: { total: number; open_end_2023: number; seed: string; says_en: string; says_zh: string; status_date: string };
  records: Record<string, RecordFact>;
  crossings: CrossingFact[];
  unlocated: UnlocatedFact[];
}

const facts = readFacts<CrossingFacts>('crossings.json');

const REF_DISTRICTS_GCJ = 'reference/jinan-districts-gcj02.geojson';
const STATUS_ORDER: Status[] = ['open', 'under-construction', 'planned'];

// ---------------------------------------------------------------------------------------------------------
// inputs
// ---------------------------------------------------------------------------------------------------------

const context = readGeodata('context.geojson');
const riverFeature = context.features.find((f) => f.properties?.['id'] === 'ctx-river-yellow');
if (!riverFeature || riverFeature.geometry.type !== 'LineString') throw new Error('geodata/context.geojson: ctx-river-yellow LineString missing');
const river = riverFeature as Feature<LineString>;
const riverKm = turf.length(river);

// The NGCC bank lines (reference): a point on the river is put mid-way between them, in the channel, because the
// GSHHG centreline strays up to ~1 km from the banks (e.g. south of the south-bank 百里黄河 park near 116.95 E).
const banks = [riverLine('bank-0'), riverLine('bank-1')];

/** The middle of the channel abreast of `p`: the midpoint of the nearest points on the two bank lines. */
function channel(p: Position): Position {
  const [a, b] = banks.map((bank) => turf.nearestPointOnLine(bank, p).geometry.coordinates) as [Position, Position];
  return turf.midpoint(a, b).geometry.coordinates;
}

const boundaryPath = path.join(GEODATA, 'boundary.geojson');
const boundary = fs.existsSync(boundaryPath)
  ? (readGeodata('boundary.geojson').features[0] as Feature<Polygon | MultiPolygon>)
  : null;

for (const c of facts.crossings) {
  for (const key of c.refs) if (!facts.records[key]) throw new Error(`${c.id}: record "${key}" not in facts.records`);
}
for (const u of facts.unlocated) {
  for (const key of u.refs) if (!facts.records[key]) throw new Error(`${u.id}: record "${key}" not in facts.records`);
}

// ---------------------------------------------------------------------------------------------------------
// anchors
// ---------------------------------------------------------------------------------------------------------

/** Distance (km) along the river line of the point nearest `p`. */
function along(p: Position): number {
  return turf.nearestPointOnLine(river, p).properties.location ?? 0;
}

/** Where the river line first crosses the meridian `lon` (km along the line). */
function alongAtMeridian(lon: number): number {
  const meridian = turf.lineString([[lon, 36.4], [lon, 37.3]]);
  const hits = turf.lineIntersect(river, meridian).features.map((f) => along(f.geometry.coordinates));
  if (!hits.length) throw new Error(`the river line does not cross ${lon} E`);
  return Math.min(...hits);
}

function pointAlong(km: number): Position {
  return turf.along(river, Math.max(0, Math.min(riverKm, km))).geometry.coordinates;
}

/** Bearing of the river's flow at `km` (the line runs downstream, west to east). */
function flowBearing(km: number): number {
  return turf.bearing(pointAlong(km - 0.3), pointAlong(km + 0.3));
}

const resolved = new Map<string, Position>();

function resolve(c: CrossingFact): Position {
  const a = c.anchor;
  switch (a.kind) {
    case 'coordinate':
      return a.lonlat;
    case 'river-nearest': {
      const p = a.lonlat ?? (a.lonlat_gcj02 ? gcj02ToWgs84(a.lonlat_gcj02) : null);
      if (!p) throw new Error(`${c.id}: river-nearest needs lonlat or lonlat_gcj02`);
      return channel(turf.nearestPointOnLine(river, p).geometry.coordinates);
    }
    case 'river-between': {
      const from = alongAtMeridian(a.west_lon);
      const to = alongAtMeridian(a.east_lon);
      const halfReachM = (Math.abs(to - from) / 2) * 1000;
      if (c.position_accuracy_m < halfReachM) {
        throw new Error(`${c.id}: accuracy ${c.position_accuracy_m} m is smaller than half the reach (${halfReachM.toFixed(0)} m)`);
      }
      return channel(pointAlong((from + to) / 2));
    }
    case 'offset-from': {
      const base = resolved.get(a.from);
      if (!base) throw new Error(`${c.id}: ${a.from} must come first in the facts file`);
      return turf.destination(base, a.distance_km, a.bearing_deg).geometry.coordinates;
    }
    case 'downstream-of': {
      const base = resolved.get(a.from);
      if (!base) throw new Error(`${c.id}: ${a.from} must come first in the facts file`);
      return turf.destination(base, a.distance_km, flowBearing(along(base))).geometry.coordinates;
    }
  }
}

/** Coordinate-based anchors keep `point-approx`; anchors derived from descriptions are `schematic`. */
function accuracyClass(c: CrossingFact): 'point-approx' | 'schematic' {
  const a = c.anchor;
  if (a.kind === 'coordinate') return 'point-approx';
  if (a.kind === 'downstream-of') {
    const base = facts.crossings.find((x) => x.id === a.from);
    return base && base.anchor.kind === 'coordinate' ? 'point-approx' : 'schematic';
  }
  return 'schematic';
}

function referenceFiles(c: { refs: string[]; anchor?: Anchor }): string[] {
  const files = new Set<string>();
  for (const key of c.refs) {
    const r = facts.records[key]!;
    if (r.via === REF_POI || r.publisher?.includes(REF_POI)) files.add(REF_POI);
    if (key === 'ref-districts') files.add(REF_DISTRICTS);
    if (key === 'ref-rivers') files.add(REF_RIVERS);
  }
  const a = c.anchor;
  if (a && a.kind !== 'coordinate' && a.kind !== 'offset-from') files.add(REF_RIVERS);
  if (a && a.kind === 'river-nearest' && a.lonlat_gcj02) files.add(REF_DISTRICTS_GCJ);
  return [...files];
}

function citation(key: string): string {
  const r = facts.records[key]!;
  const who = r.publisher ?? r.file ?? '';
  return [who, r.date ?? 'undated', r.title, r.url ?? ''].filter(Boolean).join(', ');
}

// ---------------------------------------------------------------------------------------------------------
// features
// ---------------------------------------------------------------------------------------------------------

for (const c of facts.crossings) resolved.set(c.id, resolve(c));

const located = facts.crossings.map((c) => ({ fact: c, at: resolved.get(c.id)!, km: along(resolved.get(c.id)!) }));

// number: open first, then under construction, then planned; located ones west to east (along the river),
// then the unlocated ones of that status in facts order.
const numberOf = new Map<string, number>();
let n = 0;
for (const status of STATUS_ORDER) {
  for (const l of located.filter((x) => x.fact.status === status).sort((p, q) => p.km - q.km)) numberOf.set(l.fact.id, ++n);
  for (const u of facts.unlocated.filter((x) => x.status === status)) numberOf.set(u.id, ++n);
}

const features: Feature<Point>[] = located
  .sort((p, q) => numberOf.get(p.fact.id)! - numberOf.get(q.fact.id)!)
  .map(({ fact: c, at }) => {
    const coordinates = [round5(at[0]!), round5(at[1]!)];
    const props: Record<string, unknown> = {
      id: c.id,
      name_zh: c.name_zh,
      name_en: c.name_en,
      kind: 'crossing',
      structure: c.structure,
      mode: c.mode,
      status: c.status,
      status_date: c.status_date,
      year_open: c.year_open,
      year_open_basis: c.year_open_basis,
      year_start: c.year_start,
      number: numberOf.get(c.id)!,
      north_zh: c.north_zh,
      north_en: c.north_en,
      south_zh: c.south_zh,
      south_en: c.south_en,
      open_end_2023: c.open_end_2023,
      in_documents: c.in_documents,
      crosses_river: c.crosses_river ?? true,
      position_kind: 'indicative',
      position_source: c.position_source,
      position_source_zh: c.position_source_zh,
      position_accuracy_m: c.position_accuracy_m,
      source: [...c.seeds, ...referenceFiles(c)].join(';'),
      refs: c.refs.filter((k) => !k.startsWith('ref-') && !k.startsWith('seed-')).map(citation).join(' | '),
      accuracy: accuracyClass(c),
    };
    for (const key of ['mode_note', 'identification_note', 'year_open_note', 'year_start_note', 'crosses_river_note'] as const) {
      if (c[key]) props[key] = c[key];
    }
    if (c.same_as) props['same_as'] = c.same_as;
    return { type: 'Feature', id: c.id, geometry: { type: 'Point', coordinates }, properties: props };
  });

const unlocated = facts.unlocated
  .map((u) => ({
    number: numberOf.get(u.id)!,
    id: u.id,
    name_zh: u.name_zh,
    name_en: u.name_en,
    status: u.status,
    status_date: u.status_date,
    year_open: u.year_open,
    open_end_2023: u.open_end_2023,
    ...(u.structure ? { structure: u.structure } : {}),
    ...(u.mode ? { mode: u.mode } : {}),
    ...(u.year_start ? { year_start: u.year_start } : {}),
    reason_en: u.reason_en,
    reason_zh: u.reason_zh,
    source: u.seeds.join(';'),
    refs: u.refs.filter((k) => !k.startsWith('ref-') && !k.startsWith('seed-')).map(citation).join(' | '),
  }))
  .sort((p, q) => p.number - q.number);

// ---------------------------------------------------------------------------------------------------------
// checks against the documents' figures (these are checks: nothing above is adjusted to meet them)
// ---------------------------------------------------------------------------------------------------------

const total = features.length + unlocated.length;
if (total !== facts.documents.total) throw new Error(`features + unlocated = ${total}, the documents count ${facts.documents.total}`);
const openBy2023 = facts.crossings.filter((c) => c.open_end_2023).length + facts.unlocated.filter((u) => u.open_end_2023).length;
if (openBy2023 !== facts.documents.open_end_2023) throw new Error(`${openBy2023} crossings marked open by end-2023, the documents say ${facts.documents.open_end_2023}`);
for (const c of facts.crossings) {
  const yearSaysOpen = c.status === 'open' && c.year_open !== null && c.year_open <= 2023;
  if (yearSaysOpen !== c.open_end_2023) throw new Error(`${c.id}: open_end_2023 disagrees with status/year_open`);
}

if (boundary) {
  const edges = turf.flatten(turf.polygonToLine(boundary) as Feature<LineString>).features;
  for (const f of features) {
    const p = f.geometry.coordinates;
    const inside = turf.booleanPointInPolygon(p, boundary);
    const km = inside ? 0 : Math.min(...edges.map((e) => turf.pointToLineDistance(p, e)));
    if (km > 1) console.warn(`! ${f.id} is ${km.toFixed(2)} km from geodata/boundary.geojson`);
  }
} else {
  console.warn('! geodata/boundary.geojson not found: distance to the area not checked');
}

// ---------------------------------------------------------------------------------------------------------
// write (one feature per line; foreign members after the features)
// ---------------------------------------------------------------------------------------------------------

const documents = {
  total: facts.documents.total,
  open_end_2023: facts.documents.open_end_2023,
  source: facts.documents.seed,
  status_date: facts.documents.status_date,
  says_en: facts.documents.says_en,
  says_zh: facts.documents.says_zh,
};
const body = features.map((f) => '  ' + JSON.stringify(f)).join(',\n');
const extra = unlocated.map((u) => '  ' + JSON.stringify(u)).join(',\n');
const text = `{"type":"FeatureCollection","features":[\n${body}\n],\n"documents":${JSON.stringify(documents)},\n"unlocated":[\n${extra}\n]}\n`;
JSON.parse(text) as FeatureCollection;
fs.writeFileSync(path.join(GEODATA, 'crossings.geojson'), text);
const accs = features.map((f) => Number(f.properties?.['position_accuracy_m']));
console.log(`wrote geodata/crossings.geojson: ${features.length} located (Points), ${unlocated.length} unlocated, ` +
  `${openBy2023} open by end-2023; position accuracy ${Math.min(...accs)}–${Math.max(...accs)} m`);
for (const f of features) {
  const p = f.properties!;
  console.log(`  ${String(p['number']).padStart(2)} ${String(p['id']).padEnd(26)} ${String(p['status']).padEnd(18)} ${f.geometry.coordinates.join(', ')} ±${p['position_accuracy_m']} m`);
}
for (const u of unlocated) console.log(`  ${String(u.number).padStart(2)} ${u.id.padEnd(26)} ${u.status.padEnd(18)} (unlocated)`);
