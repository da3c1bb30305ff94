/**
 * Reading a plan image: the world file (six numbers, checked), the image's size from its header, the four
 * outer corners (pixel edges, with rotation) in the file's system, and the corners in WGS84 from the .prj or a
 * system the planner chose. Expected corners are worked out by hand from the world file's definition.
 */
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { parseWorldFile, worldCorners } from '../../src/data/plan-image/world-file.ts';
import { imageSize } from '../../src/data/plan-image/image-size.ts';
import { placeImage } from '../../src/data/plan-image/place-image.ts';
import { isPlanImageDrop, planImageFiles } from '../../src/data/plan-image/plan-image-files.ts';
import { imageOverlapsBounds } from '../../src/data/plan-image/image-near-area.ts';
import { encodePng } from '../../scripts/fixtures/png-writer.ts';
import { PLAN_IMAGE, PLAN_IMAGE_UPPER_LEFT, PRJ_UNKNOWN_PROJECTION, planImageFixtures } from '../../scripts/fixtures/make-plan-image-fixtures.ts';
import { PRJ_GK39 } from '../../scripts/fixtures/landuse-fixture-data.ts';
import { zipSync } from 'fflate';

const world = (values: number[]) => values.join('\n');

describe('parseWorldFile', () => {
  it('reads A D B E C F in file order', () => {
    const result = parseWorldFile('0.5\r\n0.1\r\n-0.2\r\n-0.5\r\n39500000.25\r\n4080000.25\r\n');
    expect(result).toEqual({ ok: true, world: { a: 0.5, d: 0.1, b: -0.2, e: -0.5, c: 39500000.25, f: 4080000.25 } });
  });

  it('accepts exponents, blank lines at the end and a byte-order mark', () => {
    const result = parseWorldFile('\uFEFF1e1\n0\n0\n-1.0E1\n3.95e7\n4.08E6\n\n\n');
    expect(result.ok && result.world).toEqual({ a: 10, d: 0, b: 0, e: -10, c: 39_500_000, f: 4_080_000 });
  });

  it('refuses five lines, text, and a zero pixel size', () => {
    expect(parseWorldFile('1\n0\n0\n-1\n100')).toEqual({ ok: false, issue: { code: 'world-lines', lines: 5 } });
    expect(parseWorldFile('1\n0\n0\n-1\n100\n200\n300')).toEqual({ ok: false, issue: { code: 'world-lines', lines: 7 } });
    expect(parseWorldFile('1\n0\nzero\n-1\n100\n200')).toEqual({ ok: false, issue: { code: 'world-number', line: 3 } });
    expect(parseWorldFile('<html>not a world file</html>').ok).toBe(false);
    expect(parseWorldFile('0\n0\n0\n-1\n100\n200')).toEqual({ ok: false, issue: { code: 'world-degenerate' } });
    expect(parseWorldFile('1\n0\n0\n0\n100\n200')).toEqual({ ok: false, issue: { code: 'world-degenerate' } });
    expect(parseWorldFile('1\n0\n0\n-1\nInfinity\n200')).toEqual({ ok: false, issue: { code: 'world-number', line: 5 } });
  });
});

describe('worldCorners', () => {
  it('puts the corners on the outer pixel edges, half a pixel beyond the centres', () => {
    // 4 × 2 pixels of 10 m; the upper-left pixel's centre at (1005, 2995): its outer corner is (1000, 3000)
    const parsed = parseWorldFile(world([10, 0, 0, -10, 1005, 2995]));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(worldCorners(parsed.world, 4, 2)).toEqual([[1000, 3000], [1040, 3000], [1040, 2980], [1000, 2980]]);
  });

  it('turns the corners with the rotation terms', () => {
    // a 2 × 1 image of 1 m pixels turned 90° anticlockwise: a column steps north (D = 1), a row steps east (B = 1)
    const parsed = parseWorldFile(world([0, 1, 1, 0, 100.5, 200.5]));
    if (!parsed.ok) throw new Error('not read');
    // corner (column −0.5, row −0.5): x = 100.5 − 0.5·0 − 0.5·1 = 100, y = 200.5 − 0.5·1 − 0.5·0 = 200
    // (column 1.5, row −0.5): x = 100.5 + 0 − 0.5 = 100, y = 200.5 + 1.5 = 202
    // (column 1.5, row 0.5): x = 100.5 + 0.5 = 101, y = 202
    // (column −0.5, row 0.5): x = 101, y = 200
    expect(worldCorners(parsed.world, 2, 1)).toEqual([[100, 200], [100, 202], [101, 202], [101, 200]]);
  });

  it('turns by a small angle as a scanned plan is', () => {
    const angle = (10 * Math.PI) / 180;
    const size = 2;
    const [a, d, b, e] = [size * Math.cos(angle), -size * Math.sin(angle), -size * Math.sin(angle), -size * Math.cos(angle)];
    const parsed = parseWorldFile(world([a, d, b, e, 500, 800]));
    if (!parsed.ok) throw new Error('not read');
    const [ul, ur, lr, ll] = worldCorners(parsed.world, 30, 20);
    // the sides keep their lengths (30 × 2 m by 20 × 2 m) and stay at right angles
    expect(Math.hypot(ur[0] - ul[0], ur[1] - ul[1])).toBeCloseTo(60, 9);
    expect(Math.hypot(ll[0] - ul[0], ll[1] - ul[1])).toBeCloseTo(40, 9);
    expect((ur[0] - ul[0]) * (ll[0] - ul[0]) + (ur[1] - ul[1]) * (ll[1] - ul[1])).toBeCloseTo(0, 9);
    // the top edge falls to the east by 10°
    expect(Math.atan2(ur[1] - ul[1], ur[0] - ul[0])).toBeCloseTo(-angle, 12);
    expect(lr[0] - ll[0]).toBeCloseTo(ur[0] - ul[0], 9);
  });
});

