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
import type { Feature, LineString, Point } from 'geojson';

const here = path.dirname(fileURLToPath(import.meta.url));
const FACTS = path.join(here, 'facts', 'projects.json');
const OUT = path.join(REPO, 'geodata', 'projects.geojson');

import { REPO } from './common.ts';
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
  /** ids of the same thing in other layers (one status there) */
  same_as?: string[];
  /** ids of outlines in other layers that this project lies in */
  within?: string[];
}

interface Facts {
  refs: Record<string, Ref>;
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
  const drawn = features.filter((f) => f.properties?.['located'] !== false);
  const unlocated = features.filter((f) => f.properties?.['located'] === false).map((f) => {
    const { position_source: _source, position_source_zh: _sourceZh, placed_at: _placedAt, outside: _outside, position_accuracy_m: _error, ...rest } = f.properties ?? {};
    return {
      ...rest,
      reason_en: 'No public record consulted gives its site, so it is listed without a position.',
      reason_zh: '所查公开资料均未载明其位置，故只列出、不标注位置。',
    };
  });
  const body = drawn.map((f) => '  ' + JSON.stringify(f)).join(',\n');
  const listed = unlocated.map((item) => '  ' + JSON.stringify(item)).join(',\n');
  fs.writeFileSync(OUT, `{"type":"FeatureCollection","features":[\n${body}\n],"unlocated":[\n${listed}\n]}\n`);
  console.log(`  ${unlocated.length} projects have no published site: listed in "unlocated", not drawn`);
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
