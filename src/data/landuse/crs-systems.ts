/**
 * The coordinate reference systems the land-use reader can name (EPSG ids, labels, proj definitions), without
 * proj4: the panel's list of systems (KNOWN_CRS) comes from here, so the main thread never loads proj4; the
 * reprojection itself (./crs.ts, with proj4) runs in the land-use worker only.
 */
export interface CrsInfo {
  /** `EPSG:<code>` for a system of the EPSG registry we name, `custom` for any other read from a .prj */
  id: string;
  /** human label, e.g. `CGCS2000 / 3-degree Gauss-Kruger zone 39` */
  label: string;
  /** proj4 definition (a proj string, or the .prj's WKT when proj4 reads it) */
  definition: string;
  geographic: boolean;
  /** a datum whose shift to WGS84 is not known: positions are read on its ellipsoid, off by up to ~100 m */
  unshiftedDatum?: 'Beijing 1954' | 'Xian 1980' | string;
}

export interface CrsDetection {
  crs: CrsInfo | null;
  /** where the answer came from */
  source: 'prj' | 'inferred' | 'override' | 'none';
  /**
   * a guess from the coordinates (no .prj): the planner must confirm it (or choose another system) before the
   * layer's figures are used
   */
  needsConfirmation?: boolean;
  /** for `inferred`: what was assumed, in plain words (English; the UI shows its own sentence by `id`) */
  assumption?: string;
  /** for a .prj we could not use: why */
  reason?: string;
}

export type ChineseDatum = 'cgcs2000' | 'beijing1954' | 'xian1980';

export const ELLIPSOIDS: Readonly<Record<ChineseDatum, string>> = {
  cgcs2000: '+ellps=GRS80',
  // Krassovsky 1940, and IAG 1975 (a = 6 378 140 m, 1/f = 298.257; EPSG ellipsoid 7049, PROJ's IAU76)
  beijing1954: '+ellps=krass',
  xian1980: '+a=6378140 +rf=298.257',
};

export const DATUM_NAMES: Readonly<Record<ChineseDatum, string>> = { cgcs2000: 'CGCS2000', beijing1954: 'Beijing 1954', xian1980: 'Xian 1980' };

