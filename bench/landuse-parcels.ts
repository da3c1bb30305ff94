/**
 * The land-use benchmarks' layer: 50 000 parcels (by default) in CGCS2000 3-degree Gauss-Krüger zone 39 with
 * GBK attributes (2023 land/sea-use codes and names), as a zipped Shapefile with .prj and no .cpg, and the
 * same parcels as WGS84 GeoJSON text (the baselines' input). Seeded: every run sees the same parcels.
 */
import { zipSync } from 'fflate';
import proj4 from 'proj4';
import { writeShapefile, type WriterGeometry } from '../scripts/fixtures/shapefile-writer.ts';
import { EPSG_4527, LAND_SEA_USE_CLASSES, PRJ_GK39 } from '../scripts/fixtures/landuse-fixture-data.ts';
import { seededRandom } from '../src/core/random/seeded-random.ts';

const COLUMNS = 250;
const STEP_M = 60;

/**
 * Parcels as 60 m cells with jittered corners and a mid-edge vertex on each side (9-point rings, like survey parcels).
 * `offsetM` moves the grid (metres east, north) and `seed` draws other jitter and classes: a second state of the same
 * area with other outlines.
 */
export function generateLandUseParcels(PARCELS = 50_000, { offsetM = [0, 0], seed = 2035 }: { offsetM?: [number, number]; seed?: number } = {}): { zip: Uint8Array; geojson: string } {
  const random = seededRandom(seed);
  const [x0, y0] = proj4('WGS84', EPSG_4527).forward([116.98, 36.8]).map((value, axis) => value + offsetM[axis]);
  const jitter = () => (random() - 0.5) * 8;
  const corners = new Map<string, [number, number]>();
  const corner = (column: number, row: number): [number, number] => {
    const key = `${column},${row}`;
    if (!corners.has(key)) corners.set(key, [Math.round(x0) + column * STEP_M + jitter(), Math.round(y0) + row * STEP_M + jitter()]);
    return corners.get(key)!;
  };
  const geometries: WriterGeometry[] = [];
  const rows: Record<string, string | number>[] = [];
  for (let index = 0; index < PARCELS; index++) {
    const column = index % COLUMNS;
    const row = Math.floor(index / COLUMNS);
    const [a, b, c, d] = [corner(column, row), corner(column + 1, row), corner(column + 1, row + 1), corner(column, row + 1)];
    const mid = (p: number[], q: number[]) => [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
    geometries.push({ type: 'Polygon', coordinates: [[a, mid(a, b), b, mid(b, c), c, mid(c, d), d, mid(d, a), a]] });
    const [code, name] = LAND_SEA_USE_CLASSES[Math.floor(random() * LAND_SEA_USE_CLASSES.length)];
    rows.push({ BSM: index + 1, YDYHFLDM: code, YDYHFLMC: name, BZ: '起步区规划' });
  }
  const fields = [
    { name: 'BSM', type: 'N' as const, length: 10 }, { name: 'YDYHFLDM', type: 'C' as const, length: 10 },
    { name: 'YDYHFLMC', type: 'C' as const, length: 60 }, { name: 'BZ', type: 'C' as const, length: 40 },
  ];
  const written = writeShapefile(geometries, fields, rows, 'gbk');
  const zip = zipSync({ 'parcels.shp': written.shp, 'parcels.shx': written.shx, 'parcels.dbf': written.dbf, 'parcels.prj': new TextEncoder().encode(PRJ_GK39) });
  const toWgs84 = proj4(EPSG_4527, 'WGS84');
  const features = geometries.map((geometry, index) => ({
    type: 'Feature',
    properties: rows[index],
    geometry: { type: 'Polygon', coordinates: (geometry as { coordinates: number[][][] }).coordinates.map((ring) => ring.map((point) => toWgs84.forward(point))) },
  }));
  return { zip, geojson: JSON.stringify({ type: 'FeatureCollection', features }) };
}


/**
 * One large parcel as a planner's file may hold it: a wavy outline of `vertices` points (radius 2 km ± 30 m around
 * Jinan, CGCS2000 GK zone 39) with four holes — one free, one whose first vertex is a vertex of the outline (it
 * touches the shell there), and two touching each other at a point. Valid as GEOS sees it. Zipped Shapefile with
 * .prj, and the same parcel as WGS84 GeoJSON text.
 */
export function generateLargeParcel(vertices = 100_000): { zip: Uint8Array; geojson: string; holes: number } {
  const [cx, cy] = proj4('WGS84', EPSG_4527).forward([117.02, 36.86]).map(Math.round);
  const radius = 2000;
  const at = (angle: number, r: number) => [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  const shell: number[][] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = (2 * Math.PI * i) / vertices;
    shell.push(at(angle, radius + 30 * Math.sin(400 * angle)));
  }
  shell.push(shell[0]);
  const touching = Math.floor(vertices / 3);
  const angle = (2 * Math.PI * touching) / vertices;
  const holes = [
    [at(1, 500), at(1.1, 500), at(1.1, 700), at(1, 700)],
    [shell[touching], at(angle + 0.005, radius - 200), at(angle - 0.005, radius - 200)],
    [[cx, cy], [cx + 100, cy], [cx + 100, cy + 100]],
    [[cx, cy], [cx - 100, cy - 100], [cx - 100, cy]],
  ].map((ring) => [...ring, ring[0]]);
  const coordinates = [shell, ...holes];
  const fields = [{ name: 'BSM', type: 'N' as const, length: 10 }, { name: 'YDYHFLDM', type: 'C' as const, length: 10 }, { name: 'YDYHFLMC', type: 'C' as const, length: 60 }];
  const row = { BSM: 1, YDYHFLDM: '0101', YDYHFLMC: '水田' };
  const written = writeShapefile([{ type: 'Polygon', coordinates }], fields, [row], 'gbk');
  const zip = zipSync({ 'large.shp': written.shp, 'large.shx': written.shx, 'large.dbf': written.dbf, 'large.prj': new TextEncoder().encode(PRJ_GK39) });
  const toWgs84 = proj4(EPSG_4527, 'WGS84');
  const feature = { type: 'Feature', properties: row, geometry: { type: 'Polygon', coordinates: coordinates.map((ring) => ring.map((point) => toWgs84.forward(point))) } };
  return { zip, geojson: JSON.stringify({ type: 'FeatureCollection', features: [feature] }), holes: holes.length };
}
