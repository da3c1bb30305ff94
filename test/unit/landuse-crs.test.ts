import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { crsById, crsFromPrj, inferCrs, makeProjector } from '../../src/data/landuse/crs.ts';
import { parseWkt } from '../../src/data/landuse/wkt.ts';
import { PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';

/**
 * An independent forward transverse Mercator: Krüger's series to the fourth order in n, as published
 * (Krüger 1912; the form given by Karney 2011, "Transverse Mercator with an accuracy of a few nanometers",
 * eqs. 7–8, 35). Its truncation error is below 1 mm within a few degrees of the central meridian. It shares
 * no code with proj4 (whose tmerc uses Poder/Engsager's series), so agreement is a real check. Test-only:
 * the app itself reprojects with proj4.
 */
function krugerForward(
  longitude: number, latitude: number,
  { a, inverseFlattening, centralMeridian, scale, falseEasting, falseNorthing, latitudeOfOrigin = 0 }:
  { a: number; inverseFlattening: number; centralMeridian: number; scale: number; falseEasting: number; falseNorthing: number; latitudeOfOrigin?: number },
): [number, number] {
  const f = 1 / inverseFlattening;
  const n = f / (2 - f);
  const A = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const alpha = [
    n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180,
    (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440,
    (61 * n ** 3) / 240 - (103 * n ** 4) / 140,
    (49561 * n ** 4) / 161280,
  ];
  const e = (2 * Math.sqrt(n)) / (1 + n);
  const meridional = (phi: number, lambda: number): [number, number] => {
    const t = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)));
    const xi = Math.atan2(t, Math.cos(lambda));
    const eta = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
    let x = eta;
    let y = xi;
    alpha.forEach((coefficient, index) => {
      const j = 2 * (index + 1);
      x += coefficient * Math.cos(j * xi) * Math.sinh(j * eta);
      y += coefficient * Math.sin(j * xi) * Math.cosh(j * eta);
    });
    return [A * x, A * y];
  };
  const radians = Math.PI / 180;
  const [x, y] = meridional(latitude * radians, (longitude - centralMeridian) * radians);
  const [, y0] = meridional(latitudeOfOrigin * radians, 0);
  return [falseEasting + scale * x, falseNorthing + scale * (y - y0)];
}

