/**
 * World files (`.pgw`, `.jgw`, `.wld`, `.tfw` and their kin): six numbers, one a line, that place an image's
 * pixels in a map's coordinates. In file order A D B E C F:
 *   x = A·column + B·row + C
 *   y = D·column + E·row + F
 * where (column, row) are the CENTRE of a pixel counted from 0 at the upper left: C, F is the centre of the
 * upper-left pixel, A the pixel width, E the pixel height (negative for a north-up image), B and D rotation terms.
 * The image's outer edges lie half a pixel beyond the outer pixels' centres.
 */

/** The six parameters of a world file. */
export interface WorldFile {
  /** x change per column (pixel width) */
  a: number;
  /** y change per column (rotation) */
  d: number;
  /** x change per row (rotation) */
  b: number;
  /** y change per row (pixel height, negative for north-up) */
  e: number;
  /** x of the centre of the upper-left pixel */
  c: number;
  /** y of the centre of the upper-left pixel */
  f: number;
}

export type WorldFileIssue =
  /** not six lines of numbers: `lines` is how many non-empty lines there are */
  | { code: 'world-lines'; lines: number }
  /** line `line` (1-based) is not a finite number */
  | { code: 'world-number'; line: number }
  /** the pixel grid has no area (A·E − B·D = 0): every pixel would fall on one line or point */
  | { code: 'world-degenerate' };

export type WorldFileResult = { ok: true; world: WorldFile } | { ok: false; issue: WorldFileIssue };

/** A number as world files write it (`1.0`, `-0.5`, `3.95e7`, a comma decimal separator from some locales). */
function parseNumber(text: string): number {
  const cleaned = text.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eEdD][+-]?\d+)?$/.test(cleaned)) return Number.NaN;
  return Number(cleaned.replace(/[dD]/, 'e'));
}

/**
 * Reads a world file's text. Never throws.
 * @returns the six parameters, or what is wrong (not six numbers, a line that is no number, a flat grid)
 * @example parseWorldFile('0.5\n0\n0\n-0.5\n39500000.25\n4080000.25\n')
 */
export function parseWorldFile(text: string): WorldFileResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length !== 6) return { ok: false, issue: { code: 'world-lines', lines: lines.length } };
  const values = lines.map(parseNumber);
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad !== -1) return { ok: false, issue: { code: 'world-number', line: bad + 1 } };
  const [a, d, b, e, c, f] = values as [number, number, number, number, number, number];
  if (a * e - b * d === 0) return { ok: false, issue: { code: 'world-degenerate' } };
  return { ok: true, world: { a, d, b, e, c, f } };
}

/** Four positions: upper left, upper right, lower right, lower left of the image (MapLibre's image order). */
export type Corners = [[number, number], [number, number], [number, number], [number, number]];

/**
 * The image's four outer corners in the world file's coordinates (pixel edges, not centres), with the
 * rotation terms: upper left, upper right, lower right, lower left as the image is seen.
 * @param width - the image's width in pixels
 * @param height - the image's height in pixels
 */
export function worldCorners({ a, b, c, d, e, f }: WorldFile, width: number, height: number): Corners {
  // pixel (column, row) has its centre at integer column/row; its edges at ±0.5
  const at = (column: number, row: number): [number, number] => [a * column + b * row + c, d * column + e * row + f];
  return [at(-0.5, -0.5), at(width - 0.5, -0.5), at(width - 0.5, height - 0.5), at(-0.5, height - 0.5)];
}
