import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { area } from '@turf/area';
import proj4 from 'proj4';
import type { Polygon } from 'geojson';
import { describeGeoPackage, geoPackageReader, loadSqlite, readGeoPackageLayer, recogniseUnreadable, type SqlJsStatic } from '../../src/data/landuse/read-geopackage.ts';
import { hasGeoPackage } from '../../src/data/landuse/database-files.ts';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { prepareLandUseLayer } from '../../src/data/landuse/prepare-landuse-layer.ts';
import { readGeoPackageGeometry, readWkb } from '../../src/data/landuse/read-wkb.ts';
import { describeLandUseIssue } from '../../src/data/landuse/describe-issue.ts';
import type { LandUseIssue } from '../../src/data/landuse/landuse-issues.ts';
import type { InputFile } from '../../src/data/landuse/collect-files.ts';
import { checkRfc7946 } from '../../src/core/geojson/rfc7946.ts';
import { geometryBlob, SRS_4527, writeGeoPackage, type BlobOptions, type GpkgGeometry } from '../../scripts/fixtures/geopackage-writer.ts';
import { DELIVERY_POLYGON_TABLE, deliveryParcels } from '../../scripts/fixtures/make-geopackage-fixture.ts';
import { EPSG_4527 } from '../../scripts/fixtures/landuse-fixture-data.ts';
import { fixtureZip } from './landuse-fixture-files.ts';
import { unzipSync, zipSync } from 'fflate';

const unzip = (name: string) => unzipSync(fixtureZip(name).bytes);

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
const nodeWasm = () => readFile(wasmPath);
const codes = (issues: readonly LandUseIssue[]) => issues.map((issue) => issue.code);
const toWgs84 = proj4(EPSG_4527, 'WGS84');

let sqlite: SqlJsStatic;
beforeAll(async () => {
  const loaded = await loadSqlite(nodeWasm);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  sqlite = loaded.sqlite;
});

const fixture = (): InputFile => fixtureZip('gpkg-delivery.gpkg');

/** A 300 m square in zone 39 metres near the fixture grid, outer ring clockwise. */
const SQUARE: number[][][] = [[[39504459, 4079866], [39504459, 4080166], [39504759, 4080166], [39504759, 4079866], [39504459, 4079866]]];

async function onePolygonTable(rows: { geometry: GpkgGeometry | Uint8Array | null }[], options: { srsId?: number; srs?: typeof SRS_4527[]; blob?: BlobOptions; geometryType?: string } = {}): Promise<InputFile> {
  const bytes = await writeGeoPackage({
    srs: options.srs ?? [SRS_4527],
    features: [{
      table: 'parcels', geometryType: options.geometryType ?? 'POLYGON', srsId: options.srsId ?? 4527, blob: options.blob,
      fields: [{ name: 'YDYHFLDM', type: 'TEXT' }],
      rows: rows.map((row, index) => ({ geometry: row.geometry, values: { YDYHFLDM: index % 2 === 0 ? '0103' : '1001' } })),
    }],
  });
  return { name: 'test.gpkg', bytes };
}

function expectExplained(issues: readonly LandUseIssue[]): void {
  for (const issue of issues) {
    for (const lang of ['zh', 'en'] as const) {
      const text = describeLandUseIssue(issue, lang);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toMatch(/^landuse\.issue\./);
    }
  }
}