describe('imageSize', () => {
  it('reads a PNG header', () => {
    expect(imageSize(encodePng(7, 3, () => [0, 0, 0, 255]))).toEqual({ ok: true, format: 'png', width: 7, height: 3 });
  });

  it('reads a JPEG start-of-frame after other segments', () => {
    // SOI, an APP0 segment of 16 bytes, SOF0 of 320 × 200
    const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0)];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x01, 0x40, 0x03, ...new Array(9).fill(0)];
    expect(imageSize(new Uint8Array([0xff, 0xd8, ...app0, ...sof0]))).toEqual({ ok: true, format: 'jpeg', width: 320, height: 200 });
  });

  it('says what is not an image, or ends too soon', () => {
    expect(imageSize(new TextEncoder().encode('not an image at all'))).toEqual({ ok: false, reason: 'unknown-format' });
    expect(imageSize(encodePng(7, 3, () => [0, 0, 0, 255]).subarray(0, 20))).toEqual({ ok: false, reason: 'truncated' });
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: false, reason: 'truncated' });
  });
});

describe('placeImage (to WGS84)', () => {
  const zone39 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
  const corners: [[number, number], [number, number], [number, number], [number, number]] = [[39_500_000, 4_080_600], [39_500_600, 4_080_600], [39_500_600, 4_080_200], [39_500_000, 4_080_200]];

  it('reads CGCS2000 3° GK zone 39 (EPSG:4527) from the .prj ArcGIS writes', () => {
    const result = placeImage({ corners, prj: PRJ_GK39, crsId: null });
    expect(result.ok && result.crs.id).toBe('EPSG:4527');
    if (!result.ok) return;
    // the central meridian: an easting of exactly the false easting is 117° E
    expect(result.corners[0][0]).toBeCloseTo(117, 12);
    const expected = corners.map((corner) => proj4(zone39, 'WGS84').forward(corner));
    result.corners.forEach((corner, index) => {
      expect(corner[0]).toBeCloseTo(expected[index]![0]!, 9);
      expect(corner[1]).toBeCloseTo(expected[index]![1]!, 9);
    });
    // 600 m east at 36.85° N is about 600 / (111 320 · cos 36.85°) ≈ 0.00674°
    expect(result.corners[1][0] - result.corners[0][0]).toBeCloseTo(600 / (111_320 * Math.cos((36.85 * Math.PI) / 180)), 4);
  });

  it('reads the zone without its prefix (EPSG:4548, CM 117° E) when the planner names it', () => {
    const noPrefix = corners.map(([x, y]) => [x - 39_000_000, y]) as typeof corners;
    const result = placeImage({ corners: noPrefix, prj: null, crsId: 'EPSG:4548' });
    const withPrefix = placeImage({ corners, prj: PRJ_GK39, crsId: null });
    expect(result.ok && withPrefix.ok).toBe(true);
    if (!result.ok || !withPrefix.ok) return;
    expect(result.crs.id).toBe('EPSG:4548');
    result.corners.forEach((corner, index) => {
      expect(corner[0]).toBeCloseTo(withPrefix.corners[index]![0], 12);
      expect(corner[1]).toBeCloseTo(withPrefix.corners[index]![1], 12);
    });
  });

  it('without a .prj asks, suggesting what the numbers look like', () => {
    expect(placeImage({ corners, prj: null, crsId: null })).toEqual({ ok: false, issue: { code: 'needs-crs', suggested: 'EPSG:4527' } });
    const noPrefix = corners.map(([x, y]) => [x - 39_000_000, y]) as typeof corners;
    expect(placeImage({ corners: noPrefix, prj: null, crsId: null })).toEqual({ ok: false, issue: { code: 'needs-crs', suggested: 'EPSG:4548' } });
    expect(placeImage({ corners: [[1, 2], [3, 2], [3, 1], [1, 1]].map(([x, y]) => [x! * 1e9, y! * 1e9]) as typeof corners, prj: null, crsId: null }))
      .toEqual({ ok: false, issue: { code: 'needs-crs', suggested: null } });
  });

  it('reads longitude/latitude and Web Mercator', () => {
    const degrees: typeof corners = [[117, 36.9], [117.01, 36.9], [117.01, 36.89], [117, 36.89]];
    const geographic = placeImage({ corners: degrees, prj: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]', crsId: null });
    expect(geographic.ok && geographic.corners).toEqual(degrees);
    const mercator = proj4('WGS84', 'EPSG:3857').forward([117, 36.9]);
    const result = placeImage({ corners: [mercator, mercator, mercator, mercator] as typeof corners, prj: null, crsId: 'EPSG:3857' });
    expect(result.ok && result.corners[0][0]).toBeCloseTo(117, 9);
    expect(result.ok && result.corners[0][1]).toBeCloseTo(36.9, 9);
  });

  it('names a projection it cannot read, and a system it does not know', () => {
    const unknown = placeImage({ corners, prj: PRJ_UNKNOWN_PROJECTION, crsId: null });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.issue.code).toBe('prj-unknown');
    expect(placeImage({ corners, prj: 'hello', crsId: null })).toMatchObject({ ok: false, issue: { code: 'prj-unknown' } });
    expect(placeImage({ corners, prj: null, crsId: 'EPSG:1' })).toEqual({ ok: false, issue: { code: 'crs-unknown', id: 'EPSG:1' } });
  });
});

