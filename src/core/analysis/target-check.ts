import type { TargetCheck, TargetDefinition } from './types.js';

/** The plan's hard numbers: blue-green space ≥ 70 %, construction land ≤ 30 %. */
export const DEFAULT_TARGETS: { readonly blueGreen: TargetDefinition; readonly construction: TargetDefinition } = {
  blueGreen: { target: 0.7, op: '>=' },
  construction: { target: 0.3, op: '<=' },
};

/**
 * Evaluates a share against a target.
 * @param share - the share 0..1, or `null` when undefined (empty region)
 * @param definition - target share (0..1) and direction
 * @returns pass / fail and the margin in percentage points (positive = headroom)
 * @example checkTarget(0.72, { target: 0.7, op: '>=' }) // { pass: true, marginPoints: 2, ... }
 */
export function checkTarget(share: number | null, definition: TargetDefinition): TargetCheck {
  if (share === null || !Number.isFinite(share)) {
    return { target: definition.target, op: definition.op, pass: false, marginPoints: null };
  }
  const marginPoints = (definition.op === '>=' ? share - definition.target : definition.target - share) * 100;
  return { target: definition.target, op: definition.op, pass: marginPoints >= 0, marginPoints };
}