describe('GeoPackage: the delivery fixture', () => {
  it('describes every layer: polygons, points and an attribute table', () => {
    const described = describeGeoPackage(sqlite, fixture());
    expect(described.ok).toBe(true);
    if (!described.ok) return;
    const byTable = Object.fromEntries(described.layers.map((layer) => [layer.table, layer]));
    expect(Object.keys(byTable).sort()).toEqual(['LXDW', 'QSDW', DELIVERY_POLYGON_TABLE].sort());
    expect(byTable[DELIVERY_POLYGON_TABLE]).toMatchObject({
      identifier: '起步区规划用地用海', geometry: 'polygons', recordCount: 19, srsId: 4527,
      fields: ['BSM', 'YDYHFLDM', 'YDYHFLMC', 'TBMJ', 'BZ'],
    });
    expect(byTable[DELIVERY_POLYGON_TABLE].srsWkt).toMatch(/Gauss-Kruger zone 39/);
    expect(byTable.LXDW).toMatchObject({ geometry: 'points', recordCount: 6, fields: ['DLBM', 'DLMC'], srsId: 4527 });
    expect(byTable.QSDW).toMatchObject({ geometry: 'none', recordCount: 2, fields: ['QSDWDM', 'QSDWMC'], srsWkt: null });
  });

  it('reads the polygon layer like a Shapefile: WGS84, RFC 7946 winding, UTF-8 attributes, areas as turf computes them', () => {
    const progress: number[] = [];
    const result = readGeoPackageLayer(sqlite, fixture(), DELIVERY_POLYGON_TABLE, {}, (fraction) => progress.push(fraction));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { layer } = result;
    expect(layer.name).toBe(DELIVERY_POLYGON_TABLE);
    expect(layer.recordCount).toBe(19);
    expect(layer.features).toHaveLength(19);
    expect(layer.crs).toMatchObject({ source: 'prj', crs: { id: 'EPSG:4527' } });
    expect(layer.fields).toEqual(['BSM', 'YDYHFLDM', 'YDYHFLMC', 'TBMJ', 'BZ']);
    expect(layer.features[0].properties).toEqual({ BSM: 1, YDYHFLDM: '0103', YDYHFLMC: '旱地', TBMJ: null, BZ: '含内部空洞' });
    expect(layer.features.map((feature) => feature.id)).toEqual(Array.from({ length: 19 }, (_, index) => index + 1));
    expect(layer.sampleNames.slice(0, 3)).toEqual(['旱地', '乔木林地', '河流水面']);
    expect(layer.encoding).toBeUndefined();
    expect(checkRfc7946({ type: 'FeatureCollection', features: layer.features })).toEqual([]);
    // The naive computation: each written parcel projected with proj4 on its own, measured with turf.
    const expected = deliveryParcels().map((geometry) => {
      if (geometry.type !== 'MultiPolygon') throw new Error('fixture parcels are multipolygons');
      return geometry.coordinates.reduce((sum, rings) => sum + area({ type: 'Polygon', coordinates: rings.map((ring) => ring.map((point) => toWgs84.forward(point))) } as Polygon), 0);
    });
    layer.features.forEach((feature, index) => expect(area(feature)).toBeCloseTo(expected[index], 3));
    // Parcel 1 has its 100 m hole taken out; the last record is two 300 m squares.
    expect(area(layer.features[0]) / 80_000).toBeCloseTo(1, 2);
    expect(layer.features[18].geometry.type).toBe('MultiPolygon');
    expect(area(layer.features[18]) / 180_000).toBeCloseTo(1, 2);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expectExplained(result.issues);
  });

  it('refuses the points layer and the attribute table as land-use layers, naming them', () => {
    for (const table of ['LXDW', 'QSDW']) {
      const result = readGeoPackageLayer(sqlite, fixture(), table);
      expect(result.ok).toBe(false);
      expect(codes(result.issues)).toEqual(['gpkg-not-polygon']);
      expect(describeLandUseIssue(result.issues[0], 'en')).toContain(table);
      expectExplained(result.issues);
    }
    const missing = readGeoPackageLayer(sqlite, fixture(), 'DLTB');
    expect(codes(missing.issues)).toEqual(['gpkg-no-layer']);
  });
});

