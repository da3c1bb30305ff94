/**
 * Validation of a user's GeoJSON file, in two passes:
 *  1. `geojson-validation` (trace mode) — the structural check of the GeoJSON 2008 spec;
 *  2. the RFC 7946 rules of core/geojson/rules.ts at their `lenient` level (winding fixed with a notice, `crs`
 *     members a warning; bad coordinates, short or unclosed rings, lon/lat range, nested GeometryCollections
 *     errors), plus what only an import needs: JSON syntax with line/column, wrong-case or unknown types,
 *     projected or swapped coordinates named, duplicate ids, empty collections. `null` properties become `{}`.
 * Pure and total: never throws, never mutates its input; every rejection carries at least one error issue.
 */
import GJV from 'geojson-validation';
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import { jsonErrorLocation } from './json-position.ts';
import { addPosition, emptyStats, guessFrame } from './coordinate-frame.ts';
import type { FrameGuess, PositionStats } from './coordinate-frame.ts';
import { outOfChina } from './china-offset.ts';
import { snippet } from './import-issues.ts';
import type { ImportIssue, ImportIssueCode, ImportIssueSeverity } from './import-issues.ts';

import { MAX_IMPORT_BYTES } from './limits.ts';
import { lineProblem, positionProblem, rangeProblems, rewindRing, ringProblem, ruleOutcome, windingProblem } from '../geojson/rules.ts';
import type { GeoJsonRuleId } from '../geojson/rules.ts';

export { MAX_IMPORT_BYTES };

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'] as const;
const ALL_TYPES = [...GEOMETRY_TYPES, 'Feature', 'FeatureCollection'] as const;

export interface ImportSummary {
  featureCount: number;
  /** geometry types present, sorted */
  geometryTypes: string[];
  /** [west, south, east, north] of all positions, when any */
  bbox?: [number, number, number, number];
  /** the data lies in China, where GCJ-02 / BD-09 offset data is common (cannot be proven) */
  offsetCandidate: boolean;
  /** rings whose winding was reversed to the RFC 7946 right-hand rule */
  rewoundRings: number;
  /** property keys found on the features, sorted (at most 50) */
  propertyKeys?: string[];
  /** Polygon and MultiPolygon features */
  polygonCount?: number;
}

export type ImportValidation =
  | { ok: true; collection: FeatureCollection; issues: ImportIssue[]; summary: ImportSummary }
  | { ok: false; issues: ImportIssue[]; frame?: FrameGuess };

export interface ValidateImportOptions {
  /** most issues listed (the rest are counted in one `more-issues` entry); default 40 */
  maxIssues?: number;
  /** called with 0..1 while features are checked */
  onProgress?: (fraction: number) => void;
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; issues: ImportIssue[] };

/** Parses JSON text; a syntax error becomes an issue with line and column. */
export function parseGeoJsonText(text: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, issues: [{ code: 'empty-input', severity: 'error' }] };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = jsonErrorLocation(body, message);
    const issue: ImportIssue = { code: 'json-syntax', severity: 'error', params: { detail: message.slice(0, 200) } };
    if (where) {
      issue.line = where.line;
      issue.column = where.column;
      const lineText = body.split('\n', where.line)[where.line - 1] ?? '';
      issue.params = { ...issue.params, excerpt: lineText.trim().slice(0, 80) };
    }
    return { ok: false, issues: [issue] };
  }
}

