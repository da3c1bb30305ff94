import type { MultiPolygon, Polygon, Position } from 'geojson';
import { projectX, projectY, type PlaneOrigin } from '../analysis/projection.js';

/**
 * A whole layer of parcels in the equal-area plane (see src/core/analysis/projection.ts), in flat arrays: one
 * projection per layer, no object per parcel. Parcel i's edges are [edgeStarts[i], edgeStarts[i + 1]) of `edges`
 * (x1, y1, x2, y2 each; shells counter-clockwise, holes clockwise; degenerate rings dropped); its box is
 * boxes[4i .. 4i + 3] and twice its area area2[i].
 */
export interface PlanarLayer {
  readonly count: number;
  readonly edges: Float64Array;
  readonly edgeStarts: Int32Array;
  readonly boxes: Float64Array;
  readonly area2: Float64Array;
}

const polygonsOf = (geometry: Polygon | MultiPolygon): Position[][][] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/**
 * Projects every parcel of a layer once.
 * @example planarLayer(origin, parcels.map((parcel) => parcel.geometry)).area2[0] / 2 * SQUARE_METERS_PER_UNIT // m²
 */
export function planarLayer(origin: PlaneOrigin, geometries: readonly (Polygon | MultiPolygon)[]): PlanarLayer {
  let vertexCount = 0;
  for (const geometry of geometries) for (const polygon of polygonsOf(geometry)) for (const ring of polygon) vertexCount += ring.length;
  let edges = new Float64Array(4 * vertexCount);
  const edgeStarts = new Int32Array(geometries.length + 1);
  const boxes = new Float64Array(4 * geometries.length);
  const area2 = new Float64Array(geometries.length);
  let scratch = new Float64Array(64);
  let k = 0;
  // (plain loops: no function made per parcel or ring)
  for (let index = 0; index < geometries.length; index++) {
    const geometry = geometries[index];
    edgeStarts[index] = k;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    let parcelArea2 = 0;
    for (const polygon of polygonsOf(geometry)) {
      for (let ringIndex = 0; ringIndex < polygon.length; ringIndex++) {
        const positions = polygon[ringIndex];
        if (scratch.length < 2 * positions.length) scratch = new Float64Array(2 * positions.length);
        // projected, without repeated consecutive vertices and without the closing one
        let n = 0;
        for (const position of positions) {
          const x = projectX(origin, position[0]);
          const y = projectY(origin, position[1]);
          if (n >= 2 && scratch[n - 2] === x && scratch[n - 1] === y) continue;
          scratch[n++] = x;
          scratch[n++] = y;
        }
        if (n >= 4 && scratch[0] === scratch[n - 2] && scratch[1] === scratch[n - 1]) n -= 2;
        if (n < 6) continue;
        let signed = 0;
        for (let i = 0; i < n; i += 2) {
          const j = i + 2 === n ? 0 : i + 2;
          signed += scratch[i] * scratch[j + 1] - scratch[j] * scratch[i + 1];
        }
        const reverse = signed > 0 !== (ringIndex === 0);
        if (4 * (k + n / 2) > edges.length) {
          const grown = new Float64Array(Math.max(edges.length * 2, 4 * (k + n / 2)));
          grown.set(edges);
          edges = grown;
        }
        for (let v = 0; v < n / 2; v++) {
          const i = reverse ? n / 2 - 1 - v : v;
          const j = reverse ? (i === 0 ? n / 2 - 1 : i - 1) : (i + 1 === n / 2 ? 0 : i + 1);
          const x1 = scratch[2 * i];
          const y1 = scratch[2 * i + 1];
          edges[4 * k] = x1;
          edges[4 * k + 1] = y1;
          edges[4 * k + 2] = scratch[2 * j];
          edges[4 * k + 3] = scratch[2 * j + 1];
          if (x1 < minX) minX = x1;
          if (x1 > maxX) maxX = x1;
          if (y1 < minY) minY = y1;
          if (y1 > maxY) maxY = y1;
          k++;
        }
        parcelArea2 += Math.abs(signed) * (ringIndex === 0 ? 1 : -1);
      }
    }
    boxes.set(k > edgeStarts[index] ? [minX, minY, maxX, maxY] : [Infinity, Infinity, -Infinity, -Infinity], 4 * index);
    area2[index] = parcelArea2;
  }
  edgeStarts[geometries.length] = k;
  return { count: geometries.length, edges: edges.subarray(0, 4 * k), edgeStarts, boxes, area2 };
}
