import proj4 from 'proj4';
import { childNodes, findNode, nodeName, nodeNumber, parseWkt, type WktNode } from './wkt.js';
import { DATUM_NAMES, ELLIPSOIDS, GK_CODES, TMERC, WGS84_GEOGRAPHIC, crsById, gaussKrugerByCode, type ChineseDatum, type CrsDetection, type CrsInfo } from './crs-systems.js';

export { KNOWN_CRS, crsById, type CrsDetection, type CrsInfo } from './crs-systems.js';

/**
 * Coordinate reference systems of land-use files, and reprojection to WGS84 longitude/latitude with proj4.
 * A .prj is read by proj4 (which parses WKT itself: British National Grid, Swiss oblique Mercator, UTM, state
 * planes…), except the Gauss–Krüger systems of Chinese software, read from the WKT tree here because proj4
 * rejects their `Gauss_Kruger` projection name and does not know the CGCS2000, Xian 1980 and Beijing 1954
 * datum names. CGCS2000 and WGS84 differ by centimetres (both are ITRF-aligned; the GRS80 and WGS84 ellipsoids
 * differ only in the ninth digit of the flattening), so CGCS2000 coordinates are used as WGS84. Beijing 1954
 * and Xian 1980 coordinates are read on their own ellipsoid: the datum shift to WGS84 (tens of metres) is
 * not in the file, and the reader says so (`unshiftedDatum`).
 */