/** Parses and validates text in one go. */
export function validateImportText(text: string, options: ValidateImportOptions = {}): ImportValidation {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, issues: [{ code: 'too-large', severity: 'error', params: { limitMb: MAX_IMPORT_BYTES / 1048576, sizeMb: Math.round(text.length / 1048576) } }] };
  }
  const parsed = parseGeoJsonText(text);
  if (!parsed.ok) return parsed;
  return validateImport(parsed.value, options);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly issues: ImportIssue[] = [];
  dropped = 0;
  readonly stats: PositionStats = emptyStats();
  rewound = 0;
  readonly types = new Set<string>();
  private firstOutOfRange: { path: string; featureIndex: number | undefined; value: string } | undefined;

  constructor(private readonly maxIssues: number) {}

  add(code: ImportIssueCode, severity: ImportIssueSeverity, where: { featureIndex?: number; path?: string }, params?: Record<string, string | number>): void {
    if (this.issues.length >= this.maxIssues) {
      this.dropped += 1;
      return;
    }
    const issue: ImportIssue = { code, severity };
    if (where.featureIndex !== undefined) issue.featureIndex = where.featureIndex;
    if (where.path) issue.path = where.path;
    if (params) issue.params = params;
    this.issues.push(issue);
  }

  /** Checks `value` as a type name; returns the valid name or undefined (issue added). */
  typeOf(value: Record<string, unknown>, allowed: readonly string[], featureIndex: number | undefined, path: string): string | undefined {
    const type = value.type;
    const at = { featureIndex, path: path ? `${path}.type` : 'type' };
    if (type === undefined) {
      this.add('missing-type', 'error', at, { expected: allowed.join(', ') });
      return undefined;
    }
    if (typeof type === 'string' && allowed.includes(type)) return type;
    const match = typeof type === 'string' ? allowed.find((name) => name.toLowerCase() === type.toLowerCase()) : undefined;
    if (match) this.add('wrong-case-type', 'error', at, { found: snippet(type), expected: match });
    else this.add('unknown-type', 'error', at, { found: snippet(type), expected: allowed.join(', ') });
    return undefined;
  }

  /** The import's severity for breaking `rule` (its lenient outcome); undefined when the data is kept silently. */
  severity(rule: GeoJsonRuleId): ImportIssueSeverity | undefined {
    const outcome = ruleOutcome(rule, 'lenient');
    return outcome === 'accept' ? undefined : outcome === 'fix' ? 'notice' : outcome;
  }

  position(value: unknown, featureIndex: number | undefined, path: string): Position | undefined {
    const problem = positionProblem(value);
    if (problem) {
      const severity = this.severity('bad-position') ?? 'error';
      if (problem.kind === 'too-few-values') this.add('too-few-values', severity, { featureIndex, path }, { value: snippet(value) });
      else if (problem.kind === 'not-array') this.add('bad-coordinate', severity, { featureIndex, path }, { value: snippet(value) });
      else this.add('bad-coordinate', severity, { featureIndex, path: `${path}[${problem.index}]` }, { value: snippet((value as unknown[])[problem.index]) });
      return undefined;
    }
    const position = value as number[];
    const [x, y] = position as [number, number];
    addPosition(this.stats, x, y);
    // lon-range / lat-range: reported once, after the walk, as projected, swapped or out-of-range (frameIssue)
    if (rangeProblems(position).length > 0 && !this.firstOutOfRange) {
      this.firstOutOfRange = { path, featureIndex, value: snippet(position) };
    }
    return position;
  }

  positions(value: unknown, featureIndex: number | undefined, path: string): Position[] | undefined {
    if (!Array.isArray(value)) {
      this.add('bad-coordinates-array', 'error', { featureIndex, path }, { value: snippet(value) });
      return undefined;
    }
    const out: Position[] = [];
    let ok = true;
    for (let i = 0; i < value.length; i += 1) {
      const position = this.position(value[i], featureIndex, `${path}[${i}]`);
      if (position) out.push(position);
      else ok = false;
    }
    return ok ? out : undefined;
  }

  line(value: unknown, featureIndex: number | undefined, path: string): Position[] | undefined {
    const line = this.positions(value, featureIndex, path);
    if (line && lineProblem(line)) {
      this.add('too-few-positions', this.severity('line-too-short') ?? 'error', { featureIndex, path }, { count: line.length, minimum: 2 });
      return undefined;
    }
    return line;
  }

  nested<T>(value: unknown, featureIndex: number | undefined, path: string, each: (item: unknown, itemPath: string) => T | undefined): T[] | undefined {
    if (!Array.isArray(value)) {
      this.add('bad-coordinates-array', 'error', { featureIndex, path }, { value: snippet(value) });
      return undefined;
    }
    const out: T[] = [];
    let ok = true;
    for (let i = 0; i < value.length; i += 1) {
      const item = each(value[i], `${path}[${i}]`);
      if (item === undefined) ok = false;
      else out.push(item);
    }
    return ok ? out : undefined;
  }

  ring(value: unknown, featureIndex: number | undefined, path: string, exterior: boolean): Position[] | undefined {
    const ring = this.positions(value, featureIndex, path);
    if (!ring) return undefined;
    const problem = ringProblem(ring);
    if (problem === 'ring-not-closed') {
      this.add('unclosed-ring', this.severity('ring-not-closed') ?? 'error', { featureIndex, path }, { first: snippet(ring[0]), last: snippet(ring[ring.length - 1]) });
      return undefined;
    }
    if (problem === 'ring-too-short') {
      this.add('short-ring', this.severity('ring-too-short') ?? 'error', { featureIndex, path }, { count: ring.length });
      return undefined;
    }
    const winding = windingProblem(ring, exterior);
    if (winding === 'clockwise' || winding === 'counter-clockwise') {
      // lenient outcome `fix`: counted here, reported once as `winding-fixed`
      this.rewound += 1;
      return rewindRing(ring);
    }
    return ring;
  }

  polygon(value: unknown, featureIndex: number | undefined, path: string): Position[][] | undefined {
    return this.nested(value, featureIndex, path, (ring, ringPath) => this.ring(ring, featureIndex, ringPath, ringPath.endsWith('[0]')));
  }

  geometry(value: unknown, featureIndex: number | undefined, path: string, inCollection: boolean): Geometry | undefined {
    if (!isRecord(value)) {
      this.add('not-object', 'error', { featureIndex, path }, { value: snippet(value) });
      return undefined;
    }
    const type = this.typeOf(value, GEOMETRY_TYPES, featureIndex, path);
    if (!type) return undefined;
    if ('crs' in value) this.add('crs-member', this.severity('crs-member') ?? 'warning', { featureIndex, path: `${path}.crs` }, { crs: crsName(value.crs) });
    const coordinates = value.coordinates;
    const at = path ? `${path}.coordinates` : 'coordinates';
    if (type !== 'GeometryCollection') this.types.add(type);
    switch (type) {
      case 'Point': {
        const position = this.position(coordinates, featureIndex, at);
        return position && { type, coordinates: position };
      }
      case 'MultiPoint': {
        const positions = this.positions(coordinates, featureIndex, at);
        return positions && { type, coordinates: positions };
      }
      case 'LineString': {
        const positions = this.line(coordinates, featureIndex, at);
        return positions && { type, coordinates: positions };
      }
      case 'MultiLineString': {
        const lines = this.nested(coordinates, featureIndex, at, (line, linePath) => this.line(line, featureIndex, linePath));
        return lines && { type, coordinates: lines };
      }
      case 'Polygon': {
        const rings = this.polygon(coordinates, featureIndex, at);
        return rings && { type, coordinates: rings };
      }
      case 'MultiPolygon': {
        const polygons = this.nested(coordinates, featureIndex, at, (polygon, polygonPath) => this.polygon(polygon, featureIndex, polygonPath));
        return polygons && { type, coordinates: polygons };
      }
      default: {
        if (inCollection) {
          this.add('nested-geometry-collection', this.severity('nested-geometry-collection') ?? 'error', { featureIndex, path });
          return undefined;
        }
        const geometries = this.nested(value.geometries, featureIndex, path ? `${path}.geometries` : 'geometries', (item, itemPath) => this.geometry(item, featureIndex, itemPath, true));
        return geometries && { type: 'GeometryCollection', geometries };
      }
    }
  }

  feature(value: unknown, featureIndex: number | undefined, path: string, seenIds: Map<string, number>): Feature | undefined {
    if (!isRecord(value)) {
      this.add('not-feature', 'error', { featureIndex, path }, { value: snippet(value) });
      return undefined;
    }
    const type = this.typeOf(value, ['Feature'], featureIndex, path);
    if (!type) return undefined;
    if ('crs' in value) this.add('crs-member', this.severity('crs-member') ?? 'warning', { featureIndex, path: `${path ? `${path}.` : ''}crs` }, { crs: crsName(value.crs) });
    const properties = value.properties;
    if (properties !== undefined && properties !== null && !isRecord(properties)) {
      this.add('bad-properties', 'error', { featureIndex, path: `${path ? `${path}.` : ''}properties` }, { value: snippet(properties) });
      return undefined;
    }
    const id = value.id;
    if (typeof id === 'string' || typeof id === 'number') {
      const key = `${typeof id}:${id}`;
      const first = seenIds.get(key);
      if (first !== undefined) this.add('duplicate-id', 'warning', { featureIndex, path: `${path ? `${path}.` : ''}id` }, { id: snippet(id), first });
      else seenIds.set(key, featureIndex ?? 0);
    }
    if (!('geometry' in value)) {
      this.add('missing-geometry', 'error', { featureIndex, path });
      return undefined;
    }
    let geometry: Geometry | null = null;
    if (value.geometry !== null) {
      const checked = this.geometry(value.geometry, featureIndex, `${path ? `${path}.` : ''}geometry`, false);
      if (!checked) return undefined;
      geometry = checked;
    }
    const feature: Feature<Geometry | null> = { type: 'Feature', properties: (properties ?? {}) as GeoJsonProperties, geometry };
    if (typeof id === 'string' || typeof id === 'number') feature.id = id;
    return feature as Feature;
  }

  frameIssue(): FrameGuess {
    const frame = guessFrame(this.stats);
    const { minX, maxX, minY, maxY } = this.stats;
    const range = { x: `${round(minX)} … ${round(maxX)}`, y: `${round(minY)} … ${round(maxY)}` };
    const first = this.firstOutOfRange;
    const where = first ? { featureIndex: first.featureIndex, path: first.path } : {};
    if (frame.kind === 'projected') {
      this.issues.unshift({ code: 'projected', severity: 'error', ...where, params: {
        ...range, system: frame.system, zone: frame.zone ?? '', centralMeridian: frame.centralMeridian ?? '', count: this.stats.outOfRange,
      } });
    } else if (frame.kind === 'swapped') {
      this.issues.unshift({ code: 'swapped', severity: 'error', ...where, params: { ...range, value: first?.value ?? '' } });
    } else if (frame.kind === 'out-of-range') {
      this.issues.unshift({ code: 'out-of-range', severity: 'error', ...where, params: { ...range, value: first?.value ?? '', count: this.stats.outOfRange } });
    }
    return frame;
  }
}

