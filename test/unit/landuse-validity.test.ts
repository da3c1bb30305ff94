import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import proj4 from 'proj4';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { describeLandUseIssue } from '../../src/data/landuse/describe-issue.ts';
import type { InputFile } from '../../src/data/landuse/collect-files.ts';
import { writeShapefile, type WriterGeometry } from '../../scripts/fixtures/shapefile-writer.ts';
import { EPSG_4527, PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';

/** Parcels near Jinan in GK zone 39 metres: offsets from one corner. */
const [X0, Y0] = proj4('WGS84', EPSG_4527).forward([117.05, 36.85]).map(Math.round);
const at = (ring: number[][]) => ring.map(([x, y]) => [X0 + x, Y0 + y]);
const box = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

function files(geometries: WriterGeometry[], edit?: (shp: Uint8Array) => Uint8Array): InputFile[] {
  const rows = geometries.map((_, index) => ({ BSM: index + 1, YDYHFLDM: '0101', YDYHFLMC: '水田' }));
  const fields = [{ name: 'BSM', type: 'N' as const, length: 10 }, { name: 'YDYHFLDM', type: 'C' as const, length: 10 }, { name: 'YDYHFLMC', type: 'C' as const, length: 20 }];
  const written = writeShapefile(geometries, fields, rows, 'gbk');
  return [
    { name: 'p.shp', bytes: edit ? edit(written.shp) : written.shp },
    { name: 'p.shx', bytes: written.shx },
    { name: 'p.dbf', bytes: written.dbf },
    { name: 'p.prj', bytes: new TextEncoder().encode(PRJ_GK39) },
  ];
}
const polygon = (...rings: number[][][]): WriterGeometry => ({ type: 'Polygon', coordinates: rings.map(at) });

describe('land-use reader: validity as GEOS sees it', () => {
  it('keeps parcels whose rings only touch, and those with repeated vertices; skips the one that crosses', () => {
    const geometries = [
      polygon(box(0, 0, 100), [[0, 50], [40, 30], [40, 70], [0, 50]]), // hole touching the shell, first vertex on it
      polygon(box(200, 0, 100), [[220, 20], [250, 50], [220, 50], [220, 20]], [[250, 50], [280, 80], [280, 50], [250, 50]]), // holes touching
      polygon([[400, 0], [400, 0], [500, 0], [500, 100], [500, 100], [400, 100], [400, 0]]), // repeated vertices
      polygon([[600, 0], [700, 100], [700, 0], [600, 100], [600, 0]]), // bow-tie
      polygon([[800, 0], [900, 0], [900, 100], [860, 100], [850, 50], [870, 70], [870, 30], [830, 30], [830, 70], [850, 50], [840, 100], [800, 100], [800, 0]]), // ESRI inverted hole
    ];
    const result = readLandUseFiles(files(geometries));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layer.features.map((feature) => feature.id)).toEqual([1, 2, 3, 5]);
    const issue = result.issues.find((item) => item.code === 'self-intersection')!;
    expect(issue.params).toMatchObject({ count: 1, records: '4' });
    const [lon, lat] = String(issue.params?.at).split(', ').map(Number);
    const [x, y] = proj4('WGS84', EPSG_4527).forward([lon, lat]);
    expect(Math.abs(x - (X0 + 650))).toBeLessThan(1);
    expect(Math.abs(y - (Y0 + 50))).toBeLessThan(1);
    // The touching hole is a hole of its shell: 100 × 100 m less a 40 × 40 / 2 m triangle.
    expect(area(result.layer.features[0])).toBeCloseTo(10_000 - 800, -1);
    expect(result.layer.features[0].geometry.type).toBe('Polygon');
  });

  it('reads a ring that is not closed and a record with a lowered point count, with a notice; zero padding is no cut', () => {
    const open = polygon([[0, 0], [100, 0], [100, 100], [0, 100]]);
    const square = polygon(box(200, 0, 100));
    const lowered = (shp: Uint8Array) => {
      const copy = new Uint8Array(shp.length + 24);
      copy.set(shp);
      // Second record: one point fewer than its content holds (its closing point is left out).
      const view = new DataView(copy.buffer);
      const second = 100 + 8 + view.getInt32(104, false) * 2;
      view.setInt32(second + 8 + 40, view.getInt32(second + 8 + 40, true) - 1, true);
      return copy;
    };
    const result = readLandUseFiles(files([open, square], lowered));
    expect(result.ok && result.layer.features).toHaveLength(2);
    const codes = result.issues.map((issue) => issue.code);
    expect(codes).not.toContain('shp-truncated');
    expect(result.issues.find((issue) => issue.code === 'shp-ring-unclosed')?.params).toMatchObject({ count: 2, records: '1, 2' });
    expect(result.issues.find((issue) => issue.code === 'shp-record-longer')?.params).toMatchObject({ count: 1, records: '2' });
    for (const issue of result.issues) for (const lang of ['zh', 'en'] as const) expect(describeLandUseIssue(issue, lang)).not.toMatch(/\{\w+\}|landuse\.issue/);
    if (result.ok) for (const feature of result.layer.features) expect(area(feature)).toBeCloseTo(10_000, -1);
  });

  it('checks GeoJSON parcels the same way, in their own coordinates', () => {
    const feature = (rings: number[][][]) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } });
    // A hole whose first vertex lies exactly on the shell's west edge (same longitude), and a bow-tie.
    const collection = { type: 'FeatureCollection', features: [
      feature([[[117, 36.8], [117.01, 36.8], [117.01, 36.81], [117, 36.81], [117, 36.8]], [[117, 36.805], [117.004, 36.807], [117.004, 36.803], [117, 36.805]]]),
      feature([[[117.02, 36.8], [117.03, 36.81], [117.03, 36.8], [117.02, 36.81], [117.02, 36.8]]]),
    ] };
    const result = readLandUseFiles([{ name: 'p.geojson', bytes: new TextEncoder().encode(JSON.stringify(collection)) }]);
    expect(result.ok && result.layer.features.map((item) => item.id)).toEqual([1]);
    expect(result.issues.find((issue) => issue.code === 'self-intersection')?.params).toMatchObject({ count: 1, records: '2' });
  });
});