/** Distance in metres between two lon/lat points (equirectangular, fine for metre-sized differences). */
function metresBetween([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const radians = Math.PI / 180;
  const dx = (lon2 - lon1) * radians * Math.cos(((lat1 + lat2) / 2) * radians) * 6_371_008.8;
  const dy = (lat2 - lat1) * radians * 6_371_008.8;
  return Math.hypot(dx, dy);
}

const CGCS2000 = { a: 6378137, inverseFlattening: 298.257222101, centralMeridian: 117, scale: 1, falseNorthing: 0 };

describe('CRS: reprojection to WGS84', () => {
  it('the oracle and proj4 both reproduce the published EPSG transverse Mercator example to 1 cm', () => {
    // EPSG Guidance Note 7-2, transverse Mercator worked example (OSGB 1936 / British National Grid):
    // 50°30'N 0°30'E → E 577 274.99 m, N 69 740.50 m.
    const grid = { a: 6377563.396, inverseFlattening: 299.3249646, centralMeridian: -2, scale: 0.9996012717, falseEasting: 400000, falseNorthing: -100000, latitudeOfOrigin: 49 };
    const [easting, northing] = krugerForward(0.5, 50.5, grid);
    expect(easting).toBeCloseTo(577274.99, 1);
    expect(northing).toBeCloseTo(69740.5, 1);
    const viaProj4 = proj4('+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +a=6377563.396 +rf=299.3249646 +units=m +no_defs').forward([0.5, 50.5]);
    expect(viaProj4[0]).toBeCloseTo(577274.99, 1);
    expect(viaProj4[1]).toBeCloseTo(69740.5, 1);
  });

  const point = { longitude: 117.2315, latitude: 36.9871 };
  const systems: [string, number][] = [['EPSG:4527', 39_500_000], ['EPSG:4548', 500_000], ['EPSG:4498', 20_500_000]];
  for (const [id, falseEasting] of systems) {
    it(`${id}: a known point comes back within 1 m of its WGS84 position`, () => {
      const [easting, northing] = krugerForward(point.longitude, point.latitude, { ...CGCS2000, falseEasting });
      const back = makeProjector(crsById(id)!)(easting, northing);
      expect(metresBetween(back, [point.longitude, point.latitude])).toBeLessThan(1);
      // In fact to the millimetre: two independent series agree.
      expect(metresBetween(back, [point.longitude, point.latitude])).toBeLessThan(0.001);
    });
  }

  it('the Gauss_Kruger .prj reads as EPSG:4527 and the point comes back within 1 m', () => {
    const detection = crsFromPrj(PRJ_GK39);
    expect(detection.crs?.id).toBe('EPSG:4527');
    const [easting, northing] = krugerForward(point.longitude, point.latitude, { ...CGCS2000, falseEasting: 39_500_000 });
    expect(metresBetween(makeProjector(detection.crs!)(easting, northing), [point.longitude, point.latitude])).toBeLessThan(1);
  });

  it('Web Mercator: the spherical formula inverted', () => {
    const radius = 6378137;
    const x = radius * point.longitude * (Math.PI / 180);
    const y = radius * Math.log(Math.tan(Math.PI / 4 + (point.latitude * Math.PI) / 360));
    expect(metresBetween(makeProjector(crsById('EPSG:3857')!)(x, y), [point.longitude, point.latitude])).toBeLessThan(0.01);
  });
});

describe('CRS: reading .prj files', () => {
  it('reads ESRI WKT with PROJECTION["Gauss_Kruger"] for other zones and the 6-degree zone 20', () => {
    const zone40 = PRJ_GK39.replace('39500000.0', '40500000.0').replace('"Central_Meridian",117.0', '"Central_Meridian",120.0');
    expect(crsFromPrj(zone40).crs).toMatchObject({ id: 'EPSG:4528', definition: expect.stringContaining('+lon_0=120') });
    const offGrid = PRJ_GK39.replace('39500000.0', '39400000.0');
    expect(crsFromPrj(offGrid).crs).toMatchObject({ id: 'custom', definition: expect.stringContaining('+x_0=39400000') });
    const zone20 = PRJ_GK39.replace('39500000.0', '20500000.0');
    expect(crsFromPrj(zone20).crs?.id).toBe('EPSG:4498');
    expect(crsFromPrj(PRJ_GK39.replace('39500000.0', '500000.0')).crs?.id).toBe('EPSG:4548');
  });

  it('reads OGC WKT with an EPSG authority, geographic CGCS2000 and Web Mercator', () => {
    expect(crsFromPrj('PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 39",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",117],PARAMETER["false_easting",39500000],UNIT["metre",1],AUTHORITY["EPSG","4527"]]').crs?.id).toBe('EPSG:4527');
    expect(crsFromPrj('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]').crs?.id).toBe('EPSG:4490');
    expect(crsFromPrj('PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Mercator_Auxiliary_Sphere"],UNIT["Meter",1.0]]').crs?.id).toBe('EPSG:3857');
  });

  it('refuses what it does not understand, with a reason', () => {
    expect(crsFromPrj('not wkt at all')).toMatchObject({ crs: null, reason: 'not WKT' });
    expect(parseWkt('PROJCS["a",GEOGCS["b"]')).toBeNull();
  });
});

describe('CRS: inference from coordinates', () => {
  it('zone prefix 39, no prefix, 6-degree zone 20, degrees, Web Mercator, nonsense', () => {
    expect(inferCrs({ minX: 39_504_000, maxX: 39_530_000, minY: 4_070_000, maxY: 4_100_000 }).crs?.id).toBe('EPSG:4527');
    expect(inferCrs({ minX: 504_000, maxX: 530_000, minY: 4_070_000, maxY: 4_100_000 })).toMatchObject({ crs: { id: 'EPSG:4548' }, assumption: expect.stringMatching(/117E/) });
    expect(inferCrs({ minX: 20_504_000, maxX: 20_530_000, minY: 4_070_000, maxY: 4_100_000 }).crs?.id).toBe('EPSG:4498');
    expect(inferCrs({ minX: 116.9, maxX: 117.3, minY: 36.7, maxY: 37 }).crs?.id).toBe('EPSG:4490');
    expect(inferCrs({ minX: 13_020_000, maxX: 13_060_000, minY: 4_420_000, maxY: 4_440_000 }).crs?.id).toBe('EPSG:3857');
    expect(inferCrs({ minX: -5e9, maxX: 7, minY: 0, maxY: 1 })).toMatchObject({ crs: null, reason: expect.any(String) });
  });
});

describe('CRS: properties', () => {
  it('reading any .prj text never throws: a system, or no system with a reason', async () => {
    const fc = (await import('fast-check')).default;
    const wktish = fc.stringMatching(/^[A-Z_[\]",.0-9 a-z]{0,120}$/);
    fc.assert(fc.property(fc.oneof(fc.string(), wktish, fc.constant(PRJ_GK39.slice(0, 80))), (text) => {
      const detection = crsFromPrj(text);
      expect(detection.crs !== null || typeof detection.reason === 'string').toBe(true);
    }), { numRuns: 500 });
  });
});