describe('GeoPackage: geometry variants', () => {
  const variants: [string, BlobOptions][] = [
    ['Z (ISO 1003)', { z: true }], ['M (ISO 2003)', { m: true }], ['ZM (ISO 3003)', { z: true, m: true }],
    ['Z (EWKB flag)', { z: true, typeCodes: 'ewkb' }], ['ZM (EWKB flags)', { z: true, m: true, typeCodes: 'ewkb' }],
    ['big-endian', { bigEndian: true }], ['no envelope', { envelope: false }],
  ];
  it.each(variants)('reads %s polygons as the plain 2D polygon', async (_, blob) => {
    const withExtra = SQUARE.map((ring) => ring.map(([x, y], index) => [x, y, 40 + index, 7]));
    const plain = readGeoPackageLayer(sqlite, await onePolygonTable([{ geometry: { type: 'Polygon', coordinates: SQUARE } }]), 'parcels');
    const variant = readGeoPackageLayer(sqlite, await onePolygonTable([{ geometry: { type: 'Polygon', coordinates: withExtra } }], { blob }), 'parcels');
    expect(plain.ok && variant.ok).toBe(true);
    if (plain.ok && variant.ok) {
      expect(variant.layer.features[0].geometry).toEqual(plain.layer.features[0].geometry);
      expect((variant.layer.features[0].geometry as Polygon).coordinates[0][0]).toHaveLength(2);
    }
  });

  it('reads a geometry collection of polygons', () => {
    const blob = geometryBlob({ type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: SQUARE }, { type: 'MultiPolygon', coordinates: [SQUARE] }] }, 4527);
    const read = readGeoPackageGeometry(blob);
    expect(read).toMatchObject({ ok: true, kind: 'polygons' });
    if (read.ok && read.kind === 'polygons') expect(read.polygons).toHaveLength(2);
    expect(readGeoPackageGeometry(geometryBlob({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }, 4527))).toMatchObject({ ok: true, kind: 'points' });
  });

  it('reports empty geometries as Shapefile nulls are reported, and reads the rest', async () => {
    const file = await onePolygonTable([
      { geometry: { type: 'Polygon', coordinates: SQUARE } },
      { geometry: null },
      { geometry: geometryBlob({ type: 'Polygon', coordinates: SQUARE }, 4527, { empty: true }) },
      { geometry: geometryBlob({ type: 'Polygon', coordinates: [] }, 4527) },
    ]);
    const result = readGeoPackageLayer(sqlite, file, 'parcels');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layer.features).toHaveLength(1);
    expect(result.layer.recordCount).toBe(4);
    const empty = result.issues.find((issue) => issue.code === 'empty-geometry');
    expect(empty).toMatchObject({ severity: 'notice', record: 2, params: { count: 3, records: '2, 3, 4' } });
    expectExplained(result.issues);
  });

  it('skips a damaged geometry blob with its record and byte, and keeps the others', async () => {
    const good = geometryBlob({ type: 'Polygon', coordinates: SQUARE }, 4527);
    const cut = good.slice(0, good.length - 20);
    const hugeCount = good.slice();
    // The ring's point count (after header 8 + envelope 32 + byte order 1 + type 4 + ring count 4) set to 2^31.
    new DataView(hugeCount.buffer).setUint32(49, 0x80000000, true);
    const result = readGeoPackageLayer(sqlite, await onePolygonTable([{ geometry: good }, { geometry: cut }, { geometry: hugeCount }, { geometry: new Uint8Array([1, 2, 3]) }]), 'parcels');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layer.features.map((feature) => feature.id)).toEqual([1]);
    const issue = result.issues.find((item) => item.code === 'gpkg-geometry');
    expect(issue).toMatchObject({ severity: 'warning', record: 2, params: { count: 3, records: '2, 3, 4' } });
    expect(issue?.byteOffset).toBeGreaterThan(40);
    expectExplained(result.issues);
  });

  it('refuses curves and other types it does not read, without throwing', () => {
    const blob = geometryBlob({ type: 'Polygon', coordinates: SQUARE }, 4527);
    new DataView(blob.buffer).setUint32(41, 10, true); // CurvePolygon
    expect(readGeoPackageGeometry(blob)).toMatchObject({ ok: false, detail: expect.stringMatching(/type 10/) });
    expect(readWkb(new Uint8Array([7, 3, 0, 0, 0]))).toMatchObject({ ok: false, byteOffset: 0 });
  });
});

describe('GeoPackage: coordinate systems', () => {
  it('an undefined SRS (-1) is treated like a Shapefile without .prj: inferred from the coordinates and said so', async () => {
    const result = readGeoPackageLayer(sqlite, await onePolygonTable([{ geometry: { type: 'Polygon', coordinates: SQUARE } }], { srsId: -1 }), 'parcels');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layer.crs).toMatchObject({ source: 'inferred', crs: { id: 'EPSG:4527' } });
    expect(codes(result.issues)).toContain('crs-inferred');
    expectExplained(result.issues);
  });

  it('srs_id 4326 is longitude/latitude', async () => {
    const square = [[[117.05, 36.85], [117.05, 36.852], [117.052, 36.852], [117.052, 36.85], [117.05, 36.85]]];
    const result = readGeoPackageLayer(sqlite, await onePolygonTable([{ geometry: { type: 'Polygon', coordinates: square } }], { srsId: 4326 }), 'parcels');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.layer.crs.crs?.id).toBe('EPSG:4326');
      expect((result.layer.features[0].geometry as Polygon).coordinates[0][0]).toEqual([117.05, 36.85]);
    }
  });

  it('falls back to the EPSG code when the definition is missing', async () => {
    const srs = { ...SRS_4527, definition: 'undefined' };
    const result = readGeoPackageLayer(sqlite, await onePolygonTable([{ geometry: { type: 'Polygon', coordinates: SQUARE } }], { srs: [srs] }), 'parcels');
    expect(result.ok && result.layer.crs).toMatchObject({ source: 'prj', crs: { id: 'EPSG:4527' } });
  });

  it('refuses a stated system it cannot understand, naming it, instead of guessing', async () => {
    const lambert = {
      srsId: 990001, name: 'Xian 1980 Loximuthal', organization: 'LOCAL', organizationId: 1,
      definition: 'PROJCS["Xian_1980_Loximuthal",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Loximuthal"],PARAMETER["Central_Meridian",117.0],PARAMETER["Central_Parallel",37.0],UNIT["Meter",1.0]]',
    };
    const result = readGeoPackageLayer(sqlite, await onePolygonTable([{ geometry: { type: 'Polygon', coordinates: SQUARE } }], { srsId: 990001, srs: [lambert] }), 'parcels');
    expect(result.ok).toBe(false);
    expect(codes(result.issues)).toEqual(['crs-unknown']);
    expect(describeLandUseIssue(result.issues[0], 'en')).toContain('Xian 1980 Loximuthal');
  });

  it('a coordinate system chosen by the planner wins', async () => {
    const result = readGeoPackageLayer(sqlite, await onePolygonTable([{ geometry: { type: 'Polygon', coordinates: SQUARE } }], { srsId: -1 }), 'parcels', { crsId: 'EPSG:4527' });
    expect(result.ok && result.layer.crs).toMatchObject({ source: 'override', crs: { id: 'EPSG:4527' } });
  });
});

