/**
 * Basemap archives read as the app reads them: PMTiles by ranges from a Blob (the `pmtiles` library), MBTiles
 * with sql.js; the fixtures are the ones the browser tests use (scripts/fixtures/make-basemap-fixtures.ts),
 * made in memory here.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPmtilesFile } from '../../src/data/basemap/open-pmtiles.ts';
import { MAX_MBTILES_BYTES, mbtilesTile, openMbtiles, sniffTileFormat } from '../../src/data/basemap/read-mbtiles.ts';
import { openMbtilesFile } from '../../src/data/basemap/open-mbtiles.ts';
import { basemapPlacement, gapKm, validBounds } from '../../src/data/basemap/placement.ts';
import { archiveKindOf, isBasemapDrop } from '../../src/data/basemap/tile-archive.ts';
import { configuredUrl } from '../../src/data/basemap/deployer-basemap.ts';
import { loadSqlite, type SqlJsStatic } from '../../src/data/landuse/read-geopackage.ts';
import { FIXTURE_BOUNDS, RASTER_ATTRIBUTION, VECTOR_ATTRIBUTION, basemapFixtures } from '../../scripts/fixtures/make-basemap-fixtures.ts';
import { tilesCovering, writeMbtiles, pngTile } from '../../scripts/fixtures/tile-archive-writer.ts';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
/** The Start-up Area's box (geodata/boundary.geojson). */
const AREA: [number, number, number, number] = [116.86, 36.722, 117.385, 37.064];

let files: Record<string, Uint8Array>;
let sqlite: SqlJsStatic;

beforeAll(async () => {
  files = await basemapFixtures();
  const loaded = await loadSqlite(() => readFile(wasmPath));
  if (!loaded.ok) throw new Error('sql.js did not load');
  sqlite = loaded.sqlite;
});

const blob = (name: string) => new Blob([files[name]!.slice()]);

