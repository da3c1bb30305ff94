/**
 * A uniform grid over a layer's parcel boxes, in flat arrays (no object per cell): the parcels whose boxes meet a
 * query box, each once, written into a reusable buffer. For whole-layer overlays, where every parcel of one state
 * asks for its neighbours in the other, this answers faster than a tree and allocates nothing per query.
 */
export interface BoxGrid {
  /** Indices of the boxes meeting [minX, minY, maxX, maxY], in `out` (grown if needed); returns how many. */
  search(minX: number, minY: number, maxX: number, maxY: number, out: { found: Int32Array }): number;
}

/**
 * Indexes `count` boxes (minX, minY, maxX, maxY at boxes[4i…]); an empty box (minX > maxX) is never found.
 * @example const grid = boxGrid(layer.boxes, layer.count); const n = grid.search(x0, y0, x1, y1, buffer);
 */
export function boxGrid(boxes: Float64Array, count: number): BoxGrid {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let [sumWidth, sumHeight, present] = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    if (!(boxes[4 * i] <= boxes[4 * i + 2])) continue;
    minX = Math.min(minX, boxes[4 * i]);
    minY = Math.min(minY, boxes[4 * i + 1]);
    maxX = Math.max(maxX, boxes[4 * i + 2]);
    maxY = Math.max(maxY, boxes[4 * i + 3]);
    sumWidth += boxes[4 * i + 2] - boxes[4 * i];
    sumHeight += boxes[4 * i + 3] - boxes[4 * i + 1];
    present++;
  }
  if (present === 0) return { search: () => 0 };
  // Cells about the size of a typical box, at most about two per box.
  const limit = Math.max(1, Math.ceil(Math.sqrt(2 * present)));
  const columns = Math.max(1, Math.min(limit, Math.floor((maxX - minX) / Math.max(sumWidth / present, Number.MIN_VALUE)) || 1));
  const rows = Math.max(1, Math.min(limit, Math.floor((maxY - minY) / Math.max(sumHeight / present, Number.MIN_VALUE)) || 1));
  const cellWidth = (maxX - minX) / columns || 1;
  const cellHeight = (maxY - minY) / rows || 1;
  const column = (x: number) => Math.max(0, Math.min(columns - 1, Math.floor((x - minX) / cellWidth)));
  const row = (y: number) => Math.max(0, Math.min(rows - 1, Math.floor((y - minY) / cellHeight)));
  const starts = new Int32Array(columns * rows + 1);
  const visit = (i: number, each: (cell: number) => void) => {
    const [c0, c1, r0, r1] = [column(boxes[4 * i]), column(boxes[4 * i + 2]), row(boxes[4 * i + 1]), row(boxes[4 * i + 3])];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) each(r * columns + c);
  };
  for (let i = 0; i < count; i++) if (boxes[4 * i] <= boxes[4 * i + 2]) visit(i, (cell) => starts[cell + 1]++);
  for (let cell = 0; cell < columns * rows; cell++) starts[cell + 1] += starts[cell];
  const fill = starts.slice(0, columns * rows);
  const members = new Int32Array(starts[columns * rows]);
  for (let i = 0; i < count; i++) if (boxes[4 * i] <= boxes[4 * i + 2]) visit(i, (cell) => { members[fill[cell]++] = i; });
  const stamps = new Int32Array(count);
  let query = 0;
  return {
    search(qMinX, qMinY, qMaxX, qMaxY, out) {
      if (qMaxX < minX || qMinX > maxX || qMaxY < minY || qMinY > maxY) return 0;
      query++;
      let found = 0;
      const [c0, c1, r0, r1] = [column(qMinX), column(qMaxX), row(qMinY), row(qMaxY)];
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          for (let m = starts[r * columns + c]; m < starts[r * columns + c + 1]; m++) {
            const i = members[m];
            if (stamps[i] === query) continue;
            stamps[i] = query;
            if (boxes[4 * i] > qMaxX || boxes[4 * i + 2] < qMinX || boxes[4 * i + 1] > qMaxY || boxes[4 * i + 3] < qMinY) continue;
            if (found === out.found.length) {
              const grown = new Int32Array(2 * found);
              grown.set(out.found);
              out.found = grown;
            }
            out.found[found++] = i;
          }
        }
      }
      return found;
    },
  };
}
