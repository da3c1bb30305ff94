/**
 * The real plan's figures: computed with the prepared path and asserted against an independent naive
 * turf computation over the same geodata — never against typed-in constants, since the data is still
 * being built.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { naiveRegionAreas } from '../helpers/analysis-naive';
import { prepareAnalysis, regionTable, wholeAreaFigures } from '../../src/core/analysis';

const FILES = ['boundary', 'blue-green', 'construction', 'structure', 'subdistricts'] as const;
const paths = FILES.map((name) => resolve(__dirname, `../../geodata/${name}.geojson`));

const load = (name: (typeof FILES)[number]): FeatureCollection =>
  JSON.parse(readFileSync(paths[FILES.indexOf(name)], 'utf8')) as FeatureCollection;

const CLASS_SETS = [['water', 'wetland', 'forest', 'park', 'farmland'], ['water', 'wetland', 'forest', 'park']];

function near(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.001 * Math.abs(expected) + 1e-6);
}

describe('real plan figures equal the naive turf computation', () => {
  const layers = { boundary: load('boundary'), blueGreen: load('blue-green'), construction: load('construction') };
  const prepared = prepareAnalysis(layers);

  it.each(CLASS_SETS)('whole area (classes %#)', (...classes) => {
    const figures = wholeAreaFigures(prepared, { classes });
    const boundary = layers.boundary.features[0] as Feature<Polygon | MultiPolygon>;
    const naive = naiveRegionAreas(layers, boundary, classes);
    near(figures.areaKm2, naive.insideAreaKm2);
    near(figures.blueGreenKm2, naive.blueGreenKm2);
    near(figures.constructionKm2, naive.constructionKm2);
    // the schematic layers leave farmland, villages and towns unmapped: their shares never decide a target
    expect(figures.blueGreenTarget).toMatchObject({ pass: 'unknown', marginPoints: null });
    expect(figures.constructionTarget).toMatchObject({ pass: 'unknown', marginPoints: null });
    near(figures.reconciliation.officialKm2, 798);
  });

  it.each([['structure', 'cluster'], ['subdistricts', 'subdistrict']] as const)('every %s region', (file, kind) => {
    const regions = load(file).features.filter((feature) => feature.properties?.kind === kind);
    expect(regions.length).toBeGreaterThan(0);
    for (const classes of CLASS_SETS) {
      regionTable(prepared, regions, { classes }).forEach((row, i) => {
        if (!row.result.ok) {
          // Bad data is reported, not crashed on: the only accepted reasons are geometry defects.
          expect(row.result.issues.map((issue) => issue.reason)).toContain('self-intersection');
          return;
        }
        const naive = naiveRegionAreas(layers, regions[i] as Feature<Polygon | MultiPolygon>, classes);
        near(row.result.figures.insideAreaKm2, naive.insideAreaKm2);
        near(row.result.figures.blueGreenKm2, naive.blueGreenKm2);
        near(row.result.figures.constructionKm2, naive.constructionKm2);
      });
    }
  });
});
