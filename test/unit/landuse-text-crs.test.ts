import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { bbox } from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import { crsById, crsFromPrj, inferCrs, isGeographicRange, makeProjector } from '../../src/data/landuse/crs.ts';
import { chooseDbfEncoding, encodingFromCpg, LANGUAGE_DRIVER_CODE_PAGES, type AttributeEncoding } from '../../src/data/landuse/dbf-encoding.ts';
import { describeLandUseIssue } from '../../src/data/landuse/describe-issue.ts';
import type { LandUseIssue } from '../../src/data/landuse/landuse-issues.ts';
import { layerPlacement, START_UP_AREA_EXTENT } from '../../src/data/landuse/layer-placement.ts';
import { decodeFieldNames, readDbfHeader, readDbfRecords } from '../../src/data/landuse/read-dbf.ts';
import { readLandUseFiles, readLandUseGeoJson, readShapefileSet, sampleNames } from '../../src/data/landuse/read-landuse-files.ts';
import { writeShapefile, type WriterEncoding, type WriterField, type WriterGeometry } from '../../scripts/fixtures/shapefile-writer.ts';
import { EPSG_4527, PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';

const codes = (issues: readonly LandUseIssue[]) => issues.map((issue) => issue.code);

function expectExplained(issues: readonly LandUseIssue[]): void {
  for (const issue of issues) {
    for (const lang of ['zh', 'en'] as const) expect(describeLandUseIssue(issue, lang)).not.toMatch(/\{\w+\}|landuse\./);
  }
}

/** Distance in metres between two lon/lat points (equirectangular, fine for metre-sized differences). */
function metresBetween([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const radians = Math.PI / 180;
  return Math.hypot((lon2 - lon1) * radians * Math.cos(((lat1 + lat2) / 2) * radians) * 6_371_008.8, (lat2 - lat1) * radians * 6_371_008.8);
}

/** A 200 m square parcel around a WGS84 point, in the coordinates of a proj4 system. */
function parcelAt(longitude: number, latitude: number, definition: string): WriterGeometry {
  const [x, y] = proj4('WGS84', definition).forward([longitude, latitude]);
  return { type: 'Polygon', coordinates: [[[x - 100, y - 100], [x + 100, y - 100], [x + 100, y + 100], [x - 100, y + 100], [x - 100, y - 100]]] };
}

const INSIDE: [number, number] = [117.05, 36.9];

/** A Shapefile set as the reader gets it, with attributes written in the given encoding and language driver. */
function shapefileSet(
  fields: readonly WriterField[], rows: readonly Record<string, string | number>[],
  { encoding = 'gbk', languageDriver = 0, cpg, prj = PRJ_GK39, geometries }: { encoding?: WriterEncoding; languageDriver?: number; cpg?: string; prj?: string; geometries?: WriterGeometry[] } = {},
) {
  const shapes = geometries ?? rows.map((_, index) => parcelAt(INSIDE[0] + index * 0.01, INSIDE[1], EPSG_4527));
  const written = writeShapefile(shapes, fields, rows, encoding, { languageDriver });
  return { baseName: 'parcels', ...written, ...(prj === '' ? {} : { prj }), ...(cpg === undefined ? {} : { cpg }) };
}

/** Reads only the attribute table the way the reader does (declared or detected encoding). */
function readTable(dbf: Uint8Array, cpg?: string, override?: AttributeEncoding) {
  const header = readDbfHeader(dbf, 'parcels.dbf');
  if (!header.ok) throw new Error('header');
  const choice = chooseDbfEncoding(header.table, cpg, override);
  return { choice, names: decodeFieldNames(header.table, choice.encoding), records: readDbfRecords(header.table, choice.encoding) };
}

// DOS code pages TextDecoder lacks: bytes from the Unicode mapping tables (CP437.TXT: ü 0x81, é 0x82; CP850.TXT: Ø 0x9D, ó 0xA2).
const dos437 = (text: string) => new Uint8Array([...text].map((char) => ({ ü: 0x81, é: 0x82 } as Record<string, number>)[char] ?? char.charCodeAt(0)));
// Windows-1252 from Microsoft's CP1252.TXT (’ is 0x92); Node 20's own TextDecoder reads this label as ISO-8859-1.
const cp1252 = (text: string) => new Uint8Array([...text].map((char) => (char === '’' ? 0x92 : char.charCodeAt(0))));
const dos850 = (text: string) => new Uint8Array([...text].map((char) => ({ Ø: 0x9d, ó: 0xa2 } as Record<string, number>)[char] ?? char.charCodeAt(0)));

describe('attribute encoding: the declared code page, for values and field names', () => {
  const cases: [number, WriterEncoding, AttributeEncoding, string, string][] = [
    [0x4d, 'gbk', 'gbk', '地类编码', '城镇住宅用地'],
    [0x7a, 'gbk', 'gbk', '地类名称', '公园绿地'],
    [0x78, 'big5', 'big5', '地名', '臺北市'],
    [0x4f, 'big5', 'big5', '地名', '高雄市'],
    [0x79, 'euc-kr', 'euc-kr', '지명', '서울특별시'],
    [0x7b, 'shift_jis', 'shift_jis', '地名', '東京都'],
    [0x7c, 'windows-874', 'windows-874', 'NAME', 'กรุงเทพมหานคร'],
    [0x03, cp1252, 'windows-1252', 'NOM', 'Côte d’Ivoire'],
    [0x58, 'windows-1252', 'windows-1252', 'NOMBRE', 'Córdoba'],
    [0xc8, 'windows-1250', 'windows-1250', 'NÁZEV', 'Hněvošický háj'],
    [0xc9, 'windows-1251', 'windows-1251', 'ИМЯ', 'Москва'],
    [0xca, 'windows-1254', 'windows-1254', 'AD', 'İstanbul'],
    [0xcb, 'windows-1253', 'windows-1253', 'ΟΝΟΜΑ', 'Αθήνα'],
    [0x26, 'ibm866', 'ibm866', 'ИМЯ', 'Санкт-Петербург'],
    [0x01, dos437, 'ibm437', 'NAME', 'Müller Café'],
    [0x02, dos850, 'ibm850', 'NAME', 'Øresund Córdoba'],
  ];
  for (const [driver, writeAs, expected, fieldName, value] of cases) {
    it(`language driver 0x${driver.toString(16).toUpperCase()} (code page ${LANGUAGE_DRIVER_CODE_PAGES[driver]}): ${expected}, "${value}" and field ${fieldName}`, () => {
      const set = shapefileSet([{ name: fieldName, type: 'C', length: 40 }], [{ [fieldName]: value }], { encoding: writeAs, languageDriver: driver });
      const { choice, names, records } = readTable(set.dbf);
      expect(choice).toMatchObject({ encoding: expected, source: 'language-driver', languageDriver: driver });
      expect(names).toEqual([fieldName]);
      expect(records[0][fieldName]).toBe(value);
    });
  }

  it('the whole reader: a GBK delivery marked only by byte 0x4D has its 地类编码 field and text, and says how it knew', () => {
    const fields: WriterField[] = [{ name: '地类编码', type: 'C', length: 10 }, { name: '地类名称', type: 'C', length: 40 }, { name: '面积', type: 'N', length: 12, decimals: 2 }];
    const rows = [{ 地类编码: '0103', 地类名称: '旱地', 面积: 400.5 }, { 地类编码: '0701', 地类名称: '城镇住宅用地', 面积: 12 }];
    const result = readShapefileSet(shapefileSet(fields, rows, { languageDriver: 0x4d }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layer.fields).toEqual(['地类编码', '地类名称', '面积']);
    expect(result.layer.features.map((feature) => feature.properties.地类名称)).toEqual(['旱地', '城镇住宅用地']);
    expect(result.layer.features[0].properties.面积).toBe(400.5);
    expect(result.layer.encoding).toMatchObject({ encoding: 'gbk', source: 'language-driver', codePage: 936 });
    const issue = result.issues.find((item) => item.code === 'encoding-language-driver')!;
    expect(describeLandUseIssue(issue, 'en')).toMatch(/0x4D \(code page 936\)/);
    expectExplained(result.issues);
  });

  it('a .cpg comes before the language driver byte', () => {
    const set = shapefileSet([{ name: '面积', type: 'C', length: 20 }], [{ 面积: '二类城镇住宅' }], { encoding: 'utf-8', languageDriver: 0x4d, cpg: 'UTF-8' });
    const { choice, names, records } = readTable(set.dbf, set.cpg);
    expect(choice).toMatchObject({ encoding: 'utf-8', source: 'cpg' });
    expect(names).toEqual(['面积']);
    expect(records[0].面积).toBe('二类城镇住宅');
  });

  it('reads the .cpg forms ESRI, QGIS and GDAL write', () => {
    const expected: [string, AttributeEncoding | null][] = [
      ['936', 'gbk'], ['ANSI 936', 'gbk'], ['CP936', 'gbk'], ['GB2312', 'gbk'], ['GB18030', 'gbk'], ['UTF-8', 'utf-8'], ['utf8', 'utf-8'],
      ['65001', 'utf-8'], ['ANSI 1250', 'windows-1250'], ['1251', 'windows-1251'], ['CP1252', 'windows-1252'], ['ISO-8859-1', 'windows-1252'],
      ['88591', 'windows-1252'], ['8859-2', 'iso-8859-2'], ['Big5', 'big5'], ['950', 'big5'], ['SJIS', 'shift_jis'], ['949', 'euc-kr'],
      ['KOI8-R', 'koi8-r'], ['437', 'ibm437'], ['no such code page', null], ['<!DOCTYPE html><html>', null], ['852', null],
    ];
    for (const [cpg, encoding] of expected) expect(encodingFromCpg(cpg), cpg).toBe(encoding);
  });

  it('without a declaration: UTF-8, GBK and Latin-1 are told apart (no "C魌e")', () => {
    const fields: WriterField[] = [{ name: 'NAME', type: 'C', length: 30 }];
    const utf8 = readTable(shapefileSet([{ name: '面积', type: 'C', length: 30 }], [{ 面积: '公园绿地' }], { encoding: 'utf-8' }).dbf);
    expect(utf8.choice).toMatchObject({ encoding: 'utf-8', source: 'detected' });
    expect(utf8.names).toEqual(['面积']);
    const gbk = readTable(shapefileSet([{ name: '地类编码', type: 'C', length: 30 }], [{ 地类编码: '公园绿地' }], { encoding: 'gbk' }).dbf);
    expect(gbk.choice).toMatchObject({ encoding: 'gbk', source: 'detected' });
    expect(gbk.names).toEqual(['地类编码']);
    const latin = readTable(shapefileSet(fields, [{ NAME: 'Côte' }, { NAME: 'Zürich' }, { NAME: 'Besançon' }], { encoding: 'windows-1252' }).dbf);
    expect(latin.choice).toMatchObject({ encoding: 'windows-1252', source: 'detected' });
    expect(latin.records.map((record) => record.NAME)).toEqual(['Côte', 'Zürich', 'Besançon']);
    const ascii = readTable(shapefileSet(fields, [{ NAME: 'Jinan' }]).dbf);
    expect(ascii.choice.source).toBe('ascii');
  });

  it('the ANSI driver (0x57) names no code page: UTF-8 and GBK bytes are recognised, else Windows-1252', () => {
    const field: WriterField[] = [{ name: 'NAME', type: 'C', length: 40 }];
    expect(readTable(shapefileSet(field, [{ NAME: 'پاکستان' }], { encoding: 'utf-8', languageDriver: 0x57 }).dbf).records[0].NAME).toBe('پاکستان');
    expect(readTable(shapefileSet(field, [{ NAME: '济南市' }], { encoding: 'gbk', languageDriver: 0x57 }).dbf).records[0].NAME).toBe('济南市');
    const latin = readTable(shapefileSet(field, [{ NAME: 'Côte' }], { encoding: 'windows-1252', languageDriver: 0x57 }).dbf);
    expect(latin.choice).toMatchObject({ encoding: 'windows-1252', source: 'language-driver' });
    expect(latin.records[0].NAME).toBe('Côte');
  });

  it('a code page we cannot decode (852) falls back to detection, with a warning', () => {
    const set = shapefileSet([{ name: 'NAME', type: 'C', length: 20 }], [{ NAME: '旱地' }], { languageDriver: 0x64 });
    const result = readShapefileSet(set);
    expect(result.ok && result.layer.encoding?.encoding).toBe('gbk');
    expect(result.issues.find((issue) => issue.code === 'encoding-unsupported-code-page')?.params?.codePage).toBe(852);
    expectExplained(result.issues);
  });

  it('the planner’s choice decodes values and field names alike', () => {
    const set = shapefileSet([{ name: '地类名称', type: 'C', length: 20 }], [{ 地类名称: '旱地' }], { languageDriver: 0x4d });
    const big5 = readShapefileSet(set, { encoding: 'big5' });
    expect(big5.ok && big5.layer.encoding).toMatchObject({ encoding: 'big5', source: 'override' });
    expect(big5.ok && big5.layer.fields[0]).not.toBe('地类名称');
    const back = readShapefileSet(set, { encoding: 'gbk' });
    expect(back.ok && back.layer.fields).toEqual(['地类名称']);
    expect(back.ok && back.layer.features[0].properties.地类名称).toBe('旱地');
  });

  it('the sample shows non-ASCII values first, from a field that has them', () => {
    const features = [{ YDYHFLMC: 'A1' }, { YDYHFLMC: 'B2' }, { YDYHFLMC: '旱地' }, { YDYHFLMC: '公园绿地' }].map((properties) => ({ properties }));
    expect(sampleNames(features, ['YDYHFLMC'])).toEqual(['旱地', '公园绿地', 'A1', 'B2']);
    const codesOnly = [{ MC: '0103', BZ: '备注' }, { MC: '0701', BZ: '' }].map((properties) => ({ properties }));
    expect(sampleNames(codesOnly, ['MC', 'BZ'])).toEqual(['备注']);
  });

  it('a .dbf without fields is read: parcels without attributes', () => {
    const result = readShapefileSet(shapefileSet([], [{}, {}]));
    expect(result.ok).toBe(true);
    expect(result.ok && result.layer.fields).toEqual([]);
    expect(result.ok && result.layer.features.map((feature) => feature.properties)).toEqual([{}, {}]);
    expect(codes(result.issues)).not.toContain('dbf-header');
  });
});

/** ESRI WKT of a Gauss–Krüger grid as ArcGIS writes it, from the parameters of its EPSG definition. */
function esriGaussKruger(name: string, geographic: string, datum: string, spheroid: string, a: number, inverseFlattening: number, falseEasting: number, centralMeridian: number): string {
  return `PROJCS["${name}",GEOGCS["${geographic}",DATUM["${datum}",SPHEROID["${spheroid}",${a.toFixed(1)},${inverseFlattening}]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],` +
    `PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian.toFixed(1)}],` +
    'PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
}

// EPSG:2415 and EPSG:2384 (Krassovsky 1940; IAG 1975 a = 6 378 140 m, 1/f = 298.257).
const PRJ_BEIJING_GK39 = esriGaussKruger('Beijing_1954_3_Degree_GK_Zone_39', 'GCS_Beijing_1954', 'D_Beijing_1954', 'Krasovsky_1940', 6378245, 298.3, 39_500_000, 117);
const PRJ_XIAN_CM117 = esriGaussKruger('Xian_1980_3_Degree_GK_CM_117E', 'GCS_Xian_1980', 'D_Xian_1980', 'Xian_1980', 6378140, 298.257, 500_000, 117);
const PRJ_CGCS_6_ZONE_20 = esriGaussKruger('CGCS2000_GK_Zone_20', 'GCS_China_Geodetic_Coordinate_System_2000', 'D_China_2000', 'CGCS2000', 6378137, 298.257222101, 20_500_000, 117);
const PRJ_CGCS_6_CM_117 = esriGaussKruger('CGCS2000_GK_CM_117E', 'GCS_China_Geodetic_Coordinate_System_2000', 'D_China_2000', 'CGCS2000', 6378137, 298.257222101, 500_000, 117);
// EPSG:32650, as ESRI writes it (projection named Transverse_Mercator, WGS 1984).
const PRJ_UTM_50N = 'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
  'PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
// EPSG:27700 in OGC WKT 1 (datum OSGB 1936, Airy 1830).
const PRJ_BRITISH_NATIONAL_GRID = 'PROJCS["OSGB 1936 / British National Grid",GEOGCS["OSGB 1936",DATUM["OSGB_1936",SPHEROID["Airy 1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],' +
  'PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],PARAMETER["central_meridian",-2],PARAMETER["scale_factor",0.9996012717],PARAMETER["false_easting",400000],PARAMETER["false_northing",-100000],UNIT["metre",1]]';
// EPSG:2056 in ESRI WKT (Hotine oblique Mercator, azimuth at the centre).
const PRJ_SWISS_LV95 = 'PROJCS["CH1903+_LV95",GEOGCS["GCS_CH1903+",DATUM["D_CH1903+",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
  'PROJECTION["Hotine_Oblique_Mercator_Azimuth_Center"],PARAMETER["False_Easting",2600000.0],PARAMETER["False_Northing",1200000.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Azimuth",90.0],' +
  'PARAMETER["Longitude_Of_Center",7.43958333333333],PARAMETER["Latitude_Of_Center",46.9524055555556],UNIT["Meter",1.0]]';

describe('coordinate systems: every .prj kind, placed as PROJ places it', () => {
  // Reference positions: PROJ 9.1 (`cs2cs EPSG:<code> EPSG:4326`), a second implementation of the same
  // EPSG definitions. For Beijing 1954 and Xian 1980 PROJ, like this reader, knows no datum shift in China
  // and reads the coordinates on their own ellipsoid.
  const cases: [string, string, string | null, [number, number], [number, number], number][] = [
    ['Beijing 1954 3° GK zone 39 (zone prefix)', PRJ_BEIJING_GK39, 'EPSG:2415', [39_520_000, 4_095_000], [117.22464311, 36.9855187], 0.01],
    ['Xian 1980 3° GK CM 117E (no prefix)', PRJ_XIAN_CM117, 'EPSG:2384', [520_000, 4_095_000], [117.22464864, 36.9861551], 0.01],
    ['CGCS2000 6° GK zone 20 (zone prefix)', PRJ_CGCS_6_ZONE_20, 'EPSG:4498', [20_520_000, 4_095_000], [117.2246488, 36.9861723], 0.01],
    ['CGCS2000 6° GK CM 117E (no prefix)', PRJ_CGCS_6_CM_117, 'EPSG:4548', [520_000, 4_095_000], [117.2246488, 36.9861723], 0.01],
    ['WGS 84 / UTM zone 50N', PRJ_UTM_50N, null, [520_601.4543, 4_093_466.3729], [117.2315, 36.9871], 0.01],
    ['British National Grid (EPSG GN7-2 example)', PRJ_BRITISH_NATIONAL_GRID, null, [577_274.99, 69_740.5], [0.49836414, 50.50063667], 5],
    ['Swiss LV95 (oblique Mercator)', PRJ_SWISS_LV95, null, [2_700_000, 1_100_000], [8.73049699, 46.04413024], 1],
  ];
  for (const [name, prj, id, [x, y], expected, tolerance] of cases) {
    it(`${name}: read from the .prj, within ${tolerance} m of PROJ`, () => {
      const detection = crsFromPrj(prj);
      expect(detection.source).toBe('prj');
      expect(detection.crs).not.toBeNull();
      if (id) expect(detection.crs?.id).toBe(id);
      expect(metresBetween(makeProjector(detection.crs!)(x, y), expected)).toBeLessThan(tolerance);
    });
  }

  it('Beijing 1954 and Xian 1980 are read on their ellipsoid and the reader says how far off that may be', () => {
    const beijing = readShapefileSet(shapefileSet([{ name: 'MC', type: 'C', length: 10 }], [{ MC: 'a' }], { prj: PRJ_BEIJING_GK39, geometries: [parcelAt(INSIDE[0], INSIDE[1], crsById('EPSG:2415')!.definition)] }));
    expect(beijing.ok && beijing.layer.crs.crs?.unshiftedDatum).toBe('Beijing 1954');
    const estimated = beijing.issues.find((issue) => issue.code === 'datum-shift-estimated')!;
    // EPSG:15919 moves a point near Jinan by about 68 m.
    expect(Number(estimated.params?.metres)).toBeGreaterThan(50);
    expect(Number(estimated.params?.metres)).toBeLessThan(100);
    const xian = readShapefileSet(shapefileSet([{ name: 'MC', type: 'C', length: 10 }], [{ MC: 'a' }], { prj: PRJ_XIAN_CM117, geometries: [parcelAt(INSIDE[0], INSIDE[1], crsById('EPSG:2384')!.definition)] }));
    expect(codes(xian.issues)).toContain('datum-shift-unknown');
    expect(xian.ok && xian.layer.overlapsArea).toBe(true);
    expectExplained([...beijing.issues, ...xian.issues]);
    // A file that gives the shift (TOWGS84) is shifted and needs no warning.
    const withShift = crsFromPrj(PRJ_BEIJING_GK39.replace('SPHEROID["Krasovsky_1940",6378245.0,298.3]', 'SPHEROID["Krasovsky_1940",6378245.0,298.3],TOWGS84[15.8,-154.4,-82.3,0,0,0,0]'));
    expect(withShift.crs?.definition).toContain('+towgs84=15.8,-154.4,-82.3');
    expect(withShift.crs?.unshiftedDatum).toBeUndefined();
  });

  it('an EPSG authority in the .prj names the system; Gauss–Krüger zones by code', () => {
    expect(crsFromPrj(`${PRJ_UTM_50N.slice(0, -1)},AUTHORITY["EPSG","32650"]]`).crs?.id).toBe('EPSG:32650');
    expect(crsById('EPSG:4513')?.definition).toContain('+lon_0=75 +k=1 +x_0=25500000');
    expect(crsById('EPSG:21460')?.definition).toMatch(/\+lon_0=117 .*\+x_0=500000 .*\+ellps=krass/);
    expect(crsById('EPSG:2334')?.definition).toMatch(/\+lon_0=117 .*\+x_0=20500000 .*\+a=6378140/);
    expect(crsById('EPSG:9999999')).toBeUndefined();
  });

  it('a .prj that cannot be understood is refused by name and reason, whatever the coordinates look like', () => {
    const loximuthal = 'PROJCS["Loximuthal",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Loximuthal"],PARAMETER["Central_Meridian",0.0],PARAMETER["Central_Parallel",40.0],UNIT["Meter",1.0]]';
    for (const [prj, reason] of [[loximuthal, /Loximuthal/], ['<!DOCTYPE html><html></html>', /not WKT/], ['fake["srs"],text', /not WKT/]] as const) {
      const result = readShapefileSet(shapefileSet([{ name: 'MC', type: 'C', length: 10 }], [{ MC: 'a' }], { prj }));
      expect(result.ok).toBe(false);
      const issue = result.issues.find((item) => item.code === 'prj-unknown')!;
      expect(issue).toMatchObject({ severity: 'error', file: 'parcels.prj' });
      expect(String(issue.params?.reason)).toMatch(reason);
      expect(codes(result.issues)).not.toContain('crs-inferred');
      expectExplained(result.issues);
    }
  });

  it('without a .prj the guess is a question: crs.source inferred, needsConfirmation, and a warning', () => {
    const result = readShapefileSet(shapefileSet([{ name: 'MC', type: 'C', length: 10 }], [{ MC: 'a' }], { prj: '' }));
    expect(result.ok && result.layer.crs).toMatchObject({ source: 'inferred', needsConfirmation: true, crs: { id: 'EPSG:4527' } });
    expect(result.issues.find((issue) => issue.code === 'crs-inferred')?.severity).toBe('warning');
    expect(describeLandUseIssue(result.issues.find((issue) => issue.code === 'crs-inferred')!, 'en')).toMatch(/confirm/);
    // The planner's answer is an override: no question any more.
    const confirmed = readShapefileSet(shapefileSet([{ name: 'MC', type: 'C', length: 10 }], [{ MC: 'a' }], { prj: '' }), { crsId: 'EPSG:4527' });
    expect(confirmed.ok && confirmed.layer.crs).toMatchObject({ source: 'override', crs: { id: 'EPSG:4527' } });
    expect(confirmed.ok && confirmed.layer.crs.needsConfirmation).toBeUndefined();
    // Confirming the guess itself (acceptInferredCrs) keeps it inferred but no longer asks.
    const accepted = readShapefileSet(shapefileSet([{ name: 'MC', type: 'C', length: 10 }], [{ MC: 'a' }], { prj: '' }), { acceptInferredCrs: true });
    expect(accepted.ok && accepted.layer.crs).toMatchObject({ source: 'inferred', crs: { id: 'EPSG:4527' } });
    expect(accepted.ok && accepted.layer.crs.needsConfirmation).toBeUndefined();
    expect(codes(accepted.issues)).not.toContain('crs-inferred');
  });

  it('world layers rounded past 180° (maxX 180.0000019) count as longitude/latitude', () => {
    expect(isGeographicRange({ minX: -180, minY: -90, maxX: 180.0000019, maxY: 83.6 })).toBe(true);
    expect(isGeographicRange({ minX: -180, minY: -90, maxX: 180.1, maxY: 83.6 })).toBe(false);
    expect(inferCrs({ minX: -180, minY: -90, maxX: 180.0000019, maxY: 83.6 }).crs?.geographic).toBe(true);
    const world = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { NAME: 'Fiji' }, geometry: { type: 'Polygon', coordinates: [[[178, -17], [180.0000019, -17], [180.0000019, -16], [178, -16], [178, -17]]] } }] };
    const read = readLandUseGeoJson({ name: 'world.geojson', bytes: new TextEncoder().encode(JSON.stringify(world)) });
    expect(read.ok && read.layer.crs.crs?.id).toBe('EPSG:4326');
  });
});