export const TMERC = (lon0: number, x0: number, datum: ChineseDatum = 'cgcs2000', towgs84 = '') =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 ${ELLIPSOIDS[datum]}${towgs84} +units=m +no_defs`;

export const WGS84_GEOGRAPHIC: CrsInfo = { id: 'EPSG:4326', label: 'WGS 84 geographic (longitude/latitude)', definition: '+proj=longlat +datum=WGS84 +no_defs', geographic: true };

/**
 * A Gauss–Krüger system of the EPSG registry by its parameters, as China's national grids number them:
 * CGCS2000 6° zones 13–23 with the zone prefix EPSG:4491–4501 and without it 4502–4512, 3° zones 25–45 with the
 * prefix 4513–4533 and without it 4534–4554; Xian 1980 6° 2327–2337 / 2338–2348, 3° 2349–2369 / 2370–2390;
 * Beijing 1954 6° 21413–21423 / 21453–21463, 3° 2401–2421 / 2422–2442 (checked against PROJ's EPSG database).
 */
export const GK_CODES: Readonly<Record<ChineseDatum, { six: number; sixCm: number; three: number; threeCm: number }>> = {
  cgcs2000: { six: 4491, sixCm: 4502, three: 4513, threeCm: 4534 },
  xian1980: { six: 2327, sixCm: 2338, three: 2349, threeCm: 2370 },
  beijing1954: { six: 21413, sixCm: 21453, three: 2401, threeCm: 2422 },
};

export function gaussKrugerByCode(code: number): CrsInfo | undefined {
  for (const datum of Object.keys(GK_CODES) as ChineseDatum[]) {
    const { six, sixCm, three, threeCm } = GK_CODES[datum];
    const name = DATUM_NAMES[datum];
    const unshifted = datum === 'cgcs2000' ? {} : { unshiftedDatum: name };
    if (code >= six && code < six + 11) {
      const zone = 13 + code - six;
      return { id: `EPSG:${code}`, label: `${name} / Gauss-Kruger zone ${zone}`, definition: TMERC(zone * 6 - 3, zone * 1_000_000 + 500_000, datum), geographic: false, ...unshifted };
    }
    if (code >= sixCm && code < sixCm + 11) {
      const cm = 75 + 6 * (code - sixCm);
      return { id: `EPSG:${code}`, label: `${name} / Gauss-Kruger CM ${cm}E`, definition: TMERC(cm, 500_000, datum), geographic: false, ...unshifted };
    }
    if (code >= three && code < three + 21) {
      const zone = 25 + code - three;
      return { id: `EPSG:${code}`, label: `${name} / 3-degree Gauss-Kruger zone ${zone}`, definition: TMERC(zone * 3, zone * 1_000_000 + 500_000, datum), geographic: false, ...unshifted };
    }
    if (code >= threeCm && code < threeCm + 21) {
      const cm = 75 + 3 * (code - threeCm);
      return { id: `EPSG:${code}`, label: `${name} / 3-degree Gauss-Kruger CM ${cm}E`, definition: TMERC(cm, 500_000, datum), geographic: false, ...unshifted };
    }
  }
  return undefined;
}

/** WGS 84 / UTM zones: EPSG:32601–32660 north, 32701–32760 south. */
function utmByCode(code: number): CrsInfo | undefined {
  const south = code >= 32701 && code <= 32760;
  if (!south && !(code >= 32601 && code <= 32660)) return undefined;
  const zone = code % 100;
  return {
    id: `EPSG:${code}`, label: `WGS 84 / UTM zone ${zone}${south ? 'S' : 'N'}`, geographic: false,
    definition: `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`,
  };
}

const OTHER_SYSTEMS: readonly CrsInfo[] = [
  { id: 'EPSG:3857', label: 'WGS 84 / Pseudo-Mercator (Web Mercator)', definition: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs', geographic: false },
  { id: 'EPSG:4490', label: 'CGCS2000 geographic (longitude/latitude)', definition: '+proj=longlat +ellps=GRS80 +no_defs', geographic: true },
  WGS84_GEOGRAPHIC,
  { id: 'EPSG:4214', label: 'Beijing 1954 geographic (longitude/latitude)', definition: '+proj=longlat +ellps=krass +no_defs', geographic: true, unshiftedDatum: 'Beijing 1954' },
  { id: 'EPSG:4610', label: 'Xian 1980 geographic (longitude/latitude)', definition: `+proj=longlat ${ELLIPSOIDS.xian1980} +no_defs`, geographic: true, unshiftedDatum: 'Xian 1980' },
];

/** A system of the EPSG registry we can name by id (`EPSG:4527`…), or undefined. */
export function crsById(id: string): CrsInfo | undefined {
  const match = /^EPSG:(\d+)$/i.exec(id.trim());
  if (!match) return undefined;
  const code = Number(match[1]);
  return OTHER_SYSTEMS.find((crs) => crs.id === `EPSG:${code}`) ?? gaussKrugerByCode(code) ?? utmByCode(code);
}

/**
 * The systems the planner can choose from (override): the grids used around Jinan (central meridian 117° E:
 * 3° zone 39, 6° zone 20, with and without the zone prefix) on CGCS2000, Xian 1980 and Beijing 1954, UTM
 * zone 50N, Web Mercator and longitude/latitude.
 */
export const KNOWN_CRS: readonly CrsInfo[] = [
  'EPSG:4527', 'EPSG:4548', 'EPSG:4498', 'EPSG:4509', 'EPSG:2363', 'EPSG:2384', 'EPSG:2334', 'EPSG:2345',
  'EPSG:2415', 'EPSG:2436', 'EPSG:21420', 'EPSG:21460', 'EPSG:32650', 'EPSG:3857', 'EPSG:4490', 'EPSG:4326',
  'EPSG:4214', 'EPSG:4610',
].map((id) => crsById(id)!);
