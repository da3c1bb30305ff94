import { describe, expect, it } from 'vitest';
import { issueText } from '../../src/ui/components/import-panel/issue-text.ts';
import { validateImport, validateImportText } from '../../src/core/import/validate-import.ts';
import { importedLayerSpecs } from '../../src/map/imported-layers.ts';
import { addImportedLayer, blueGreenImportData, removeImportedLayer, setImportBlueGreen, setImportConversion, setImportVisible } from '../../src/state/imports.ts';
import type { ImportedLayer } from '../../src/state/imports.ts';
import { initialState } from '../../src/state/plan-state.ts';
import type { ImportIssue } from '../../src/core/import/import-issues.ts';
import type { FeatureCollection } from 'geojson';

const samples: unknown[] = [
  '{"a":', '', '{"type":"featurecollection","features":[]}', '{"type":"Circle"}', '{"type":"FeatureCollection","features":{}}',
  '{"type":"FeatureCollection","features":[]}', '{"type":"FeatureCollection","features":[1]}',
  '{"type":"Feature","properties":7,"geometry":null}', '{"type":"Feature","properties":{}}',
  '{"type":"Point","coordinates":"x"}', '{"type":"Point","coordinates":[1]}', '{"type":"Point","coordinates":[1,"2"]}',
  '{"type":"LineString","coordinates":[[1,2]]}', '{"type":"Polygon","coordinates":[[[1,2],[2,2],[1,2]]]}',
  '{"type":"Polygon","coordinates":[[[1,2],[2,2],[2,3],[1,3]]]}', '{"type":"Point","coordinates":[190,20]}',
  '{"type":"Point","coordinates":[39500000,4080000]}', '{"type":"Point","coordinates":[20500000,4080000]}', '{"type":"Point","coordinates":[500000,4080000]}',
  '{"type":"Point","coordinates":[36.8,117]}', '{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}',
  '{"type":"Point","coordinates":[117,36],"crs":{"type":"name","properties":{"name":"EPSG:4490"}}}',
  '{"type":"FeatureCollection","features":[{"type":"Feature","id":1,"properties":{},"geometry":null},{"type":"Feature","id":1,"properties":{},"geometry":null}]}',
  '{"type":"Polygon","coordinates":[[[1,2],[1,3],[2,3],[1,2]]]}',
  'null', '{"features":[]}', '{"type":"LineString","coordinates":5}',
];

describe('import messages in zh and en', () => {
  const issues: ImportIssue[] = samples.flatMap((text) => validateImportText(text as string).issues);
  issues.push({ code: 'too-large', severity: 'error', params: { limitMb: 200, sizeMb: 250 } }, { code: 'more-issues', severity: 'error', params: { count: 3 } }, { code: 'internal', severity: 'error', params: { detail: 'x' } }, { code: 'gjv', severity: 'error', params: { detail: 'y' } });

  it('covers every issue code', () => {
    const codes = new Set(issues.map((issue) => issue.code));
    const all = ['too-large','empty-input','json-syntax','not-object','missing-type','wrong-case-type','unknown-type','features-not-array','empty-collection','not-feature','bad-properties','missing-geometry','bad-coordinates-array','bad-coordinate','too-few-values','too-few-positions','short-ring','unclosed-ring','out-of-range','projected','swapped','nested-geometry-collection','crs-member','duplicate-id','winding-fixed','gjv','more-issues','internal'];
    expect(all.filter((code) => !codes.has(code as ImportIssue['code']))).toEqual([]);
  });

  it('fills every placeholder in both languages and says where', () => {
    for (const issue of issues) {
      for (const lang of ['zh', 'en'] as const) {
        const text = issueText(lang, issue);
        expect(text, `${lang} ${issue.code}`).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(4);
        if (issue.line !== undefined) expect(text).toContain(lang === 'zh' ? `第 ${issue.line} 行` : `line ${issue.line}`);
        if (issue.path) expect(text).toContain(issue.path);
      }
    }
  });

  it('names the Gauss-Krüger zone, its central meridian and EPSG code', () => {
    const issue = validateImport({ type: 'Point', coordinates: [39_500_000, 4_080_000] }).issues[0]!;
    expect(issueText('en', issue)).toContain('zone 39 (central meridian 117°E, EPSG:4527)');
    expect(issueText('zh', issue)).toContain('第 39 带');
  });
});

describe('imported layers in state (pure)', () => {
  const data: FeatureCollection = { type: 'FeatureCollection', features: [
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[117, 36.8], [117.1, 36.8], [117.1, 36.9], [117, 36.8]]] } },
    { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117, 36.8] } },
  ] };
  const original = new Blob([JSON.stringify(data)]);
  const layer: ImportedLayer = { id: 'imp-a', name: 'a', original, data: original, conversion: 'none', summary: { featureCount: 2, geometryTypes: ['Point', 'Polygon'], offsetCandidate: true, rewoundRings: 0 }, visible: true, countAsBlueGreen: false, bytes: 10, importedAt: '' };

  it('exposes polygons marked as blue-green to the analysis', () => {
    let state = addImportedLayer(initialState('en'), layer);
    expect(blueGreenImportData(state)).toEqual([]);
    state = setImportBlueGreen(state, 'imp-a', true);
    expect(blueGreenImportData(state)).toEqual([original]);
    expect(blueGreenImportData(setImportVisible(state, 'imp-a', false))).toEqual([]);
    expect(removeImportedLayer(state, 'imp-a').imports).toEqual([]);
  });

  it('sets a conversion with its data and keeps the original', () => {
    const state = addImportedLayer(initialState('en'), layer);
    const convertedData = new Blob(['{}']);
    const converted = setImportConversion(state, 'imp-a', 'bd09', convertedData);
    expect(converted.imports[0]).toMatchObject({ conversion: 'bd09', data: convertedData, original });
    expect(setImportConversion(converted, 'imp-a', 'none', original).imports[0]!.data).toBe(original);
  });

  it('builds fill, line and circle layers filtered by geometry type', () => {
    const specs = importedLayerSpecs('imp-a', '#000', false);
    expect(specs.map((spec) => spec.type)).toEqual(['fill', 'line', 'circle']);
    expect(specs.every((spec) => spec.layout?.visibility === 'none')).toBe(true);
  });
});