describe('GeoPackage: damaged and wrong files', () => {
  it('a file that is not SQLite is refused clearly', () => {
    const file = { name: 'parcels.gpkg', bytes: new TextEncoder().encode('PK\u0003\u0004 not a database at all, just some text to fill the header') };
    for (const result of [describeGeoPackage(sqlite, file), readGeoPackageLayer(sqlite, file, 'parcels')]) {
      expect(result.ok).toBe(false);
      expect(codes(result.issues)).toEqual(['gpkg-not-sqlite']);
      expectExplained(result.issues);
    }
  });

  it('an SQLite database without GeoPackage tables is refused clearly', () => {
    const db = new sqlite.Database();
    db.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    const bytes = db.export();
    db.close();
    const result = describeGeoPackage(sqlite, { name: 'notes.gpkg', bytes });
    expect(result.ok).toBe(false);
    expect(codes(result.issues)).toEqual(['gpkg-not-geopackage']);
    expectExplained(result.issues);
  });

  it('a cut or overwritten GeoPackage gives an issue, never an exception', () => {
    const whole = fixture().bytes;
    const cut = { name: 'cut.gpkg', bytes: whole.slice(0, 6000) };
    const scribbled = whole.slice();
    for (let at = 100; at < scribbled.length; at += 97) scribbled[at] ^= 0x5a;
    for (const file of [cut, { name: 'scribbled.gpkg', bytes: scribbled }]) {
      const described = describeGeoPackage(sqlite, file);
      const read = readGeoPackageLayer(sqlite, file, DELIVERY_POLYGON_TABLE);
      expect(read.ok).toBe(false);
      expect(read.issues.length).toBeGreaterThan(0);
      expect(read.issues.some((issue) => issue.severity === 'error')).toBe(true);
      expectExplained([...described.issues, ...read.issues]);
    }
  });

  it('loading sql.js that fails is an issue, and a later call can succeed', async () => {
    vi.resetModules();
    const fresh = await import('../../src/data/landuse/read-geopackage.ts');
    const failed = await fresh.loadSqlite(() => Promise.reject(new Error('blocked by policy')));
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.issues[0]).toMatchObject({ code: 'sqlite-unavailable', params: { detail: 'blocked by policy' } });
    const retried = await fresh.loadSqlite(nodeWasm);
    expect(retried.ok).toBe(true);
    expect(await fresh.loadSqlite(nodeWasm)).toBe(await fresh.loadSqlite(nodeWasm));
  });
});