describe('planImageFiles', () => {
  const fixtures = planImageFixtures();
  const input = (name: string) => ({ name, data: new Blob([fixtures[name] as Uint8Array<ArrayBuffer>]) });

  it('pairs an image with its world file and .prj, loose or zipped', async () => {
    for (const files of [[input('plan-gk39.png'), input('plan-gk39.pgw'), input('plan-gk39.prj')], [input('plan-gk39.zip')]]) {
      expect(await isPlanImageDrop(files)).toBe(true);
      const result = await planImageFiles(files);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.files).toMatchObject({ name: 'plan-gk39.png', format: 'png', width: PLAN_IMAGE.width, height: PLAN_IMAGE.height, prj: PRJ_GK39 });
      const parsed = parseWorldFile(result.files.world!.text);
      expect(parsed.ok && worldCorners(parsed.world, PLAN_IMAGE.width, PLAN_IMAGE.height)[0]).toEqual(PLAN_IMAGE_UPPER_LEFT);
      expect(result.files.image.type).toBe('image/png');
    }
  });

  it('takes an image alone (no world file) and says what is not an image', async () => {
    const alone = await planImageFiles([input('sketch.png')]);
    expect(alone.ok && alone.files.world).toBeNull();
    expect(await planImageFiles([input('bad-not-image.png')])).toEqual({ ok: false, issue: { code: 'image-unreadable', name: 'bad-not-image.png' } });
    expect(await planImageFiles([{ name: 'plan.tif', data: new Blob(['II*']) }, input('plan-gk39.pgw')])).toEqual({ ok: false, issue: { code: 'image-format', name: 'plan.tif' } });
    expect(await planImageFiles([input('plan-gk39.pgw')])).toEqual({ ok: false, issue: { code: 'no-image' } });
    expect(await planImageFiles([input('plan-gk39.png'), input('sketch.png')])).toEqual({ ok: false, issue: { code: 'several-images', count: 2 } });
  });

  it('leaves Shapefiles and GeoJSON to their readers', async () => {
    expect(await isPlanImageDrop([{ name: 'a.shp', data: new Blob([]) }, { name: 'a.prj', data: new Blob([]) }])).toBe(false);
    expect(await isPlanImageDrop([{ name: 'a.geojson', data: new Blob(['{}']) }])).toBe(false);
    const shapefileZip = zipSync({ 'a.shp': new Uint8Array(4), 'a.dbf': new Uint8Array(4), 'legend.png': fixtures['sketch.png']! });
    expect(await isPlanImageDrop([{ name: 'a.zip', data: new Blob([shapefileZip]) }])).toBe(false);
  });
});

describe('imageOverlapsBounds', () => {
  const area: [number, number, number, number] = [116.86, 36.72, 117.385, 37.064];
  it('keeps an image over the area or around it, refuses one elsewhere', () => {
    expect(imageOverlapsBounds([[117, 36.9], [117.01, 36.9], [117.01, 36.89], [117, 36.89]], area)).toBe(true);
    expect(imageOverlapsBounds([[116, 38], [118, 38], [118, 36], [116, 36]], area)).toBe(true);
    expect(imageOverlapsBounds([[121.4, 31.3], [121.5, 31.3], [121.5, 31.2], [121.4, 31.2]], area)).toBe(false);
  });
});
