import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { setCompareLayout, setComparePosition, setCompareSide, startCompare, stopCompare } from '../../src/state/actions.ts';
import { initialState } from '../../src/state/plan-state.ts';
import type { PlanState } from '../../src/state/plan-state.ts';
import { compareDeltas, presetSides } from '../../src/state/compare-deltas.ts';
import { structureWithWhatIf } from '../../src/state/compare-state.ts';
import type { CompareSideFigures } from '../../src/state/compare-deltas.ts';
import { checkTarget, DEFAULT_TARGETS } from '../../src/core/analysis/index.ts';
import type { RegionFigures } from '../../src/core/analysis/index.ts';

const fresh = (): PlanState => initialState('en');

/** Figures of a region from its areas (km²), checked against the plan's targets. */
function figures(insideAreaKm2: number, blueGreenKm2: number, constructionKm2: number): RegionFigures {
  const blueGreenRatio = blueGreenKm2 / insideAreaKm2;
  const constructionRatio = constructionKm2 / insideAreaKm2;
  return {
    areaKm2: insideAreaKm2, areaHa: insideAreaKm2 * 100, areaMu: insideAreaKm2 * 1500, insideAreaKm2,
    blueGreenKm2, blueGreenRatio, constructionKm2, constructionRatio,
    blueGreenTarget: checkTarget(blueGreenRatio, DEFAULT_TARGETS.blueGreen),
    constructionTarget: checkTarget(constructionRatio, DEFAULT_TARGETS.construction),
    classes: ['water'], issues: [],
  };
}

const side = (whole: RegionFigures, clusters: [string, RegionFigures | null][]): CompareSideFigures => ({
  whole, clusters: clusters.map(([id, value]) => ({ id, nameZh: `${id}-zh`, nameEn: `${id}-en`, figures: value })),
});

describe('compare actions', () => {
  it('startCompare activates the compare with the given sides and keeps the layout and divider', () => {
    const state = setComparePosition(setCompareLayout(fresh(), 'side-by-side'), 0.3);
    const sides = presetSides('years', { year: 2023, basis: 'schematic' });
    const next = startCompare(state, sides);
    expect(next.compare).toEqual({ active: true, layout: 'side-by-side', position: 0.3, left: sides.left, right: sides.right });
    expect(state.compare.active).toBe(false);
    expect(startCompare(next, presetSides('years', { year: 2023, basis: 'schematic' }))).toBe(next);
    expect(startCompare(next)).toBe(next);
  });

  it('setCompareSide changes one side and returns the same state when nothing changes', () => {
    const state = startCompare(fresh());
    const next = setCompareSide(state, 'right', { year: 2030 });
    expect(next.compare.right).toEqual({ ...state.compare.right, year: 2030 });
    expect(next.compare.left).toBe(state.compare.left);
    expect(setCompareSide(next, 'right', { year: 2030 })).toBe(next);
  });

  it('setComparePosition clamps to 0..1 and ignores NaN', () => {
    const state = fresh();
    expect(setComparePosition(state, 1.7).compare.position).toBe(1);
    expect(setComparePosition(state, -0.2).compare.position).toBe(0);
    expect(setComparePosition(state, 0.25).compare.position).toBe(0.25);
    expect(setComparePosition(state, Number.NaN)).toBe(state);
  });

  it('setCompareLayout and stopCompare return the same state when nothing changes', () => {
    const state = fresh();
    expect(setCompareLayout(state, 'swipe')).toBe(state);
    expect(stopCompare(state)).toBe(state);
    const active = startCompare(state);
    const stopped = stopCompare(active);
    expect(stopped.compare).toEqual({ ...active.compare, active: false });
  });
});

describe('compare presets', () => {
  it('plan vs what-if keeps the year and basis; years compare against 2035; basis compares schematic with land use', () => {
    expect(presetSides('plan-whatif', { year: 2030, basis: 'landuse' })).toEqual({
      left: { basis: 'landuse', whatIf: false, year: 2030 }, right: { basis: 'landuse', whatIf: true, year: 2030 },
    });
    expect(presetSides('years', { year: 2025, basis: 'schematic' }).left.year).toBe(2025);
    expect(presetSides('years', { year: 2035, basis: 'schematic' })).toEqual({
      left: { basis: 'schematic', whatIf: false, year: 2023 }, right: { basis: 'schematic', whatIf: false, year: 2035 },
    });
    const basis = presetSides('basis', { year: 2023, basis: 'schematic' });
    expect([basis.left.basis, basis.right.basis]).toEqual(['schematic', 'landuse']);
  });
});

