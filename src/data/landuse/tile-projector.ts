/** File coordinates → WGS84 [longitude, latitude]. */
export type Projector = (x: number, y: number) => [number, number];

/**
 * How far (degrees) the tile's model may lie from the exact projector at its check points before the tile is
 * projected exactly instead: 1e-9° is about 0.1 mm. Inside a tile of a few hundred metres of a smooth projection
 * the model's error is far smaller (a few nanometres); a tile over a seam (the 180° meridian, a pole, the edge of
 * a projection's domain) fails the check and every vertex in it is projected exactly.
 */
export const TILE_TOLERANCE_DEGREES = 1e-9;
/** Tile indices beyond this are projected exactly (the tile key must stay an exact integer). */
const INDEX_LIMIT = 2 ** 25;
/** Numbers per tile model: centre x, y, then six coefficients for longitude and six for latitude. */
const MODEL = 14;

/**
 * A projector that evaluates, for each square tile of the file's plane, a quadratic model of the exact projector
 * instead of calling it for every vertex. The model of a tile is made from the exact projector at its centre,
 * edge midpoints and corners (central differences: value, gradient and second derivatives), and checked at four
 * more points inside the tile; a tile whose model misses any of them by more than `tolerance` is projected
 * exactly, vertex by vertex. The result is a function of the coordinates alone: a vertex shared by neighbouring
 * parcels gets the same position every time.
 * @param exact - the exact projector (proj4)
 * @param tileSize - the tile's side in file units (a few hundred metres)
 * @param tolerance - the check's limit in degrees
 */
export function tileProjector(exact: Projector, tileSize: number, tolerance = TILE_TOLERANCE_DEGREES): Projector {
  const perUnit = 1 / tileSize;
  const h = tileSize / 2;
  /** tile key → offset of its model in `models`, or -1 for a tile projected exactly */
  const tiles = new Map<number, number>();
  let models = new Float64Array(MODEL * 256);
  let used = 0;
  let lastI = NaN;
  let lastJ = NaN;
  let last = -1;

  const build = (i: number, j: number): number => {
    const cx = (i + 0.5) * tileSize;
    const cy = (j + 0.5) * tileSize;
    const f00 = exact(cx, cy);
    const fp0 = exact(cx + h, cy);
    const fm0 = exact(cx - h, cy);
    const f0p = exact(cx, cy + h);
    const f0m = exact(cx, cy - h);
    const fpp = exact(cx + h, cy + h);
    const fpm = exact(cx + h, cy - h);
    const fmp = exact(cx - h, cy + h);
    const fmm = exact(cx - h, cy - h);
    if (used + MODEL > models.length) {
      const grown = new Float64Array(models.length * 2);
      grown.set(models);
      models = grown;
    }
    const at = used;
    models[at] = cx;
    models[at + 1] = cy;
    for (let c = 0; c < 2; c++) {
      const base = at + 2 + 6 * c;
      models[base] = f00[c];
      models[base + 1] = (fp0[c] - fm0[c]) / (2 * h);
      models[base + 2] = (f0p[c] - f0m[c]) / (2 * h);
      models[base + 3] = (fp0[c] - 2 * f00[c] + fm0[c]) / (2 * h * h);
      models[base + 4] = (fpp[c] - fpm[c] - fmp[c] + fmm[c]) / (4 * h * h);
      models[base + 5] = (f0p[c] - 2 * f00[c] + f0m[c]) / (2 * h * h);
    }
    for (const [sx, sy] of [[0.5, 0.5], [-0.5, 0.5], [-0.5, -0.5], [0.5, -0.5]]) {
      const x = cx + sx * h;
      const y = cy + sy * h;
      const expected = exact(x, y);
      const got = evaluate(models, at, x, y);
      if (!(Math.abs(got[0] - expected[0]) <= tolerance && Math.abs(got[1] - expected[1]) <= tolerance)) return -1;
    }
    used += MODEL;
    return at;
  };

  return (x: number, y: number): [number, number] => {
    const i = Math.floor(x * perUnit);
    const j = Math.floor(y * perUnit);
    if (i !== lastI || j !== lastJ) {
      if (!(Math.abs(i) < INDEX_LIMIT && Math.abs(j) < INDEX_LIMIT)) return exact(x, y);
      const key = i * 2 * INDEX_LIMIT + j;
      let model = tiles.get(key);
      if (model === undefined) {
        model = build(i, j);
        tiles.set(key, model);
      }
      lastI = i;
      lastJ = j;
      last = model;
    }
    return last < 0 ? exact(x, y) : evaluate(models, last, x, y);
  };
}

function evaluate(models: Float64Array, at: number, x: number, y: number): [number, number] {
  const dx = x - models[at];
  const dy = y - models[at + 1];
  return [
    models[at + 2] + dx * (models[at + 3] + models[at + 5] * dx + models[at + 6] * dy) + dy * (models[at + 4] + models[at + 7] * dy),
    models[at + 8] + dx * (models[at + 9] + models[at + 11] * dx + models[at + 12] * dy) + dy * (models[at + 10] + models[at + 13] * dy),
  ];
}