/** The EPSG Gauss–Krüger system with these parameters, or a custom one with the same definition. */
function gaussKruger(datum: ChineseDatum, centralMeridian: number, falseEasting: number, towgs84: string): CrsInfo {
  const { six, sixCm, three, threeCm } = GK_CODES[datum];
  const unshifted = datum === 'cgcs2000' || towgs84 !== '' ? {} : { unshiftedDatum: DATUM_NAMES[datum] };
  let code: number | undefined;
  const zone3 = centralMeridian / 3;
  const zone6 = (centralMeridian + 3) / 6;
  if (Number.isInteger(zone3) && zone3 >= 25 && zone3 <= 45) {
    if (falseEasting === zone3 * 1_000_000 + 500_000) code = three + zone3 - 25;
    else if (falseEasting === 500_000) code = threeCm + zone3 - 25;
  }
  if (code === undefined && Number.isInteger(zone6) && zone6 >= 13 && zone6 <= 23 && falseEasting === zone6 * 1_000_000 + 500_000) code = six + zone6 - 13;
  if (code === undefined && Number.isInteger(zone6) && zone6 >= 13 && zone6 <= 23 && falseEasting === 500_000) code = sixCm + zone6 - 13;
  if (code !== undefined && towgs84 === '') return gaussKrugerByCode(code)!;
  return {
    id: 'custom',
    label: `${DATUM_NAMES[datum]} / Gauss-Kruger CM ${centralMeridian}E, false easting ${falseEasting} m`,
    definition: TMERC(centralMeridian, falseEasting, datum, towgs84),
    geographic: false,
    ...unshifted,
  };
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function parameters(root: WktNode): Map<string, number> {
  const map = new Map<string, number>();
  const visit = (node: WktNode) => {
    if (node.keyword === 'PARAMETER') {
      const value = nodeNumber(node);
      if (value !== undefined) map.set(normalise(nodeName(node)), value);
    }
    for (const value of node.values) if (typeof value === 'object') visit(value);
  };
  visit(root);
  return map;
}

function firstParameter(map: Map<string, number>, names: readonly string[]): number | undefined {
  for (const name of names) if (map.has(name)) return map.get(name);
  return undefined;
}

type Datum = ChineseDatum | 'wgs84' | 'other';

function datumOf(root: WktNode): Datum {
  const datum = findNode(root, ['DATUM', 'GEODETICDATUM', 'TRF']);
  const spheroid = findNode(root, ['SPHEROID', 'ELLIPSOID']);
  const name = normalise(`${nodeName(datum)} ${nodeName(findNode(root, ['GEOGCS', 'GEOGCRS', 'BASEGEOGCRS', 'BASEGEODCRS']))}`);
  if (/china2000|cgcs2000|cgcs/.test(name)) return 'cgcs2000';
  if (/beijing1954|beijing54/.test(name)) return 'beijing1954';
  if (/xian1980|xian80/.test(name)) return 'xian1980';
  if (/wgs1984|wgs84/.test(name)) return 'wgs84';
  const semiMajor = nodeNumber(spheroid, 0);
  const inverseFlattening = nodeNumber(spheroid, 1);
  if (semiMajor === 6378245) return 'beijing1954';
  if (semiMajor === 6378140) return 'xian1980';
  // An unnamed datum on the CGCS2000 ellipsoid named as such (software that writes "CGCS2000" only there).
  if (semiMajor === 6378137 && inverseFlattening !== undefined && /cgcs|china/.test(normalise(nodeName(spheroid))) && Math.abs(inverseFlattening - 298.257222101) < 1e-6) return 'cgcs2000';
  return 'other';
}

/** `+towgs84=…` from a TOWGS84 node of the .prj, or ''. */
function towgs84Of(root: WktNode): string {
  const node = findNode(root, ['TOWGS84']);
  const values = node?.values.filter((value): value is number => typeof value === 'number') ?? [];
  return values.length === 3 || values.length === 7 ? ` +towgs84=${values.join(',')}` : '';
}

// proj4's datum types: 1 three-parameter, 2 seven-parameter, 3 grid shift, 4 WGS84, 5 none given.
const PJD_NODATUM = 5;

/** The proj4 projection of a definition, or the reason it cannot be used. Never throws. */
function proj4Projection(definition: string): { projName?: string; datum?: { datum_type: number; a: number; b: number }; datumName?: string } | string {
  try {
    const projection = proj4.Proj(definition) as unknown as { projName?: string; datum?: { datum_type: number; a: number; b: number }; datumName?: string };
    if (!projection?.projName) return 'proj4 names no projection for it';
    proj4(definition, 'WGS84');
    return projection;
  } catch (error) {
    return String((error as Error)?.message ?? error).slice(0, 200);
  }
}

/**
 * Reads a .prj through proj4. WKT proj4 misnames is adapted first: ESRI's two-standard-parallel Mercator
 * (`Mercator_2SP`, `Mercator_1SP`) is proj4's `Mercator` with the same parameters.
 */
function fromProj4(prj: string, root: WktNode | null): CrsDetection {
  let definition = prj.trim();
  let projection = proj4Projection(definition);
  if (typeof projection === 'string' && /PROJECTION\s*\[\s*"Mercator_[12]SP"/i.test(definition)) {
    const adapted = definition.replace(/PROJECTION\s*\[\s*"Mercator_[12]SP"/i, 'PROJECTION["Mercator"');
    const second = proj4Projection(adapted);
    if (typeof second !== 'string') {
      definition = adapted;
      projection = second;
    }
  }
  if (typeof projection === 'string') {
    const method = root ? nodeName(findNode(root, ['PROJECTION', 'METHOD'])) : '';
    const reason = /could not get projection name/i.test(projection) && method ? `projection ${method} is not supported` : projection;
    return { crs: null, source: 'prj', reason };
  }
  const ellipsoid = projection.datum;
  const nearWgs84 = ellipsoid !== undefined && Math.abs(ellipsoid.a - 6378137) < 1 && Math.abs(ellipsoid.b - 6356752.314) < 1;
  const unshifted = ellipsoid !== undefined && ellipsoid.datum_type === PJD_NODATUM && !nearWgs84;
  const datumName = nodeName(findNode(root ?? { keyword: '', values: [] }, ['DATUM', 'GEODETICDATUM'])).replace(/^D_/, '').replace(/_/g, ' ');
  return {
    crs: {
      id: 'custom',
      label: (root ? nodeName(root) : '').replace(/_/g, ' ') || definition.slice(0, 60),
      definition,
      geographic: projection.projName === 'longlat',
      ...(unshifted ? { unshiftedDatum: datumName || 'unknown' } : {}),
    },
    source: 'prj',
  };
}

/**
 * Reads the coordinate system from the text of a .prj file.
 * @param prj - WKT text (ESRI or OGC WKT1, or WKT2), or a proj string
 * @returns the system, or `crs: null` with a reason (not WKT, a projection proj4 does not know…)
 */
export function crsFromPrj(prj: string): CrsDetection {
  const root = parseWkt(prj.trim());
  if (!root) {
    if (/^\s*\+proj=/.test(prj)) return fromProj4(prj, null);
    return { crs: null, source: 'prj', reason: 'not WKT' };
  }
  const authority = childNodes(root, ['AUTHORITY', 'ID']).map((node) => `${nodeName(node)}:${nodeNumber(node) ?? nodeName({ keyword: '', values: node.values.slice(1) })}`)[0];
  if (authority?.toUpperCase().startsWith('EPSG:')) {
    const known = crsById(`EPSG:${authority.split(':')[1]}`);
    if (known) return { crs: known, source: 'prj' };
  }
  const datum = datumOf(root);
  const rootName = normalise(nodeName(root));
  const towgs84 = towgs84Of(root);
  const isGeographic = ['GEOGCS', 'GEOGCRS', 'GEODCRS'].includes(root.keyword);
  if (isGeographic) {
    if (datum === 'cgcs2000') return { crs: crsById('EPSG:4490')!, source: 'prj' };
    if (datum === 'wgs84') return { crs: WGS84_GEOGRAPHIC, source: 'prj' };
    if (datum === 'beijing1954' || datum === 'xian1980') {
      const crs = crsById(datum === 'beijing1954' ? 'EPSG:4214' : 'EPSG:4610')!;
      return { crs: towgs84 ? { ...crs, id: 'custom', definition: `${crs.definition}${towgs84}`, unshiftedDatum: undefined } : crs, source: 'prj' };
    }
    return fromProj4(prj, root);
  }
  const method = normalise(nodeName(findNode(root, ['PROJECTION', 'METHOD'])));
  if (/auxiliarysphere|pseudomercator|popularvisualisation|webmercator/.test(`${method} ${rootName}`)) {
    return { crs: crsById('EPSG:3857')!, source: 'prj' };
  }
  const transverse = /gausskruger|gauss|transversemercator|tmerc/.test(method) && !/southorientated|south/.test(method);
  if (!transverse || datum === 'wgs84' || datum === 'other') return fromProj4(prj, root);
  const map = parameters(root);
  const centralMeridian = firstParameter(map, ['centralmeridian', 'longitudeofnaturalorigin', 'longitudeofcenter', 'longitudeoforigin']);
  const unit = childNodes(root, ['UNIT', 'LENGTHUNIT']).map((node) => nodeNumber(node))[0] ?? 1;
  const falseEasting = (firstParameter(map, ['falseeasting']) ?? 0) * unit;
  const scale = firstParameter(map, ['scalefactor', 'scalefactoratnaturalorigin']) ?? 1;
  const latitudeOfOrigin = firstParameter(map, ['latitudeoforigin', 'latitudeofnaturalorigin']) ?? 0;
  const falseNorthing = (firstParameter(map, ['falsenorthing']) ?? 0) * unit;
  if (centralMeridian === undefined) return { crs: null, source: 'prj', reason: 'no central meridian' };
  if (scale !== 1 || latitudeOfOrigin !== 0 || falseNorthing !== 0 || unit !== 1) {
    // Not a national GK grid (a local grid): still a transverse Mercator proj4 inverts exactly.
    return {
      crs: {
        id: 'custom',
        label: nodeName(root).replace(/_/g, ' ') || 'Transverse Mercator',
        definition: `+proj=tmerc +lat_0=${latitudeOfOrigin} +lon_0=${centralMeridian} +k=${scale} +x_0=${falseEasting} +y_0=${falseNorthing} ${ELLIPSOIDS[datum]}${towgs84} +to_meter=${unit} +no_defs`,
        geographic: false,
        ...(datum === 'cgcs2000' || towgs84 ? {} : { unshiftedDatum: DATUM_NAMES[datum] }),
      },
      source: 'prj',
    };
  }
  return { crs: gaussKruger(datum, centralMeridian, falseEasting, towgs84), source: 'prj' };
}

/** Bounding box of all positions, in file units. */
export interface CoordinateBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * How far positions may lie beyond ±180° / ±90° and still count as longitude/latitude: writers round world
 * layers outwards (a maxX of 180.0000019 is common); 1e-5° is about a metre.
 */
export const GEOGRAPHIC_TOLERANCE_DEGREES = 1e-5;

/** Whether a bounding box lies within the longitude/latitude ranges (with the rounding tolerance). */
export function isGeographicRange({ minX, minY, maxX, maxY }: CoordinateBounds): boolean {
  const limit = (value: number, max: number) => value >= -max - GEOGRAPHIC_TOLERANCE_DEGREES && value <= max + GEOGRAPHIC_TOLERANCE_DEGREES;
  return limit(minX, 180) && limit(maxX, 180) && limit(minY, 90) && limit(maxY, 90);
}

/**
 * Guesses the system from the coordinates when there is no .prj, for the planner to confirm. China's
 * northings are 2 000 000–6 000 000 m; a Gauss-Krüger easting carries the zone number in front of the
 * 500 000 m false easting (39 500 000 for 3° zone 39); without the prefix we assume the central meridian of
 * Jinan, 117° E. Every answer is a guess: `needsConfirmation` is set.
 * @param bounds - bounding box of every position in the file
 * @returns the assumed system and the assumption in words, or `crs: null`
 */
export function inferCrs(bounds: CoordinateBounds): CrsDetection {
  const { minX, minY, maxX, maxY } = bounds;
  if (![minX, minY, maxX, maxY].every(Number.isFinite)) return { crs: null, source: 'none', reason: 'no coordinates' };
  const guess = (crs: CrsInfo, assumption: string): CrsDetection => ({ crs, source: 'inferred', needsConfirmation: true, assumption });
  if (isGeographicRange(bounds)) {
    return guess(crsById('EPSG:4490')!, 'degrees: longitude/latitude, CGCS2000 (same as WGS84 within centimetres)');
  }
  const northingChina = minY > 1_500_000 && maxY < 6_000_000;
  const zone = Math.floor(minX / 1_000_000);
  if (northingChina && zone === Math.floor(maxX / 1_000_000)) {
    const inZone = minX - zone * 1_000_000 > 200_000 && maxX - zone * 1_000_000 < 800_000;
    if (inZone && zone >= 25 && zone <= 45) {
      return guess(gaussKruger('cgcs2000', zone * 3, zone * 1_000_000 + 500_000, ''), `eastings start with ${zone}: 3-degree Gauss-Kruger zone ${zone} (central meridian ${zone * 3}E), CGCS2000`);
    }
    if (inZone && zone >= 13 && zone <= 23) {
      return guess(gaussKruger('cgcs2000', zone * 6 - 3, zone * 1_000_000 + 500_000, ''), `eastings start with ${zone}: 6-degree Gauss-Kruger zone ${zone} (central meridian ${zone * 6 - 3}E), CGCS2000`);
    }
    if (zone === 0 && minX > 200_000 && maxX < 800_000) {
      return guess(crsById('EPSG:4548')!, 'eastings without a zone number: Gauss-Kruger with central meridian 117E (Jinan), CGCS2000');
    }
  }
  if (minX > 11_000_000 && maxX < 15_000_000 && minY > 2_000_000 && maxY < 7_500_000) {
    return guess(crsById('EPSG:3857')!, 'metres in the range of Web Mercator over China');
  }
  return { crs: null, source: 'none', reason: `coordinates ${Math.round(minX)}…${Math.round(maxX)}, ${Math.round(minY)}…${Math.round(maxY)} match no system we know` };
}

/**
 * A function taking file coordinates to WGS84 [longitude, latitude] (proj4). Identity for longitude/latitude
 * on WGS84 or CGCS2000.
 * @param crs - the file's system
 */
export function makeProjector(crs: CrsInfo): (x: number, y: number) => [number, number] {
  if (crs.id === 'EPSG:4326' || crs.id === 'EPSG:4490') return (x, y) => [x, y];
  const converter = proj4(crs.definition, 'WGS84');
  return (x, y) => {
    const [longitude, latitude] = converter.forward([x, y]);
    return [longitude, latitude];
  };
}

/**
 * How far positions read on the Beijing 1954 ellipsoid lie from WGS84 at a place: the distance the EPSG
 * transformation "Beijing 1954 to WGS 84 (2)" (EPSG:15919, Huang Hai / Yellow Sea, the published one nearest
 * to Jinan) moves the point. Around Jinan about 68 m. For Xian 1980 no transformation is published: undefined.
 * @returns metres, or undefined when the size is not known
 */
export function unshiftedDatumErrorMetres(crs: CrsInfo, longitude: number, latitude: number): number | undefined {
  if (crs.unshiftedDatum !== 'Beijing 1954' || !Number.isFinite(longitude) || !Number.isFinite(latitude)) return undefined;
  const [shiftedLongitude, shiftedLatitude] = proj4('+proj=longlat +ellps=krass +towgs84=15.53,-113.82,-41.38,0,0,0.814,0 +no_defs', 'WGS84').forward([longitude, latitude]);
  const radians = Math.PI / 180;
  const dx = (shiftedLongitude - longitude) * radians * Math.cos(latitude * radians) * 6_371_008.8;
  const dy = (shiftedLatitude - latitude) * radians * 6_371_008.8;
  return Math.hypot(dx, dy);
}
