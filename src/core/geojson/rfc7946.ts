/**
 * RFC 7946 conformance checks for already-parsed GeoJSON: the `strict` level of the rules in ./rules.ts, used
 * for the plan's own geodata/ (every violation is an issue). User imports use the same rules at the `lenient`
 * level (core/import/validate-import.ts).
 *
 * Pure and total: never throws, never mutates; returns a list of issues (empty = conforming). Checks the rules a
 * structural validator (geojson-validation) does not:
 *  - `crs` member present anywhere                                → reason `crs-member`        (RFC 7946 §4: removed)
 *  - longitude outside [-180, 180] / latitude outside [-90, 90]   → reason `lon-range` / `lat-range` (§4: WGS84 lon, lat)
 *  - a position with fewer than 2 numbers or a non-finite number  → reason `bad-position`      (§3.1.1)
 *  - LinearRing not closed                                        → reason `ring-not-closed`   (§3.1.6)
 *  - closed LinearRing with fewer than 4 positions                → reason `ring-too-short`    (§3.1.6)
 *  - LineString with fewer than 2 positions                       → reason `line-too-short`    (§3.1.4)
 *  - exterior ring clockwise / hole counter-clockwise             → reason `winding`           (§3.1.6 right-hand rule)
 *  - GeometryCollection inside a GeometryCollection               → reason `nested-geometry-collection` (§3.1.8 SHOULD NOT)
 *  - unknown / missing `type`, missing `coordinates` etc.         → reason `structure`
 *
 * Winding is tested with the planar shoelace sum on lon/lat, which is what RFC 7946 and every renderer use; rings
 * with zero area (degenerate) are reported as `winding` too, since their orientation is undefined.
 *
 * `path` is a JSONPath-like pointer (`features[3].geometry.coordinates[0][2]`); `featureIndex` is set for issues inside
 * a FeatureCollection's features. Pass `options.winding = false` to skip the winding rule.
 */
import { lineProblem, positionProblem, rangeProblems, ringProblem, windingProblem } from './rules.ts';

export { ringSignedArea2 } from './rules.ts';

export type Rfc7946Reason =
  | 'structure'
  | 'crs-member'
  | 'bad-position'
  | 'lon-range'
  | 'lat-range'
  | 'ring-not-closed'
  | 'ring-too-short'
  | 'line-too-short'
  | 'winding'
  | 'nested-geometry-collection';

export interface Rfc7946Issue {
  /** where: JSONPath-like pointer from the checked object */
  path: string;
  /** index into `features` when the checked object is a FeatureCollection */
  featureIndex?: number;
  reason: Rfc7946Reason;
  /** human-readable English explanation */
  message: string;
}

export interface Rfc7946Options {
  /** check the right-hand rule (default true) */
  winding?: boolean;
  /** stop after this many issues (default 1000) to keep huge bad files cheap */
  maxIssues?: number;
}

type Json = unknown;

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** Join JSONPath-like segments without a leading dot at the root. */
function join(base: string, member: string): string {
  return base ? `${base}.${member}` : member;
}