describe('FileGDB and Personal GeoDatabase', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('recognises a zipped FileGDB folder and says how to export it', () => {
    const zipped = zipSync({ '起步区.gdb/a00000001.gdbtable': bytes('x'), '起步区.gdb/a00000001.gdbtablx': bytes('x'), '起步区.gdb/gdb': bytes('x') });
    const issue = recogniseUnreadable([{ name: 'delivery.zip', bytes: zipped }]);
    expect(issue).toMatchObject({ code: 'filegdb-unsupported', severity: 'error', params: { name: '起步区.gdb' } });
    const zh = describeLandUseIssue(issue!, 'zh');
    const en = describeLandUseIssue(issue!, 'en');
    expect(zh).toContain('GeoPackage');
    expect(zh).toContain('要素另存为');
    expect(en).toContain('Save Features As');
    expect(en).toContain('Feature Class To Shapefile');
  });

  it('recognises the loose files of a FileGDB folder', () => {
    expect(recogniseUnreadable([{ name: 'a00000004.gdbtable', bytes: bytes('x') }, { name: 'a00000004.gdbtablx', bytes: bytes('x') }])?.code).toBe('filegdb-unsupported');
  });

  it('recognises a Personal GeoDatabase by name or by its Jet signature', () => {
    const jet = new Uint8Array(64);
    jet.set(bytes('Standard Jet DB'), 4);
    expect(recogniseUnreadable([{ name: '土地利用.mdb', bytes: bytes('x') }])).toMatchObject({ code: 'mdb-unsupported', params: { name: '土地利用.mdb' } });
    expect(recogniseUnreadable([{ name: 'renamed.dat', bytes: jet }])?.code).toBe('mdb-unsupported');
    expect(describeLandUseIssue(recogniseUnreadable([{ name: 'x.mdb', bytes: jet }])!, 'en')).toContain('GeoPackage or Shapefile');
  });

  it('says nothing about a Shapefile zip or a GeoPackage', () => {
    expect(recogniseUnreadable([fixtureZip('ydyh-gk39-prj.zip')])).toBeNull();
    expect(recogniseUnreadable([fixture()])).toBeNull();
  });
});

describe('GeoPackage in a delivery: the layer choice', () => {
  it('uses the polygon layer with recognised classes and lists the points layer and the attribute table', () => {
    const result = readLandUseFiles([fixture()], {}, () => undefined, geoPackageReader(sqlite));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layer.layerId).toBe(`gpkg-delivery.gpkg#${DELIVERY_POLYGON_TABLE}`);
    expect(result.layer.features).toHaveLength(19);
    const delivery = Object.fromEntries((result.layer.delivery ?? []).map((layer) => [layer.name, layer]));
    expect(delivery[DELIVERY_POLYGON_TABLE]).toMatchObject({ format: 'geopackage', geometry: 'polygons', recordCount: 19, classification: { system: 'land-sea-use-2023' } });
    expect(delivery.LXDW).toMatchObject({ geometry: 'points', recordCount: 6, classification: { system: 'third-survey-2017' } });
    expect(delivery.QSDW).toMatchObject({ geometry: 'none', recordCount: 2, classification: null });
    expect(result.issues.find((issue) => issue.code === 'layer-chosen')?.params?.name).toBe(DELIVERY_POLYGON_TABLE);
    expectExplained(result.issues);
  });

  it('reads a GeoPackage inside a zip beside a Shapefile, and the planner can choose either', () => {
    const zipped = { name: '交付.zip', bytes: zipSync({ '成果/规划.gpkg': fixture().bytes, ...Object.fromEntries(Object.entries(unzip('ydyh-gk39-prj.zip')).map(([name, bytes]) => [`成果/${name}`, bytes])) }) };
    expect(hasGeoPackage([zipped])).toBe(true);
    expect(hasGeoPackage([fixtureZip('ydyh-gk39-prj.zip')])).toBe(false);
    const asked = readLandUseFiles([zipped], {}, () => undefined, geoPackageReader(sqlite));
    expect(asked.ok).toBe(false);
    if (asked.ok) return;
    expect(asked.question?.reason).toBe('several-classified');
    const chosen = readLandUseFiles([zipped], { layer: `成果/规划.gpkg#${DELIVERY_POLYGON_TABLE}` }, () => undefined, geoPackageReader(sqlite));
    expect(chosen.ok && chosen.layer.features.length).toBe(19);
  });

  it('prepares the layer for the figures exactly as a Shapefile, with progress in parcels read of all', () => {
    const progress: { read: number; total: number }[] = [];
    const prepared = prepareLandUseLayer([fixture()], {}, (_, parcels) => { if (parcels) progress.push(parcels); }, geoPackageReader(sqlite));
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.layer.choice?.system).toBe('land-sea-use-2023');
    expect(prepared.layer.collection.features).toHaveLength(19);
    expect(prepared.layer.classes.map((row) => row.landUseClass?.name)).toContain('公园绿地');
  });

  it('without SQLite loaded a GeoPackage is named as not read, and a geodatabase says how to export it', () => {
    const result = readLandUseFiles([fixture()]);
    expect(result.ok).toBe(false);
    expect(codes(result.issues)).toContain('sqlite-unavailable');
    const gdb = readLandUseFiles([{ name: 'delivery.zip', bytes: zipSync({ 'DLTB.gdb/a00000009.gdbtable': new Uint8Array([1]) }) }]);
    expect(codes(gdb.issues)).toEqual(['filegdb-unsupported']);
    expectExplained(gdb.issues);
  });
});
