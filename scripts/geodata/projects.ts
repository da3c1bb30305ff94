/**
 * Generator of geodata/projects.geojson: the key projects of the Start-up Area, each placed from a public record.
 *
 * Reads scripts/geodata/facts/projects.json (the researched facts, with their sources) and the tracing references
 * in ../shared/reference (district polygons, river centrelines, points of interest). Every position is either a
 * public coordinate or a derivation from published facts (a distance, a side of a river, a subdistrict's extent);
 * the facts file says which, in `position_source`. Nothing is offset from a cluster centre.
 *
 * Run from the repo root:  npx tsx scripts/geodata/projects.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

const here = path.dirname(fileURLToPath(import.meta.url));
const FACTS = path.join(here, 'facts', 'projects.json');
const OUT = path.join(REPO, 'geodata', 'projects.geojson');
const SUBDISTRICTS = path.join(REPO, 'geodata', 'subdistricts.geojson');

/**
 * A project is drawn as a point only where its site is known to about a kilometre: ±1,500 m, the error of a site
 * placed from a published coordinate of a landmark it stands by or from a published distance and side. A point
 * known less well would say "here" about a place several kilometres across.
 */
export const POINT_MAX_ERROR_M = 1500;

import { REPO, writeGeodata } from './common.ts';
import { type Anchor, resolveAnchors, round5 } from './anchors.ts';

// ---------------------------------------------------------------------------------------------------------
// Facts file
// ---------------------------------------------------------------------------------------------------------

interface Ref {
  url: string;
  title: string;
  date: string;
  says: string;
}


type Placement =
  | { type: 'Point'; anchor: string }
  | { type: 'LineString'; via: string[] };

interface ProjectFact {
  id: string;
  name_zh: string;
  name_en: string;
  category: 'industry' | 'public-service' | 'infrastructure' | 'transport' | 'heritage';
  status: 'open' | 'under-construction' | 'planned';
  status_date: string;
  phase: 2025 | 2030 | 2035 | null;
  year_open: number | null;
  cluster_key: 'daqiao' | 'cuizhai' | 'sangzidian' | 'sungeng-taiping' | 'airport' | null;
  subdistrict_zh: string | null;
  desc_zh: string;
  desc_en: string;
  source: string[];
  evidence: string[];
  placement: Placement;
  position_source: string;
  position_source_zh: string;
  position_accuracy_m: number;
  accuracy: 'traced' | 'schematic' | 'point-approx';
  outside?: boolean;
  partly_outside?: boolean;
  located: boolean;
  /** why a project is listed without a position, where the general reason does not fit */
  unlocated_reason_en?: string;
  unlocated_reason_zh?: string;
  /** ids of the same thing in other layers (one status there) */
  same_as?: string[];
  /** ids of outlines in other layers that this project lies in */
  within?: string[];
}

interface Facts {
  refs: Record<string, Ref>;
  /** the subdistrict an anchor stands for, where the anchor is a subdistrict's reference point */
  subdistrict_of_anchor: Record<string, string>;
  anchors: Anchor[];
  projects: ProjectFact[];
}

// ---------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------