function isObject(v: Json): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Checker {
  readonly issues: Rfc7946Issue[] = [];
  featureIndex: number | undefined;
  constructor(private readonly opts: Required<Rfc7946Options>) {}

  get full(): boolean {
    return this.issues.length >= this.opts.maxIssues;
  }

  add(path: string, reason: Rfc7946Reason, message: string): void {
    if (this.full) return;
    const issue: Rfc7946Issue = { path, reason, message };
    if (this.featureIndex !== undefined) issue.featureIndex = this.featureIndex;
    this.issues.push(issue);
  }

  noCrs(obj: Record<string, unknown>, path: string): void {
    if ('crs' in obj) this.add(join(path, 'crs'), 'crs-member', 'RFC 7946 removed the "crs" member: coordinates are always WGS84 lon/lat');
  }

  /** Returns true when the position is usable for further (ring) checks. */
  position(p: Json, path: string): boolean {
    if (positionProblem(p)) {
      this.add(path, 'bad-position', 'a position must be an array of at least two finite numbers [lon, lat]');
      return false;
    }
    const [lon, lat] = p as number[];
    const problems = rangeProblems(p as number[]);
    if (problems.includes('lon-range')) this.add(path, 'lon-range', `longitude ${lon} is outside [-180, 180] (are lon and lat swapped, or is this a projected CRS?)`);
    if (problems.includes('lat-range')) this.add(path, 'lat-range', `latitude ${lat} is outside [-90, 90] (are lon and lat swapped, or is this a projected CRS?)`);
    return problems.length === 0;
  }

  positions(ps: Json, path: string): number[][] | null {
    if (!Array.isArray(ps)) {
      this.add(path, 'structure', 'expected an array of positions');
      return null;
    }
    let allOk = true;
    ps.forEach((p, i) => {
      if (!this.position(p, `${path}[${i}]`)) allOk = false;
    });
    return allOk ? (ps as number[][]) : null;
  }

  line(ps: Json, path: string): void {
    const arr = this.positions(ps, path);
    if (arr && lineProblem(arr)) this.add(path, 'line-too-short', `a LineString needs at least 2 positions, found ${arr.length}`);
  }

  ring(ps: Json, path: string, exterior: boolean): void {
    const ring = this.positions(ps, path);
    if (!ring) return;
    const problem = ringProblem(ring);
    if (problem === 'ring-not-closed') {
      this.add(path, 'ring-not-closed', 'a linear ring must end with the same position it starts with');
      return;
    }
    if (problem === 'ring-too-short') {
      this.add(path, 'ring-too-short', `a linear ring needs at least 4 positions, found ${ring.length}`);
      return;
    }
    if (!this.opts.winding) return;
    const winding = windingProblem(ring, exterior);
    if (winding === 'zero-area') this.add(path, 'winding', 'ring has zero area, so its winding order is undefined');
    else if (winding === 'clockwise') this.add(path, 'winding', 'exterior ring is clockwise; RFC 7946 requires counter-clockwise (right-hand rule)');
    else if (winding === 'counter-clockwise') this.add(path, 'winding', 'hole is counter-clockwise; RFC 7946 requires clockwise (right-hand rule)');
  }

  polygon(rings: Json, path: string): void {
    if (!Array.isArray(rings) || rings.length === 0) {
      this.add(path, 'structure', 'Polygon coordinates must be a non-empty array of linear rings');
      return;
    }
    rings.forEach((r, i) => this.ring(r, `${path}[${i}]`, i === 0));
  }

  geometry(g: Json, path: string, insideCollection: boolean): void {
    if (this.full) return;
    if (!isObject(g)) {
      this.add(path, 'structure', 'geometry must be an object');
      return;
    }
    this.noCrs(g, path);
    const type = g.type;
    if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) {
      this.add(join(path, 'type'), 'structure', `unknown geometry type ${JSON.stringify(type)}`);
      return;
    }
    if (type === 'GeometryCollection') {
      if (insideCollection) this.add(path, 'nested-geometry-collection', 'GeometryCollections should not be nested (RFC 7946 §3.1.8)');
      if (!Array.isArray(g.geometries)) {
        this.add(join(path, 'geometries'), 'structure', 'GeometryCollection needs a "geometries" array');
        return;
      }
      g.geometries.forEach((c, i) => this.geometry(c, `${join(path, 'geometries')}[${i}]`, true));
      return;
    }
    const c = g.coordinates;
    const cp = join(path, 'coordinates');
    if (!Array.isArray(c)) {
      this.add(cp, 'structure', `${type} needs a "coordinates" array`);
      return;
    }
    switch (type) {
      case 'Point':
        this.position(c, cp);
        break;
      case 'MultiPoint':
        this.positions(c, cp);
        break;
      case 'LineString':
        this.line(c, cp);
        break;
      case 'MultiLineString':
        c.forEach((l, i) => this.line(l, `${cp}[${i}]`));
        break;
      case 'Polygon':
        this.polygon(c, cp);
        break;
      case 'MultiPolygon':
        c.forEach((p, i) => this.polygon(p, `${cp}[${i}]`));
        break;
    }
  }

  feature(f: Json, path: string): void {
    if (!isObject(f) || f.type !== 'Feature') {
      this.add(path, 'structure', 'expected an object with "type": "Feature"');
      return;
    }
    this.noCrs(f, path);
    if (!('geometry' in f)) {
      this.add(join(path, 'geometry'), 'structure', 'a Feature must have a "geometry" member (it may be null)');
      return;
    }
    if (f.geometry !== null) this.geometry(f.geometry, join(path, 'geometry'), false);
  }
}

/**
 * Check a parsed GeoJSON object (FeatureCollection, Feature or bare Geometry) against RFC 7946.
 * Returns [] when it conforms. Never throws.
 */
export function checkRfc7946(obj: unknown, options: Rfc7946Options = {}): Rfc7946Issue[] {
  const c = new Checker({ winding: options.winding ?? true, maxIssues: options.maxIssues ?? 1000 });
  if (!isObject(obj)) {
    c.add('', 'structure', 'GeoJSON text must be an object');
    return c.issues;
  }
  if (obj.type === 'FeatureCollection') {
    c.noCrs(obj, '');
    if (!Array.isArray(obj.features)) {
      c.add('features', 'structure', 'a FeatureCollection needs a "features" array');
      return c.issues;
    }
    obj.features.forEach((f, i) => {
      c.featureIndex = i;
      c.feature(f, `features[${i}]`);
    });
    return c.issues;
  }
  if (obj.type === 'Feature') {
    c.feature(obj, '');
    return c.issues;
  }
  c.geometry(obj, '', false);
  return c.issues;
}