/** A Blob that counts the bytes read from it (slices only: the whole file is never read). */
function countingBlob(bytes: Uint8Array): { blob: Blob; read: () => number } {
  const inner = new Blob([bytes.slice()]);
  let read = 0;
  const wrap = (target: Blob): Blob => new Proxy(target, {
    get(object, property) {
      if (property === 'slice') return (start?: number, end?: number) => {
        const part = object.slice(start, end);
        read += part.size;
        return part;
      };
      if (property === 'arrayBuffer' || property === 'text' || property === 'stream') throw new Error(`the whole file was read (${String(property)})`);
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
  return { blob: wrap(inner), read: () => read };
}

describe('PMTiles from a file', () => {
  it('reads a raster archive: PNG tiles, zooms, bounds and attribution from the header and metadata', async () => {
    const opened = await openPmtilesFile(blob('raster.pmtiles'), 'raster.pmtiles');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { info } = opened.archive;
    expect(info).toMatchObject({ format: 'pmtiles', tileFormat: 'png', minZoom: 6, maxZoom: 11, attribution: RASTER_ATTRIBUTION, vectorLayers: [] });
    info.bounds!.forEach((value, index) => expect(value).toBeCloseTo(FIXTURE_BOUNDS[index]!, 6));
    const [{ x, y }] = tilesCovering([117.1, 36.9, 117.1, 36.9], 10);
    const tile = new Uint8Array((await opened.archive.tile(10, x!, y!))!);
    expect(sniffTileFormat(tile)).toBe('png');
    // a tile the archive lacks (over the Pacific)
    expect(await opened.archive.tile(10, 1000, 400)).toBeNull();
  });

  it('reads by ranges: the header, directory and one tile, never the whole file', async () => {
    const bytes = files['raster.pmtiles']!;
    const { blob: counted, read } = countingBlob(bytes);
    const opened = await openPmtilesFile(counted, 'raster.pmtiles');
    if (!opened.ok) throw new Error(opened.issue.code);
    const [{ x, y }] = tilesCovering([117.1, 36.9, 117.1, 36.9], 11);
    expect(await opened.archive.tile(11, x!, y!)).not.toBeNull();
    expect(read()).toBeGreaterThan(0);
    // header+root (up to 16 KB), metadata, one tile: well under the archive's size
    expect(read()).toBeLessThan(bytes.length);
  });

  it('reads a vector archive: MVT, its vector layers, tiles un-gzipped', async () => {
    const opened = await openPmtilesFile(blob('vector.pmtiles'), 'vector.pmtiles');
    if (!opened.ok) throw new Error(opened.issue.code);
    expect(opened.archive.info).toMatchObject({ tileFormat: 'mvt', minZoom: 6, maxZoom: 10, attribution: VECTOR_ATTRIBUTION, name: 'Test vector basemap' });
    expect(opened.archive.info.vectorLayers.map((layer) => layer.id)).toEqual(['water', 'transportation', 'place', 'survey_blocks']);
    const [{ x, y }] = tilesCovering([117.1, 36.9, 117.1, 36.9], 8);
    const tile = new Uint8Array((await opened.archive.tile(8, x!, y!))!);
    expect(tile.length).toBeGreaterThan(0);
    expect([tile[0], tile[1]]).not.toEqual([0x1f, 0x8b]);
    expect(new TextDecoder().decode(tile)).toContain('water');
  });

  it('refuses a file that is not a PMTiles archive, saying so', async () => {
    const opened = await openPmtilesFile(blob('not-an-archive.pmtiles'), 'not-an-archive.pmtiles');
    expect(opened).toEqual({ ok: false, issue: { code: 'pmtiles-magic', params: { name: 'not-an-archive.pmtiles' } } });
    const version2 = files['raster.pmtiles']!.slice();
    version2[7] = 2;
    const old = await openPmtilesFile(new Blob([version2]), 'old.pmtiles');
    expect(old).toEqual({ ok: false, issue: { code: 'pmtiles-version', params: { name: 'old.pmtiles', version: 2 } } });
  });
});

describe('MBTiles with sql.js', () => {
  it('reads a raster MBTiles: metadata, and tiles by XYZ (rows stored from the south)', () => {
    const opened = openMbtiles(sqlite, files['raster.mbtiles']!, 'raster.mbtiles');
    if (!opened.ok) throw new Error(opened.issue.code);
    expect(opened.info).toMatchObject({ format: 'mbtiles', tileFormat: 'png', minZoom: 6, maxZoom: 11, attribution: RASTER_ATTRIBUTION });
    expect(opened.info.bounds).toEqual(FIXTURE_BOUNDS);
    const [{ x, y }] = tilesCovering([117.1, 36.9, 117.1, 36.9], 9);
    expect(sniffTileFormat(mbtilesTile(opened.db, 9, x!, y!)!)).toBe('png');
    // the same column at the mirrored row (TMS read as XYZ) is outside the extent
    expect(mbtilesTile(opened.db, 9, x!, 2 ** 9 - 1 - y!)).toBeNull();
    opened.db.close();
  });

  it('un-gzips vector tiles and lists the vector layers from the json metadata', () => {
    const opened = openMbtiles(sqlite, files['vector.mbtiles']!, 'vector.mbtiles');
    if (!opened.ok) throw new Error(opened.issue.code);
    expect(opened.info.tileFormat).toBe('mvt');
    expect(opened.info.vectorLayers.map((layer) => layer.id)).toEqual(['water', 'transportation', 'place', 'survey_blocks']);
    const [{ x, y }] = tilesCovering([117.1, 36.9, 117.1, 36.9], 7);
    const tile = mbtilesTile(opened.db, 7, x!, y!)!;
    expect([tile[0], tile[1]]).not.toEqual([0x1f, 0x8b]);
    opened.db.close();
  });

  it('takes zooms, format and bounds from the tiles when the metadata leaves them out', async () => {
    const tiles = [10, 11].flatMap((z) => tilesCovering([117.0, 36.8, 117.2, 36.95], z).map(({ x, y }) => ({ z, x, y, data: pngTile(4, () => [0, 0, 0]) })));
    const bytes = await writeMbtiles(tiles, { name: 'bare' });
    const opened = openMbtiles(sqlite, bytes, 'bare.mbtiles');
    if (!opened.ok) throw new Error(opened.issue.code);
    expect(opened.info).toMatchObject({ tileFormat: 'png', minZoom: 10, maxZoom: 11 });
    const [w, s, e, n] = opened.info.bounds!;
    // the tile rows at zoom 11 cover the box, at most one tile (0.18°) beyond it
    expect(w).toBeLessThanOrEqual(117.0);
    expect(w).toBeGreaterThan(117.0 - 0.18);
    expect(e).toBeGreaterThanOrEqual(117.2);
    expect(s).toBeLessThanOrEqual(36.8);
    expect(n).toBeGreaterThanOrEqual(36.95);
    expect(n).toBeLessThan(36.95 + 0.18);
    opened.db.close();
  });

  it('refuses a file over the size limit before reading any of it', async () => {
    const huge = { size: MAX_MBTILES_BYTES + 1, arrayBuffer: () => { throw new Error('read'); } } as unknown as Blob;
    expect(await openMbtilesFile(huge, 'city.mbtiles')).toEqual({ ok: false, issue: { code: 'too-large', params: { name: 'city.mbtiles', sizeMb: 513, limitMb: 512 } } });
  });

  it('refuses what is not an MBTiles: not SQLite, or SQLite without a tiles table', () => {
    expect(openMbtiles(sqlite, files['not-sqlite.mbtiles']!, 'a.mbtiles')).toEqual({ ok: false, issue: { code: 'not-sqlite', params: { name: 'a.mbtiles' } } });
    expect(openMbtiles(sqlite, files['no-tiles-table.mbtiles']!, 'b.mbtiles')).toEqual({ ok: false, issue: { code: 'no-tiles-table', params: { name: 'b.mbtiles' } } });
  });
});

describe('placement against the Start-up Area', () => {
  it('accepts tiles over or near the area and refuses tiles far away, with the distance', async () => {
    expect(basemapPlacement(FIXTURE_BOUNDS, AREA)).toEqual({ near: true, distanceKm: 0 });
    const far = await openPmtilesFile(blob('far.pmtiles'), 'far.pmtiles');
    if (!far.ok) throw new Error(far.issue.code);
    const placement = basemapPlacement(far.archive.info.bounds, AREA);
    expect(placement.near).toBe(false);
    // Beijing's box is about 300 km north of the area
    expect(placement.distanceKm).toBeGreaterThan(250);
    expect(placement.distanceKm).toBeLessThan(350);
    expect(basemapPlacement(null, AREA)).toEqual({ near: null, distanceKm: null });
  });

  it('measures gaps in km and checks bounds', () => {
    expect(gapKm([117.5, 36.8, 117.6, 36.9], [117.0, 36.8, 117.385, 36.9])).toBeCloseTo(0.115 * 111.32 * Math.cos((36.85 * Math.PI) / 180), 3);
    expect(validBounds([1, 2, 3, 4])).toBe(true);
    expect(validBounds([3, 2, 1, 4])).toBe(false);
    expect(validBounds([0, 0, 0, 0])).toBe(false);
    expect(validBounds(null)).toBe(false);
  });
});

describe('file names and the deployer\'s config', () => {
  it('knows a tile archive by its extension', () => {
    expect(archiveKindOf('city.PMTiles')).toBe('pmtiles');
    expect(archiveKindOf('folder/cache.mbtiles')).toBe('mbtiles');
    expect(archiveKindOf('plan.geojson')).toBeNull();
    expect(isBasemapDrop(['a.shp', 'b.mbtiles'])).toBe(true);
    expect(isBasemapDrop(['a.zip'])).toBe(false);
  });

  it('takes an archive from basemap.json only on the page\'s own origin', () => {
    const base = 'https://maps.example.org/plan/index.html';
    expect(configuredUrl({ pmtiles: 'tiles/jinan.pmtiles' }, base)).toBe('https://maps.example.org/plan/tiles/jinan.pmtiles');
    expect(configuredUrl({ pmtiles: '/shared/jinan.pmtiles' }, base)).toBe('https://maps.example.org/shared/jinan.pmtiles');
    expect(configuredUrl({ pmtiles: 'https://tiles.elsewhere.com/a.pmtiles' }, base)).toBeNull();
    expect(configuredUrl({ pmtiles: '//tiles.elsewhere.com/a.pmtiles' }, base)).toBeNull();
    expect(configuredUrl({ url: 'a.pmtiles' }, base)).toBeNull();
    expect(configuredUrl(null, base)).toBeNull();
  });
});

