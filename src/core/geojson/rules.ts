/**
 * The RFC 7946 rules, written once, with what each one means at two levels:
 *  - `strict`  — the plan's own geodata/: any violation is an error (checkRfc7946 in ./rfc7946.ts);
 *  - `lenient` — a user's import: what can be repaired without guessing is repaired and reported as a fix,
 *                what is harmless is a warning, only the rest is an error (validateImport in core/import).
 *
 * Both checkers walk the GeoJSON their own way (the import one also builds the repaired copy) but ask the
 * functions below whether a position, line or ring breaks a rule, and `ruleOutcome` what that means at their
 * level. Pure and total: nothing here throws or mutates its input.
 */
import type { Position } from 'geojson';

export type RuleLevel = 'strict' | 'lenient';

/**
 * What a violation leads to: `error` rejects, `fix` repairs the data and says so, `warning` keeps the data
 * and says so, `accept` keeps the data without a word (what every renderer does with it anyway).
 */
export type RuleOutcome = 'error' | 'fix' | 'warning' | 'accept';

export type GeoJsonRuleId =
  | 'crs-member'
  | 'bad-position'
  | 'lon-range'
  | 'lat-range'
  | 'line-too-short'
  | 'ring-not-closed'
  | 'ring-too-short'
  | 'winding'
  | 'zero-area-ring'
  | 'nested-geometry-collection';

export interface GeoJsonRule {
  /** the section of RFC 7946 it comes from */
  rfc: string;
  /** the rule in one line (English) */
  summary: string;
  strict: RuleOutcome;
  lenient: RuleOutcome;
}

/** Every rule with its outcome at each level. Strict is always `error`. */
export const GEOJSON_RULES: Readonly<Record<GeoJsonRuleId, GeoJsonRule>> = {
  // Coordinates are always WGS84 lon/lat; an import is read that way, so the member is only worth a warning.
  'crs-member': { rfc: '§4', summary: 'no "crs" member', strict: 'error', lenient: 'warning' },
  'bad-position': { rfc: '§3.1.1', summary: 'a position is an array of at least two finite numbers', strict: 'error', lenient: 'error' },
  // Out-of-range positions usually mean projected or swapped coordinates: the import names the likely frame.
  'lon-range': { rfc: '§4', summary: 'longitude within [-180, 180]', strict: 'error', lenient: 'error' },
  'lat-range': { rfc: '§4', summary: 'latitude within [-90, 90]', strict: 'error', lenient: 'error' },
  'line-too-short': { rfc: '§3.1.4', summary: 'a LineString has at least 2 positions', strict: 'error', lenient: 'error' },
  // An open ring in a user's file is as often a cut-off ring as a forgotten closing position, and closing it
  // would draw a shape the user never made: the import rejects it and says where.
  'ring-not-closed': { rfc: '§3.1.6', summary: 'a linear ring ends where it starts', strict: 'error', lenient: 'error' },
  'ring-too-short': { rfc: '§3.1.6', summary: 'a linear ring has at least 4 positions', strict: 'error', lenient: 'error' },
  // Reversing a ring changes nothing but its orientation, so the import rewinds it (and says how many).
  'winding': { rfc: '§3.1.6', summary: 'exterior rings counter-clockwise, holes clockwise', strict: 'error', lenient: 'fix' },
  // A ring with zero area has no orientation; renderers draw nothing for it, and so does the map.
  'zero-area-ring': { rfc: '§3.1.6', summary: 'a linear ring encloses an area (else its winding is undefined)', strict: 'error', lenient: 'accept' },
  'nested-geometry-collection': { rfc: '§3.1.8', summary: 'GeometryCollections are not nested', strict: 'error', lenient: 'error' },
};

/**
 * What breaking `rule` leads to at `level`.
 * @example ruleOutcome('winding', 'lenient') // 'fix'
 */
export function ruleOutcome(rule: GeoJsonRuleId, level: RuleLevel): RuleOutcome {
  return GEOJSON_RULES[rule][level];
}

/** Why a value is not a position: not an array, fewer than two values, or a value at `index` not a finite number. */
export type PositionProblem = { kind: 'not-array' } | { kind: 'too-few-values' } | { kind: 'not-finite'; index: number };

/** Rule `bad-position` (§3.1.1). @returns undefined when `value` is a position */
export function positionProblem(value: unknown): PositionProblem | undefined {
  if (!Array.isArray(value)) return { kind: 'not-array' };
  if (value.length < 2) return { kind: 'too-few-values' };
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (typeof item !== 'number' || !Number.isFinite(item)) return { kind: 'not-finite', index };
  }
  return undefined;
}

/** Rules `lon-range` and `lat-range` (§4) for a well-formed position, in that order. */
export function rangeProblems(position: readonly number[]): ('lon-range' | 'lat-range')[] {
  const problems: ('lon-range' | 'lat-range')[] = [];
  const [lon, lat] = position as [number, number];
  if (lon < -180 || lon > 180) problems.push('lon-range');
  if (lat < -90 || lat > 90) problems.push('lat-range');
  return problems;
}

/** Rule `line-too-short` (§3.1.4). */
export function lineProblem(line: readonly Position[]): 'line-too-short' | undefined {
  return line.length < 2 ? 'line-too-short' : undefined;
}

/** Rules `ring-not-closed`, then `ring-too-short` (§3.1.6), for a ring of well-formed positions. */
export function ringProblem(ring: readonly Position[]): 'ring-not-closed' | 'ring-too-short' | undefined {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) return 'ring-not-closed';
  return ring.length < 4 ? 'ring-too-short' : undefined;
}

/**
 * Twice the signed planar area of a ring (shoelace on lon/lat); > 0 means counter-clockwise. The closing
 * edge is implied, so a ring that repeats its first position and one that does not give the same sum.
 * Planar lon/lat is what RFC 7946 and every renderer use for orientation.
 */
export function ringSignedArea2(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const a = ring[j]!;
    const b = ring[i]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum;
}

/**
 * Rules `winding` and `zero-area-ring` (§3.1.6, the right-hand rule) for a closed ring.
 * @param exterior - true for a polygon's first ring, false for a hole
 * @returns `clockwise` / `counter-clockwise` when the ring runs the wrong way, `zero-area`, or undefined
 */
export function windingProblem(ring: readonly Position[], exterior: boolean): 'clockwise' | 'counter-clockwise' | 'zero-area' | undefined {
  const area2 = ringSignedArea2(ring);
  if (area2 === 0) return 'zero-area';
  if (exterior && area2 < 0) return 'clockwise';
  if (!exterior && area2 > 0) return 'counter-clockwise';
  return undefined;
}

/** The fix for `winding`: the same ring the other way round (a new array; the input is untouched). */
export function rewindRing(ring: readonly Position[]): Position[] {
  return [...ring].reverse();
}
