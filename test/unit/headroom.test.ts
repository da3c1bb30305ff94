import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkTarget, DEFAULT_TARGETS, headroom } from '../../src/core/analysis/index.ts';

function figures(insideAreaKm2: number, blueGreenKm2: number, constructionKm2: number) {
  return {
    insideAreaKm2, blueGreenKm2, constructionKm2,
    blueGreenTarget: checkTarget(blueGreenKm2 / insideAreaKm2, DEFAULT_TARGETS.blueGreen),
    constructionTarget: checkTarget(constructionKm2 / insideAreaKm2, DEFAULT_TARGETS.construction),
  };
}

describe('headroom', () => {
  it('says how much construction land still fits under 30 % and how far blue-green is from 70 %', () => {
    const result = headroom(figures(100, 65, 25.9));
    expect(result.constructionKm2).toBeCloseTo(4.1, 10);
    expect(result.blueGreenKm2).toBeCloseTo(-5, 10);
  });

  it('is positive exactly when the target passes, and agrees with the margin in points', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      (inside, blueGreenShare, constructionShare) => {
        const f = figures(inside, blueGreenShare * inside, constructionShare * inside);
        const result = headroom(f);
        expect(result.constructionKm2).toBeCloseTo(((f.constructionTarget.marginPoints ?? 0) / 100) * inside, 6);
        expect(result.blueGreenKm2).toBeCloseTo(((f.blueGreenTarget.marginPoints ?? 0) / 100) * inside, 6);
        const construction = result.constructionKm2 ?? NaN;
        if (Math.abs(construction) > 1e-9) expect(construction > 0).toBe(f.constructionTarget.pass);
      },
    ));
  });
});