describe('structureWithWhatIf', () => {
  const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]] });
  const structure: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'cluster-a', properties: { id: 'cluster-a', kind: 'cluster' }, geometry: square(0) },
      { type: 'Feature', id: 'core-a', properties: { id: 'core-a', kind: 'core' }, geometry: square(5) },
    ],
  };

  it('swaps the edited outline in without touching the plan data', () => {
    const frozen = JSON.stringify(structure);
    const swapped = structureWithWhatIf(structure, { 'cluster-a': square(2) });
    expect(swapped).not.toBe(structure);
    expect(swapped.features[0].geometry).toEqual(square(2));
    expect(swapped.features[1]).toBe(structure.features[1]);
    expect(JSON.stringify(structure)).toBe(frozen);
  });

  it('returns the same collection without edits (or with edits of unknown clusters)', () => {
    expect(structureWithWhatIf(structure, {})).toBe(structure);
    expect(structureWithWhatIf(structure, { 'core-a': square(9) })).toBe(structure);
  });
});

describe('compareDeltas', () => {
  it('gives right − left in points and the headroom change in km², listing only clusters that differ', () => {
    const left = side(figures(100, 72, 25), [['a', figures(10, 6, 3)], ['b', figures(10, 7, 2)]]);
    const right = side(figures(100, 70.5, 26.5), [['a', figures(12, 6, 4.5)], ['b', figures(10, 7, 2)]]);
    const { rows, unchanged } = compareDeltas(left, right);
    expect(unchanged).toBe(false);
    expect(rows.map((row) => row.id)).toEqual(['whole', 'a']);
    const [whole, a] = rows;
    expect(whole.blueGreen.change).toBeCloseTo(-1.5, 9);
    expect(whole.construction.change).toBeCloseTo(1.5, 9);
    // 30 % of 100 km² is 30 km²: 5 km² fit under the target on the left, 3.5 km² on the right
    expect(whole.constructionHeadroomKm2.left).toBeCloseTo(5, 9);
    expect(whole.constructionHeadroomKm2.change).toBeCloseTo(-1.5, 9);
    expect(whole.blueGreenHeadroomKm2.change).toBeCloseTo(-1.5, 9);
    expect(a.construction.left).toBeCloseTo(0.3, 9);
    expect(a.construction.right).toBeCloseTo(0.375, 9);
    expect(a.construction.change).toBeCloseTo(7.5, 9);
    expect(a.nameEn).toBe('a-en');
  });

  it('gives no headroom and no headroom change where a side does not decide the target', () => {
    const undecided = (inside: number, blueGreen: number, construction: number): RegionFigures => {
      const base = figures(inside, blueGreen, construction);
      return { ...base, blueGreenTarget: checkTarget(base.blueGreenRatio, DEFAULT_TARGETS.blueGreen, null), constructionTarget: checkTarget(base.constructionRatio, DEFAULT_TARGETS.construction, null) };
    };
    const { rows } = compareDeltas(side(undecided(100, 12.9, 2.7), []), side(figures(100, 72, 25), []));
    const [whole] = rows;
    expect(whole.verdicts.blueGreen).toEqual({ left: 'unknown', right: 'true' });
    expect(whole.verdicts.construction).toEqual({ left: 'unknown', right: 'true' });
    expect(whole.blueGreenHeadroomKm2).toMatchObject({ left: null, change: null });
    expect(whole.constructionHeadroomKm2).toMatchObject({ left: null, change: null });
    // the shares still change: what is mapped on the left, what the complete basis says on the right
    expect(whole.blueGreen.change).toBeCloseTo(59.1, 9);
  });

  it('says unchanged when both sides give equal figures', () => {
    const make = () => side(figures(100, 72, 25), [['a', figures(10, 6, 3)]]);
    const { rows, unchanged } = compareDeltas(make(), make());
    expect(unchanged).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0].construction).toEqual({ left: 0.25, right: 0.25, change: 0 });
  });

  it('lists a cluster that has figures on one side only, with no change figure', () => {
    const left = side(figures(100, 72, 25), [['a', figures(10, 6, 3)], ['b', null]]);
    const right = side(figures(100, 72, 25), [['a', null], ['b', null]]);
    const { rows, unchanged } = compareDeltas(left, right);
    expect(unchanged).toBe(false);
    expect(rows.map((row) => row.id)).toEqual(['whole', 'a']);
    expect(rows[1].construction).toEqual({ left: 0.3, right: null, change: null });
  });
});
