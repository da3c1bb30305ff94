import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkTarget, DEFAULT_TARGETS, headroom, isDecided } from '../../src/core/analysis/index.ts';

const min = DEFAULT_TARGETS.blueGreen;
const max = DEFAULT_TARGETS.construction;

describe('checkTarget decides only what the data can decide', () => {
  it('on a complete basis gives pass / fail and the margin in points', () => {
    expect(checkTarget(0.75, min)).toMatchObject({ pass: true });
    expect(checkTarget(0.75, min).marginPoints).toBeCloseTo(5, 9);
    expect(checkTarget(0.65, min)).toMatchObject({ pass: false });
    expect(checkTarget(0.35, max).marginPoints).toBeCloseTo(-5, 9);
    expect(checkTarget(0.25, max)).toMatchObject({ pass: true });
  });

  it('a basis that cannot bound what it leaves out (the schematic layers) never decides, whatever the share', () => {
    for (const share of [0, 0.129, 0.5, 0.7, 0.95, 1]) {
      expect(checkTarget(share, min, null)).toEqual({ target: 0.7, op: '>=', pass: 'unknown', marginPoints: null });
      expect(checkTarget(share, max, null)).toEqual({ target: 0.3, op: '<=', pass: 'unknown', marginPoints: null });
    }
  });

  it('an undefined share (a region with no area) has no verdict', () => {
    expect(checkTarget(null, min)).toMatchObject({ pass: 'unknown', marginPoints: null });
    expect(checkTarget(Number.NaN, max)).toMatchObject({ pass: 'unknown', marginPoints: null });
  });

  it('with unclassified area: decides only when the verdict holds whatever that area turns out to be', () => {
    // blue-green 72 % classified, 5 % unknown: met even if none of the 5 % is blue-green
    expect(checkTarget(0.72, min, 0.05)).toMatchObject({ pass: true });
    expect(checkTarget(0.72, min, 0.05).marginPoints).toBeCloseTo(2, 9);
    // 60 % + 5 % unknown < 70 %: missed even if all of it were blue-green, short by at least 5 points
    expect(checkTarget(0.6, min, 0.05)).toMatchObject({ pass: false });
    expect(checkTarget(0.6, min, 0.05).marginPoints).toBeCloseTo(-5, 9);
    // 68 % + 5 % unknown straddles 70 %: no verdict, no margin
    expect(checkTarget(0.68, min, 0.05)).toMatchObject({ pass: 'unknown', marginPoints: null });
    // construction 20 % + 5 %: under 30 % even if all unknown area were construction, 5 points to spare at least
    expect(checkTarget(0.2, max, 0.05).marginPoints).toBeCloseTo(5, 9);
    expect(checkTarget(0.28, max, 0.05)).toMatchObject({ pass: 'unknown' });
    expect(checkTarget(0.31, max, 0.05)).toMatchObject({ pass: false });
  });

  it('property: a decided verdict is the verdict of every possible truth; an undecided one has truths on both sides', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(min, max),
      (a, b, definition) => {
        const share = Math.min(a, b);
        const unknown = Math.abs(a - b);
        const check = checkTarget(share, definition, unknown);
        const meets = (truth: number) => (definition.op === '>=' ? truth >= definition.target : truth <= definition.target);
        if (isDecided(check)) {
          // the truth lies anywhere in [share, share + unknown]: the ends decide
          expect(meets(share)).toBe(check.pass);
          expect(meets(share + unknown)).toBe(check.pass);
          expect(check.marginPoints === null ? NaN : check.marginPoints >= 0).toBe(check.pass);
        } else {
          expect(meets(share)).not.toBe(meets(share + unknown));
          expect(check.marginPoints).toBeNull();
        }
      },
    ));
  });
});

describe('headroom exists only where the target is decided', () => {
  it('is null on an undecided basis and the guaranteed margin as area otherwise', () => {
    const undecided = { insideAreaKm2: 800, blueGreenTarget: checkTarget(0.129, min, null), constructionTarget: checkTarget(0.027, max, null) };
    expect(headroom(undecided)).toEqual({ blueGreenKm2: null, constructionKm2: null });
    const decided = { insideAreaKm2: 100, blueGreenTarget: checkTarget(0.6, min, 0.05), constructionTarget: checkTarget(0.2, max, 0.05) };
    expect(headroom(decided).blueGreenKm2).toBeCloseTo(-5, 9);
    expect(headroom(decided).constructionKm2).toBeCloseTo(5, 9);
  });
});