function build(): void {
  const facts = JSON.parse(fs.readFileSync(FACTS, 'utf8')) as Facts;
  const at = resolveAnchors(facts.anchors);
  const anchorById = new Map(facts.anchors.map((a) => [a.id, a]));
  const ids = new Set<string>();
  const features: Feature<Point | LineString>[] = facts.projects.map((p) => {
    if (ids.has(p.id)) throw new Error(`duplicate id ${p.id}`);
    ids.add(p.id);
    if (!(p.position_accuracy_m > 0)) throw new Error(`${p.id}: position_accuracy_m must be > 0`);
    const geometry: Point | LineString = p.placement.type === 'Point'
      ? { type: 'Point', coordinates: round5(at.get(p.placement.anchor)!) }
      : { type: 'LineString', coordinates: p.placement.via.map((id) => round5(at.get(id)!)) };
    for (const id of p.placement.type === 'Point' ? [p.placement.anchor] : p.placement.via) {
      if (!anchorById.has(id)) throw new Error(`${p.id}: unknown anchor ${id}`);
    }
    const refs = p.evidence.map((key) => {
      const r = facts.refs[key];
      if (!r) throw new Error(`${p.id}: unknown reference ${key}`);
      return `${r.title} (${r.date}) ${r.url}`;
    }).join(' | ');
    return {
      type: 'Feature',
      id: p.id,
      geometry,
      properties: {
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        kind: 'project',
        category: p.category,
        status: p.status,
        status_date: p.status_date,
        phase: p.phase,
        year_open: p.year_open,
        cluster_key: p.cluster_key,
        subdistrict_zh: p.subdistrict_zh,
        desc_zh: p.desc_zh,
        desc_en: p.desc_en,
        source: p.source.join(';'),
        refs,
        accuracy: p.accuracy,
        position_source: p.position_source,
        position_source_zh: p.position_source_zh,
        position_accuracy_m: p.position_accuracy_m,
        placed_at: p.placement.type === 'Point' ? p.placement.anchor : null,
        located: p.located,
        outside: p.outside === true,
        ...(p.partly_outside ? { partly_outside: true } : {}),
        ...(p.same_as ? { same_as: p.same_as } : {}),
        ...(p.within ? { within: p.within } : {}),
      },
    };
  });
  // A project whose site is not published is listed, not drawn: a point anywhere would claim a place.
  // A point is drawn only where the site is known to about a kilometre (POINT_MAX_ERROR_M); a project known less
  // well is shown as belonging to its subdistrict (listed in `in_subdistrict`, counted on the subdistrict), or, when
  // no subdistrict of the area holds it, listed in `unlocated` with the reason.
  const subdistricts = JSON.parse(fs.readFileSync(SUBDISTRICTS, 'utf8')) as FeatureCollection;
  const sdByName = new Map(subdistricts.features.map((f) => [String(f.properties?.['name_zh']), String(f.properties?.['id'])]));
  const sdOfAnchor = new Map(Object.entries(facts.subdistrict_of_anchor));
  const factById = new Map(facts.projects.map((p) => [p.id, p]));
  const subdistrictOf = (f: Feature<Point | LineString>): { id: string; basis: 'record' | 'anchor' | 'position' } | null => {
    const p = factById.get(String(f.id))!;
    const named = p.subdistrict_zh ? sdByName.get(p.subdistrict_zh) : undefined;
    if (named) return { id: named, basis: 'record' };
    const anchor = p.placement.type === 'Point' ? sdOfAnchor.get(p.placement.anchor) : undefined;
    if (anchor) return { id: anchor, basis: 'anchor' };
    if (p.outside || f.geometry.type !== 'Point') return null;
    const hit = subdistricts.features.find((s) => turf.booleanPointInPolygon(f.geometry.coordinates as Position, s as Feature<Polygon | MultiPolygon>));
    return hit ? { id: String(hit.properties?.['id']), basis: 'position' } : null;
  };
  const isDot = (f: Feature<Point | LineString>): boolean =>
    f.properties?.['located'] !== false && (f.geometry.type !== 'Point' || Number(f.properties?.['position_accuracy_m']) <= POINT_MAX_ERROR_M);
  const listedProps = (f: Feature<Point | LineString>): Record<string, unknown> => {
    const { position_source: _s, position_source_zh: _z, placed_at: _a, outside: _o, position_accuracy_m: _e, ...rest } = f.properties ?? {};
    return rest;
  };
  const drawn = features.filter(isDot);
  const members: Record<string, unknown>[] = [];
  const unlocated: Record<string, unknown>[] = [];
  for (const f of features.filter((x) => !isDot(x))) {
    const km = Number(f.properties?.['position_accuracy_m']) / 1000;
    const sd = f.properties?.['located'] === false ? null : subdistrictOf(f);
    if (sd) {
      const name = subdistricts.features.find((s) => s.properties?.['id'] === sd.id)!.properties!;
      members.push({
        ...listedProps(f),
        subdistrict: sd.id,
        subdistrict_basis: sd.basis,
        reason_en: `Its site is known only to about ±${km.toFixed(1)} km: ${sd.basis === 'position' ? 'the place the records give lies in' : 'the records place it in'} ${String(name['name_en'])}, so it is shown as part of that subdistrict, not as a point.`,
        reason_zh: `其位置仅知约±${km.toFixed(1)}千米：${sd.basis === 'position' ? '资料所述地点位于' : '资料称其位于'}${String(name['name_zh'])}，故作为该街道的项目列出，不以点标注。`,
      });
    } else if (f.properties?.['located'] === false) {
      unlocated.push({
        ...listedProps(f),
        reason_en: factById.get(String(f.id))!.unlocated_reason_en ?? 'No public record consulted gives its site, so it is listed without a position.',
        reason_zh: factById.get(String(f.id))!.unlocated_reason_zh ?? '所查公开资料均未载明其位置，故只列出、不标注位置。',
      });
    } else {
      unlocated.push({
        ...listedProps(f),
        located: false,
        reason_en: `Its site is known only to about ±${km.toFixed(1)} km and no subdistrict of the area holds it, so it is listed without a position.`,
        reason_zh: `其位置仅知约±${km.toFixed(1)}千米，且不在起步区任一街道内，故只列出、不标注位置。`,
      });
    }
  }
  const row = (x: unknown): string => '  ' + JSON.stringify(x);
  fs.writeFileSync(OUT, `{"type":"FeatureCollection","features":[\n${drawn.map(row).join(',\n')}\n],"in_subdistrict":[\n${members.map(row).join(',\n')}\n],"unlocated":[\n${unlocated.map(row).join(',\n')}\n]}\n`);
  // the subdistricts count and list the projects known only to them
  for (const s of subdistricts.features) {
    const own = members.filter((m) => m['subdistrict'] === s.properties?.['id']);
    s.properties = {
      ...s.properties,
      projects_in: own.map((m) => ({ id: m['id'], name_zh: m['name_zh'], name_en: m['name_en'], status: m['status'], status_date: m['status_date'] })),
      projects_in_count: own.length,
    };
  }
  writeGeodata('subdistricts.geojson', subdistricts.features);
  console.log(`  ${drawn.length} drawn (points to ±${POINT_MAX_ERROR_M} m, and lines); ${members.length} shown in their subdistrict; ${unlocated.length} listed in "unlocated"`);
  const lines = features.filter((f) => f.geometry.type === 'LineString');
  console.log(`wrote geodata/projects.geojson: ${features.length} projects (${lines.length} lines)`);
  for (const f of lines) {
    console.log(`  ${String(f.id)}: ${turf.length(f as Feature<LineString>).toFixed(1)} km drawn`);
  }
  for (const a of facts.anchors) {
    for (const key of a.refs) if (!facts.refs[key]) throw new Error(`anchor ${a.id}: unknown reference ${key}`);
    const p = at.get(a.id)!;
    console.log(`  anchor ${a.id}: ${round5(p).join(', ')} (±${a.accuracy_m} m)`);
  }
}

build();