function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1000 ? String(Math.round(value)) : String(Math.round(value * 1e4) / 1e4);
}

function crsName(crs: unknown): string {
  if (isRecord(crs) && isRecord(crs.properties) && typeof crs.properties.name === 'string') return snippet(crs.properties.name);
  return snippet(crs);
}

/** Pass 1: geojson-validation in trace mode. Never throws. */
export function structuralErrors(value: unknown): string[] {
  try {
    const result = GJV.valid(value, true);
    if (Array.isArray(result)) return result.map((item) => String(item));
    if (typeof result === 'string') return [result];
    return result === false ? ['invalid GeoJSON'] : [];
  } catch (error) {
    return [`geojson-validation failed: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Validates a parsed JSON value as an importable GeoJSON layer. */
export function validateImport(value: unknown, options: ValidateImportOptions = {}): ImportValidation {
  try {
    return validateUnsafe(value, options);
  } catch (error) {
    // Defensive: a bug here must still produce a message, never an uncaught exception.
    return { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail: snippet(error instanceof Error ? error.message : error) } }] };
  }
}

function validateUnsafe(value: unknown, options: ValidateImportOptions): ImportValidation {
  const checker = new Checker(options.maxIssues ?? 40);
  // Pass 1: geojson-validation's structural check (trace mode).
  const structural = structuralErrors(value);
  // Pass 2: ours.
  const features: Feature[] = [];
  if (!isRecord(value)) {
    checker.add('not-object', 'error', {}, { value: snippet(value) });
  } else {
    const type = checker.typeOf(value, ALL_TYPES, undefined, '');
    if ('crs' in value) checker.add('crs-member', checker.severity('crs-member') ?? 'warning', { path: 'crs' }, { crs: crsName(value.crs) });
    if (type === 'FeatureCollection') {
      const list = value.features;
      if (!Array.isArray(list)) checker.add('features-not-array', 'error', { path: 'features' }, { value: snippet(list) });
      else if (list.length === 0) checker.add('empty-collection', 'error', { path: 'features' });
      else {
        const seen = new Map<string, number>();
        const step = Math.max(1, Math.floor(list.length / 50));
        for (let i = 0; i < list.length; i += 1) {
          const feature = checker.feature(list[i], i, `features[${i}]`, seen);
          if (feature) features.push(feature);
          if (options.onProgress && i % step === 0) options.onProgress(i / list.length);
        }
      }
    } else if (type === 'Feature') {
      const feature = checker.feature(value, 0, '', new Map());
      if (feature) features.push(feature);
    } else if (type) {
      const geometry = checker.geometry(value, 0, '', false);
      if (geometry) features.push({ type: 'Feature', properties: {}, geometry });
    }
  }
  const frame = checker.frameIssue();
  let hasErrors = checker.issues.some((issue) => issue.severity === 'error');
  // Pass 1's verdict counts too; its (English, unlocated) messages are listed only when our own, located
  // checks found nothing, so the user reads the precise message first and no problem twice.
  if (!hasErrors && structural.length > 0) {
    for (const message of structural.slice(0, 10)) checker.add('gjv', 'error', {}, { detail: message.slice(0, 300) });
    if (structural.length > 10) checker.dropped += structural.length - 10;
    hasErrors = true;
  }
  if (checker.rewound > 0) checker.issues.push({ code: 'winding-fixed', severity: 'notice', params: { count: checker.rewound } });
  if (checker.dropped > 0) checker.issues.push({ code: 'more-issues', severity: hasErrors ? 'error' : 'warning', params: { count: checker.dropped } });
  options.onProgress?.(1);
  if (hasErrors) {
    return frame.kind === 'wgs84' ? { ok: false, issues: checker.issues } : { ok: false, issues: checker.issues, frame };
  }
  const { minX, minY, maxX, maxY, count } = checker.stats;
  const summary: ImportSummary = {
    featureCount: features.length,
    geometryTypes: [...checker.types].sort(),
    offsetCandidate: count > 0 && !outOfChina((minX + maxX) / 2, (minY + maxY) / 2),
    rewoundRings: checker.rewound,
  };
  if (count > 0) summary.bbox = [minX, minY, maxX, maxY];
  const keys = new Set<string>();
  let polygonCount = 0;
  for (const feature of features) {
    if (keys.size < 50) for (const key of Object.keys(feature.properties ?? {})) keys.add(key);
    const type = feature.geometry?.type;
    if (type === 'Polygon' || type === 'MultiPolygon') polygonCount += 1;
  }
  summary.propertyKeys = [...keys].slice(0, 50).sort();
  summary.polygonCount = polygonCount;
  return { ok: true, collection: { type: 'FeatureCollection', features }, issues: checker.issues, summary };
}