describe('layers that do not reach the Start-up Area', () => {
  it('the Start-up Area box holds geodata/boundary.geojson and is no more than 0.02° larger', () => {
    const boundary = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'geodata', 'boundary.geojson'), 'utf8')) as FeatureCollection;
    const [west, south, east, north] = bbox(boundary);
    const [boxWest, boxSouth, boxEast, boxNorth] = START_UP_AREA_EXTENT;
    expect(boxWest).toBeLessThanOrEqual(west);
    expect(boxSouth).toBeLessThanOrEqual(south);
    expect(boxEast).toBeGreaterThanOrEqual(east);
    expect(boxNorth).toBeGreaterThanOrEqual(north);
    for (const gap of [west - boxWest, south - boxSouth, boxEast - east, boxNorth - north]) expect(gap).toBeLessThan(0.02);
  });

  it('places an extent: overlapping, or the distance between the boxes and the direction from the area', () => {
    expect(layerPlacement([117, 36.8, 117.1, 36.9])).toMatchObject({ overlapsArea: true, distanceKm: 0 });
    const [, south, east] = START_UP_AREA_EXTENT;
    // One degree of latitude south-east of the box's south-east corner: the corner-to-corner great-circle distance.
    const placed = layerPlacement([east + 1, south - 2, east + 2, south - 1]);
    expect(placed.direction).toBe('SE');
    const radians = Math.PI / 180;
    const expected = 2 * 6371.0088 * Math.asin(Math.sqrt(Math.sin(-radians / 2) ** 2 + Math.cos(south * radians) * Math.cos((south - 1) * radians) * Math.sin(radians / 2) ** 2));
    expect(placed.distanceKm).toBeCloseTo(expected, 6);
    expect(layerPlacement([116, 36.8, 116.5, 36.9]).direction).toBe('W');
    expect(layerPlacement(null)).toMatchObject({ extent: null, overlapsArea: false, distanceKm: null });
  });

  it('a layer in Qingdao is read, with its extent, distance and an outside-area error; one in Jinan is not flagged', () => {
    const zone40 = esriGaussKruger('CGCS2000_3_Degree_GK_Zone_40', 'GCS_China_Geodetic_Coordinate_System_2000', 'D_China_2000', 'CGCS2000', 6378137, 298.257222101, 40_500_000, 120);
    const qingdao = parcelAt(120.38, 36.07, crsById('EPSG:4528')!.definition);
    const far = readShapefileSet(shapefileSet([{ name: 'MC', type: 'C', length: 10 }], [{ MC: 'a' }], { prj: zone40, geometries: [qingdao] }));
    expect(far.ok).toBe(true);
    if (!far.ok) return;
    expect(far.layer.overlapsArea).toBe(false);
    expect(far.layer.extent?.[0]).toBeCloseTo(120.38, 2);
    expect(far.layer.direction).toBe('E');
    expect(far.layer.distanceKm).toBeGreaterThan(250);
    expect(far.layer.distanceKm).toBeLessThan(300);
    const issue = far.issues.find((item) => item.code === 'outside-area')!;
    expect(issue.severity).toBe('error');
    expect(describeLandUseIssue(issue, 'en')).toMatch(/about 2\d\d\.\d km east of it/);
    expect(describeLandUseIssue(issue, 'zh')).toMatch(/起步区以东约 2\d\d\.\d 千米/);
    const near = readShapefileSet(shapefileSet([{ name: 'MC', type: 'C', length: 10 }], [{ MC: 'a' }]));
    expect(near.ok && near.layer).toMatchObject({ overlapsArea: true, distanceKm: 0 });
    expect(codes(near.issues)).not.toContain('outside-area');
  });

  it('the whole import keeps the extent and the issue for the app', async () => {
    const { prepareLandUseLayer } = await import('../../src/data/landuse/prepare-landuse-layer.ts');
    const set = shapefileSet([{ name: 'YDYHFLDM', type: 'C', length: 10 }], [{ YDYHFLDM: '0103' }], { geometries: [parcelAt(120.38, 36.07, EPSG_4527)] });
    const files = [{ name: 'p.shp', bytes: set.shp }, { name: 'p.shx', bytes: set.shx }, { name: 'p.dbf', bytes: set.dbf }, { name: 'p.prj', bytes: new TextEncoder().encode(PRJ_GK39) }];
    const prepared = prepareLandUseLayer(files);
    expect(prepared.ok && prepared.layer.placement.extent![0]).toBeCloseTo(120.38, 2);
    expect(prepared.ok && prepared.layer.placement.overlapsArea).toBe(false);
    expect(prepared.ok && prepared.issues.find((issue) => issue.code === 'outside-area')?.params?.direction).toBe('E');
    const read = readLandUseFiles(files);
    expect(read.ok && read.layer).toMatchObject({ overlapsArea: false, direction: 'E' });
  });
});
