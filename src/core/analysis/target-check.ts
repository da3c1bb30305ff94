import type { TargetCheck, TargetDefinition } from './types.js';

/** The plan's hard numbers: blue-green space ≥ 70 %, construction land ≤ 30 %. */
export const DEFAULT_TARGETS: { readonly blueGreen: TargetDefinition; readonly construction: TargetDefinition } = {
  blueGreen: { target: 0.7, op: '>=' },
  construction: { target: 0.3, op: '<=' },
};

/**
 * Evaluates a share against a target, deciding only what the data can decide.
 *
 * The rule (exact, no tuned constant): a basis that leaves a known share `unknownShare` of the region
 * unclassified (area no parcel covers, parcels of no known class) decides the target only when the verdict is
 * the same whatever that area turns out to be — every unknown m² counted for the share (best case for "≥", worst
 * for "≤") and none of it (the other way round). Then the margin is the one guaranteed in the least favourable
 * case ("short by at least", "to spare at least"). Otherwise the verdict is `'unknown'`, with no margin.
 * A basis that cannot say how much it leaves out (`unknownShare` null: the map's schematic layers, which map
 * only part of every region and leave farmland, villages and towns out) never decides; its share is a lower
 * bound of what is drawn. An undefined share (a region with no area) has no verdict either.
 * @param share - the share 0..1 of what the basis classifies, or `null` when undefined (empty region)
 * @param definition - target share (0..1) and direction
 * @param unknownShare - share 0..1 of the region whose class the basis does not give (default 0: a complete
 *   basis); `null` when the basis cannot bound it
 * @returns `pass` true / false / `'unknown'` and the margin in percentage points (null when undecided)
 * @example checkTarget(0.72, { target: 0.7, op: '>=' }) // { pass: true, marginPoints: 2, ... }
 * @example checkTarget(0.65, { target: 0.7, op: '>=' }, 0.1) // { pass: 'unknown', marginPoints: null, ... }
 */
export function checkTarget(share: number | null, definition: TargetDefinition, unknownShare: number | null = 0): TargetCheck {
  const undecided: TargetCheck = { target: definition.target, op: definition.op, pass: 'unknown', marginPoints: null };
  if (share === null || !Number.isFinite(share) || unknownShare === null || !Number.isFinite(unknownShare)) return undecided;
  const unknown = Math.max(0, unknownShare);
  const low = share;
  const high = share + unknown;
  const { target } = definition;
  // ≥: met even if none of the unknown area counts; missed even if all of it counts. ≤: the other way round.
  const guaranteed = definition.op === '>='
    ? (low >= target ? low - target : high < target ? high - target : null)
    : (high <= target ? target - high : low > target ? target - low : null);
  if (guaranteed === null) return undecided;
  return { target, op: definition.op, pass: guaranteed >= 0, marginPoints: guaranteed * 100 };
}

/** Whether a check gives a verdict (true / false), as opposed to `'unknown'`. */
export function isDecided(check: TargetCheck): check is TargetCheck & { readonly pass: boolean } {
  return check.pass !== 'unknown';
}
