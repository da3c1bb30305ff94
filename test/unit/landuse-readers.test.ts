import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area } from '@turf/area';
import { readLandUseFiles } from '../../src/data/landuse/read-landuse-files.ts';
import { describeLandUseIssue } from '../../src/data/landuse/describe-issue.ts';
import { LAND_USE_ISSUE_CODES, type LandUseIssue } from '../../src/data/landuse/landuse-issues.ts';
import { encodeGbk } from '../../scripts/fixtures/shapefile-writer.ts';
import { translate, type MessageKey } from '../../src/i18n/messages.ts';
import { fixtureLoose, fixtureZip } from './landuse-fixture-files.ts';

const codes = (issues: readonly LandUseIssue[]) => issues.map((issue) => issue.code);

function expectExplained(issues: readonly LandUseIssue[]): void {
  for (const issue of issues) {
    for (const lang of ['zh', 'en'] as const) {
      const text = describeLandUseIssue(issue, lang);
      expect(text.length).toBeGreaterThan(3);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  }
}

describe('land-use readers: good files', () => {
  it('reads a zipped GBK Shapefile without .cpg, with .prj, in CGCS2000 GK zone 39', () => {
    const result = readLandUseFiles([fixtureZip('ydyh-gk39-prj.zip')]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { layer } = result;
    expect(layer.features).toHaveLength(20);
    expect(layer.fields).toEqual(['BSM', 'YDYHFLDM', 'YDYHFLMC', 'BZ']);
    expect(layer.encoding).toEqual({ encoding: 'gbk', source: 'detected' });
    expect(layer.sampleNames.slice(0, 3)).toEqual(['旱地', '乔木林地', '河流水面']);
    expect(layer.features[3].properties).toMatchObject({ BSM: 4, YDYHFLDM: '070102', YDYHFLMC: '二类城镇住宅用地', BZ: '起步区规划' });
    expect(layer.crs.crs?.id).toBe('EPSG:4527');
    expect(layer.crs.source).toBe('prj');
    // 300 m squares: the reprojected parcel has that area within 0.5 % (GK scale near 117.05° E is 1.0000003).
    expect(area(layer.features[0])).toBeGreaterThan(90_000 * 0.995);
    expect(area(layer.features[0])).toBeLessThan(90_000 * 1.005);
    // The grid's south-west corner was placed at 117.05° E, 36.85° N.
    const [longitude, latitude] = (layer.features[0].geometry.coordinates as number[][][])[0][0];
    expect(Math.abs(longitude - 117.05)).toBeLessThan(1e-4);
    expect(Math.abs(latitude - 36.85)).toBeLessThan(1e-4);
  });

  it('reads the same parcels picked as loose .shp .shx .dbf .prj files', () => {
    const zipped = readLandUseFiles([fixtureZip('ydyh-gk39-prj.zip')]);
    const loose = readLandUseFiles(fixtureLoose('ydyh-gk39-prj.zip'));
    expect(loose.ok && zipped.ok).toBe(true);
    if (loose.ok && zipped.ok) expect(loose.layer.features).toEqual(zipped.layer.features);
  });

  it('without .prj infers zone 39 from the eastings and says so', () => {
    const result = readLandUseFiles([fixtureZip('sandiao-gk39-noprj.zip')]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layer.crs).toMatchObject({ source: 'inferred', crs: { id: 'EPSG:4527' } });
    const inferred = result.issues.find((issue) => issue.code === 'crs-inferred');
    expect(inferred?.params?.assumption).toMatch(/zone 39/);
    expect(result.layer.sampleNames).toContain('城镇住宅用地');
  });

  it('a .cpg wins over detection, and the user can switch the encoding', () => {
    const utf8 = readLandUseFiles([fixtureZip('ydyh-utf8-cpg.zip')]);
    expect(utf8.ok && utf8.layer.encoding).toEqual({ encoding: 'utf-8', source: 'cpg', cpg: 'UTF-8' });
    expect(utf8.ok && utf8.layer.sampleNames[0]).toBe('旱地');
    const forced = readLandUseFiles([fixtureZip('ydyh-gk39-prj.zip')], { encoding: 'utf-8' });
    expect(forced.ok && forced.layer.encoding?.source).toBe('override');
    // GBK bytes read as UTF-8 are replacement characters: what the user sees before switching back.
    expect(forced.ok && forced.layer.sampleNames[0]).toContain('\uFFFD');
  });

  it('the user can override the coordinate system', () => {
    const result = readLandUseFiles([fixtureZip('ydyh-gk39-noprj.zip')], { crsId: 'EPSG:4527' });
    expect(result.ok && result.layer.crs).toMatchObject({ source: 'override', crs: { id: 'EPSG:4527' } });
  });

  it('reads GeoJSON parcels, and recognises and reprojects GeoJSON written in zone 39 metres', () => {
    const shapefile = readLandUseFiles([fixtureZip('ydyh-gk39-prj.zip')]);
    if (!shapefile.ok) throw new Error('fixture did not read');
    const text = (features: unknown[]) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    const wgs84 = readLandUseFiles([{ name: '用地.geojson', bytes: text(shapefile.layer.features) }]);
    expect(wgs84.ok && wgs84.layer.features.map((feature) => feature.geometry)).toEqual(shapefile.layer.features.map((feature) => feature.geometry));
    expect(wgs84.ok && wgs84.layer.sampleNames[0]).toBe('旱地');
    // The same parcels in EPSG:4527 metres (a common export mistake): 117.05° E 36.85° N is about (39 504 460, 4 078 600).
    const projected = shapefile.layer.features.map((feature) => ({
      ...feature,
      geometry: { type: 'Polygon', coordinates: (feature.geometry.coordinates as number[][][]).map((ring) => ring.map(([x, y]) => [39_500_000 + (x - 117) * 89_200, y * 110_700 - 0])) },
    }));
    const inferred = readLandUseFiles([{ name: 'gk.geojson', bytes: text(projected) }]);
    expect(inferred.ok && inferred.layer.crs).toMatchObject({ source: 'inferred', crs: { id: 'EPSG:4527' } });
    expect(codes(inferred.issues)).toContain('crs-inferred');
    expect(codes(readLandUseFiles([{ name: 'x.geojson', bytes: new TextEncoder().encode('{"type":"Feature"') }]).issues)).toEqual(['geojson-syntax']);
    expect(codes(readLandUseFiles([{ name: 'x.geojson', bytes: text([]) }]).issues)).toEqual(['no-polygons']);
  });

  it('encodes fixture text as real GBK (known bytes of 你好 and 用地)', () => {
    expect([...encodeGbk('你好')]).toEqual([0xc4, 0xe3, 0xba, 0xc3]);
    expect([...encodeGbk('用地')]).toEqual([0xd3, 0xc3, 0xb5, 0xd8]);
  });
});

describe('land-use readers: bad input is explained, never thrown', () => {
  const cases: [string, string, boolean][] = [
    ['bad-missing-dbf.zip', 'missing-dbf', false],
    ['bad-missing-shx.zip', 'missing-shx', true],
    ['bad-points.zip', 'shp-not-polygon', false],
    ['bad-lines.zip', 'shp-not-polygon', false],
    ['bad-corrupt.zip', 'zip-corrupt', false],
    ['bad-empty.zip', 'zip-empty', false],
    ['bad-unknown-prj.zip', 'prj-unknown', false],
    ['bad-self-intersecting.zip', 'self-intersection', true],
  ];
  for (const [file, code, readable] of cases) {
    it(`${file}: ${code}${readable ? ' (read with a warning)' : ''}`, () => {
      const result = readLandUseFiles([fixtureZip(file)]);
      expect(result.ok).toBe(readable);
      expect(codes(result.issues)).toContain(code);
      if (!result.ok) expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
      expectExplained(result.issues);
    });
  }

  it('names the kind of geometry a wrong .shp holds', () => {
    const points = readLandUseFiles([fixtureZip('bad-points.zip')]);
    expect(points.issues[0].params?.kind).toBe('points');
    expect(describeLandUseIssue(points.issues[0], 'en')).toMatch(/points\.shp: This \.shp holds points/);
  });

  it('reports self-intersecting parcels by record and where, and skips only them', () => {
    const result = readLandUseFiles([fixtureZip('bad-self-intersecting.zip')]);
    expect(result.ok && result.layer.features).toHaveLength(18);
    const issue = result.issues.find((item) => item.code === 'self-intersection')!;
    expect(issue.params).toMatchObject({ count: 2, records: '3, 7' });
    expect(String(issue.params?.at)).toMatch(/^117\.\d+, 36\.\d+$/);
  });

  it('a .prj that cannot be understood is refused with its name and why, never replaced by a guess', () => {
    const result = readLandUseFiles([fixtureZip('bad-unknown-prj.zip')]);
    expect(result.ok).toBe(false);
    const issue = result.issues.find((item) => item.code === 'prj-unknown')!;
    expect(issue).toMatchObject({ severity: 'error', file: 'parcels.prj' });
    expect(issue.params?.reason).toMatch(/Loximuthal/);
    expect(codes(result.issues)).not.toContain('crs-inferred');
    expect(describeLandUseIssue(issue, 'en')).toMatch(/^parcels\.prj: .*Loximuthal/);
  });

  it('a truncated .shp keeps the complete records and says where it stops', () => {
    const files = fixtureLoose('ydyh-gk39-prj.zip');
    const shp = files.find((file) => file.name.endsWith('.shp'))!;
    const cut = files.map((file) => (file === shp ? { ...file, bytes: file.bytes.subarray(0, file.bytes.length - 50) } : file));
    const result = readLandUseFiles(cut);
    expect(result.ok && result.layer.features).toHaveLength(19);
    const issue = result.issues.find((item) => item.code === 'shp-truncated')!;
    expect(issue.record).toBe(20);
    expect(issue.byteOffset).toBeGreaterThan(100);
    expectExplained(result.issues);
  });

  it('nothing picked, or only unrelated files', () => {
    expect(codes(readLandUseFiles([]).issues)).toEqual(['empty-input']);
    expect(codes(readLandUseFiles([{ name: 'notes.txt', bytes: new Uint8Array([65]) }]).issues)).toEqual(['no-shapefile']);
  });

  it('every issue code has a sentence in both languages', () => {
    for (const code of LAND_USE_ISSUE_CODES) {
      for (const lang of ['zh', 'en'] as const) expect(translate(lang, `landuse.issue.${code}` as MessageKey).length).toBeGreaterThan(3);
    }
  });
});

describe('land-use readers: properties', () => {
  const good = fixtureLoose('ydyh-gk39-prj.zip');

  it('never throw on arbitrary bytes under any Shapefile or zip name; every rejection has a message', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('x.zip', 'x.shp', 'x.dbf', 'x.geojson', 'x.prj'),
        (bytes, name) => {
          const result = readLandUseFiles([{ name, bytes }]);
          if (!result.ok) expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
          expectExplained(result.issues);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throw when bytes of a real Shapefile are damaged or cut; every rejection has a message', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('.shp', '.shx', '.dbf', '.prj'),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        (extension, changes, cutAt) => {
          const files = good.map((file) => {
            if (!file.name.endsWith(extension)) return file;
            const bytes = file.bytes.slice();
            for (const [at, value] of changes) bytes[at % bytes.length] = value;
            return { ...file, bytes: cutAt === undefined ? bytes : bytes.subarray(0, cutAt % (bytes.length + 1)) };
          });
          const result = readLandUseFiles(files);
          if (!result.ok) expect(result.issues.some((issue) => issue.severity === 'error')).toBe(true);
          else expect(result.layer.features.length).toBeGreaterThan(0);
          expectExplained(result.issues);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('attribute encoding detection', () => {
  it('UTF-8 text cut mid-character by the field width is still UTF-8; GBK is GBK', async () => {
    const { writeShapefile } = await import('../../scripts/fixtures/shapefile-writer.ts');
    const { readDbfHeader } = await import('../../src/data/landuse/read-dbf.ts');
    const { detectDbfEncoding } = await import('../../src/data/landuse/dbf-encoding.ts');
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    // 二类城镇住宅用地 is 24 bytes in UTF-8: a 10-byte field cuts its fourth character.
    const rows = [{ MC: '二类城镇住宅用地' }, { MC: '旱地' }];
    const fields = [{ name: 'MC', type: 'C' as const, length: 10 }];
    const utf8 = readDbfHeader(writeShapefile([square, square], fields, rows, 'utf-8').dbf, 'x.dbf');
    const gbk = readDbfHeader(writeShapefile([square, square], fields, rows, 'gbk').dbf, 'x.dbf');
    expect(utf8.ok && detectDbfEncoding(utf8.table).encoding).toBe('utf-8');
    expect(gbk.ok && detectDbfEncoding(gbk.table).encoding).toBe('gbk');
    const { readDbfRecords } = await import('../../src/data/landuse/read-dbf.ts');
    expect(utf8.ok && readDbfRecords(utf8.table, 'utf-8').map((record) => record.MC)).toEqual(['二类城', '旱地']);
  });
});
