import proj4 from 'proj4';
import { childNodes, findNode, nodeName, nodeNumber, parseWkt, type WktNode } from './wkt.js';

/**
 * Coordinate reference systems of land-use files around Jinan, and reprojection to WGS84 longitude/latitude
 * with proj4. CGCS2000 and WGS84 differ by centimetres (both are ITRF-aligned; the GRS80 and WGS84 ellipsoids
 * differ only in the ninth digit of the flattening), so CGCS2000 coordinates are used as WGS84 after the
 * projection is inverted — far below the metre tolerance of the figures.
 */
export interface CrsInfo {
  /** `EPSG:<code>` for the systems we name, `custom` for another Gauss-Krüger zone read from a .prj */
  id: string;
  /** human label, e.g. `CGCS2000 / 3-degree Gauss-Kruger zone 39` */
  label: string;
  /** proj4 definition */
  definition: string;
  geographic: boolean;
}

export interface CrsDetection {
  crs: CrsInfo | null;
  /** where the answer came from */
  source: 'prj' | 'inferred' | 'override' | 'none';
  /** for `inferred`: what was assumed, in plain words (English; the UI shows its own sentence by `id`) */
  assumption?: string;
  /** for a .prj we could not use: why */
  reason?: string;
}

const TMERC = (lon0: number, x0: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;

/** The systems the user can choose from (override). Definitions as in the EPSG registry. */
export const KNOWN_CRS: readonly CrsInfo[] = [
  { id: 'EPSG:4527', label: 'CGCS2000 / 3-degree Gauss-Kruger zone 39', definition: TMERC(117, 39_500_000), geographic: false },
  { id: 'EPSG:4548', label: 'CGCS2000 / 3-degree Gauss-Kruger CM 117E', definition: TMERC(117, 500_000), geographic: false },
  { id: 'EPSG:4498', label: 'CGCS2000 / Gauss-Kruger zone 20 (6-degree)', definition: TMERC(117, 20_500_000), geographic: false },
  { id: 'EPSG:3857', label: 'WGS 84 / Pseudo-Mercator (Web Mercator)', definition: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs', geographic: false },
  { id: 'EPSG:4490', label: 'CGCS2000 geographic (longitude/latitude)', definition: '+proj=longlat +ellps=GRS80 +no_defs', geographic: true },
  { id: 'EPSG:4326', label: 'WGS 84 geographic (longitude/latitude)', definition: '+proj=longlat +datum=WGS84 +no_defs', geographic: true },
];

/** A known system by id (`EPSG:4527`…), or undefined. */
export function crsById(id: string): CrsInfo | undefined {
  return KNOWN_CRS.find((crs) => crs.id === id);
}

function gaussKruger(centralMeridian: number, falseEasting: number): CrsInfo {
  if (centralMeridian === 117 && falseEasting === 39_500_000) return crsById('EPSG:4527')!;
  if (centralMeridian === 117 && falseEasting === 500_000) return crsById('EPSG:4548')!;
  if (centralMeridian === 117 && falseEasting === 20_500_000) return crsById('EPSG:4498')!;
  return {
    id: 'custom',
    label: `CGCS2000 / Gauss-Kruger CM ${centralMeridian}E, false easting ${falseEasting} m`,
    definition: TMERC(centralMeridian, falseEasting),
    geographic: false,
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

type Datum = 'cgcs2000' | 'wgs84' | 'beijing1954' | 'xian1980' | 'unknown';

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
  if (semiMajor === 6378137 && inverseFlattening !== undefined) {
    if (Math.abs(inverseFlattening - 298.257222101) < 1e-6) return 'cgcs2000';
    if (Math.abs(inverseFlattening - 298.257223563) < 1e-6) return 'wgs84';
  }
  if (semiMajor === 6378245) return 'beijing1954';
  if (semiMajor === 6378140) return 'xian1980';
  return 'unknown';
}

/**
 * Reads the coordinate system from the text of a .prj file.
 * @param prj - WKT text (ESRI or OGC WKT1, or WKT2)
 * @returns the system, or `crs: null` with a reason (not WKT, a datum we cannot shift, a projection we do not know)
 */
export function crsFromPrj(prj: string): CrsDetection {
  const root = parseWkt(prj);
  if (!root) return { crs: null, source: 'prj', reason: 'not WKT' };
  const authority = childNodes(root, ['AUTHORITY', 'ID']).map((node) => `${nodeName(node)}:${nodeNumber(node) ?? ''}`)[0];
  if (authority?.toUpperCase().startsWith('EPSG:')) {
    const known = crsById(`EPSG:${authority.split(':')[1]}`);
    if (known) return { crs: known, source: 'prj' };
  }
  const datum = datumOf(root);
  const rootName = normalise(nodeName(root));
  const isGeographic = ['GEOGCS', 'GEOGCRS', 'GEODCRS'].includes(root.keyword);
  if (isGeographic) {
    if (datum === 'cgcs2000') return { crs: crsById('EPSG:4490')!, source: 'prj' };
    if (datum === 'wgs84') return { crs: crsById('EPSG:4326')!, source: 'prj' };
    return { crs: null, source: 'prj', reason: `geographic system on datum ${nodeName(findNode(root, ['DATUM'])) || 'unknown'}` };
  }
  const method = normalise(nodeName(findNode(root, ['PROJECTION', 'METHOD'])));
  if (/auxiliarysphere|pseudomercator|popularvisualisation|webmercator/.test(`${method} ${rootName}`)) {
    return { crs: crsById('EPSG:3857')!, source: 'prj' };
  }
  if (!/gausskruger|gauss|transversemercator|tmerc/.test(method)) {
    return { crs: null, source: 'prj', reason: `projection ${nodeName(findNode(root, ['PROJECTION', 'METHOD'])) || 'unnamed'}` };
  }
  if (datum === 'beijing1954' || datum === 'xian1980') {
    return { crs: null, source: 'prj', reason: `datum ${datum === 'beijing1954' ? 'Beijing 1954' : 'Xian 1980'} (a shift of about 100 m to WGS84 that the file does not define)` };
  }
  if (datum !== 'cgcs2000' && datum !== 'wgs84') return { crs: null, source: 'prj', reason: 'unknown datum' };
  const map = parameters(root);
  const centralMeridian = firstParameter(map, ['centralmeridian', 'longitudeofnaturalorigin', 'longitudeofcenter', 'longitudeoforigin']);
  const falseEasting = firstParameter(map, ['falseeasting']) ?? 0;
  const scale = firstParameter(map, ['scalefactor', 'scalefactoratnaturalorigin']) ?? 1;
  const latitudeOfOrigin = firstParameter(map, ['latitudeoforigin', 'latitudeofnaturalorigin']) ?? 0;
  const falseNorthing = firstParameter(map, ['falsenorthing']) ?? 0;
  const unit = childNodes(root, ['UNIT', 'LENGTHUNIT']).map((node) => nodeNumber(node))[0] ?? 1;
  if (centralMeridian === undefined) return { crs: null, source: 'prj', reason: 'no central meridian' };
  if (scale !== 1 || latitudeOfOrigin !== 0 || falseNorthing !== 0 || unit !== 1 || datum === 'wgs84') {
    // Not a national GK grid (UTM, a local grid): still a transverse Mercator proj4 can invert exactly.
    const ellipsoid = datum === 'wgs84' ? '+datum=WGS84' : '+ellps=GRS80';
    return {
      crs: {
        id: 'custom',
        label: `${nodeName(root) || 'Transverse Mercator'}`,
        definition: `+proj=tmerc +lat_0=${latitudeOfOrigin} +lon_0=${centralMeridian} +k=${scale} +x_0=${falseEasting * unit} +y_0=${falseNorthing * unit} ${ellipsoid} +to_meter=${unit} +no_defs`,
        geographic: false,
      },
      source: 'prj',
    };
  }
  return { crs: gaussKruger(centralMeridian, falseEasting), source: 'prj' };
}

/** Bounding box of all positions, in file units. */
export interface CoordinateBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Infers the system from the coordinates when there is no .prj. China's northings are 2 000 000–6 000 000 m;
 * a Gauss-Krüger easting carries the zone number in front of the 500 000 m false easting (39 500 000 for 3°
 * zone 39); without the prefix we assume the central meridian of Jinan, 117° E.
 * @param bounds - bounding box of every position in the file
 * @returns the assumed system and the assumption in words, or `crs: null`
 */
export function inferCrs(bounds: CoordinateBounds): CrsDetection {
  const { minX, minY, maxX, maxY } = bounds;
  if (![minX, minY, maxX, maxY].every(Number.isFinite)) return { crs: null, source: 'none', reason: 'no coordinates' };
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) {
    return { crs: crsById('EPSG:4490')!, source: 'inferred', assumption: 'degrees: longitude/latitude, CGCS2000 (same as WGS84 within centimetres)' };
  }
  const northingChina = minY > 1_500_000 && maxY < 6_000_000;
  const zone = Math.floor(minX / 1_000_000);
  if (northingChina && zone === Math.floor(maxX / 1_000_000)) {
    const inZone = minX - zone * 1_000_000 > 200_000 && maxX - zone * 1_000_000 < 800_000;
    if (inZone && zone >= 25 && zone <= 45) {
      return { crs: gaussKruger(zone * 3, zone * 1_000_000 + 500_000), source: 'inferred', assumption: `eastings start with ${zone}: 3-degree Gauss-Kruger zone ${zone} (central meridian ${zone * 3}E), CGCS2000` };
    }
    if (inZone && zone >= 13 && zone <= 23) {
      return { crs: gaussKruger(zone * 6 - 3, zone * 1_000_000 + 500_000), source: 'inferred', assumption: `eastings start with ${zone}: 6-degree Gauss-Kruger zone ${zone} (central meridian ${zone * 6 - 3}E), CGCS2000` };
    }
    if (zone === 0 && minX > 200_000 && maxX < 800_000) {
      return { crs: crsById('EPSG:4548')!, source: 'inferred', assumption: 'eastings without a zone number: Gauss-Kruger with central meridian 117E (Jinan), CGCS2000' };
    }
  }
  if (minX > 11_000_000 && maxX < 15_000_000 && minY > 2_000_000 && maxY < 7_500_000) {
    return { crs: crsById('EPSG:3857')!, source: 'inferred', assumption: 'metres in the range of Web Mercator over China' };
  }
  return { crs: null, source: 'none', reason: `coordinates ${Math.round(minX)}…${Math.round(maxX)}, ${Math.round(minY)}…${Math.round(maxY)} match no system we know` };
}

/**
 * A function taking file coordinates to WGS84 [longitude, latitude] (proj4). Identity for geographic systems.
 * @param crs - the file's system
 */
export function makeProjector(crs: CrsInfo): (x: number, y: number) => [number, number] {
  if (crs.geographic) return (x, y) => [x, y];
  const converter = proj4(crs.definition, 'WGS84');
  return (x, y) => {
    const [longitude, latitude] = converter.forward([x, y]);
    return [longitude, latitude];
  };
}
