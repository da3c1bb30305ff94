import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A coarse picture of a large land-use layer for small map scales: square cells, each in the colour of the
 * class that holds most of the parcels whose centre falls in it. Drawn instead of the parcels below a zoom
 * level so that tens of thousands of parcels do not have to be cut into tiles and uploaded on the map's main
 * thread at the whole-area view. For drawing only: every figure uses the parcels themselves.
 * @param parcels - parcels with a `colour` property (WGS84)
 * @param cellDegrees - cell size in degrees of latitude (longitude cells are widened by 1 / cos(latitude))
 * @returns one square polygon per occupied cell, with `colour` and `parcels` (how many parcels it stands for)
 * @example overviewGrid(collection.features, 0.0025) // about 280 m cells around Jinan
 */
export function overviewGrid(
  parcels: readonly Feature<Polygon | MultiPolygon, { colour?: unknown } | null>[],
  cellDegrees: number,
): FeatureCollection<Polygon, { colour: string; parcels: number }> {
  const cells = new Map<string, Map<string, number>>();
  let latitudeSum = 0;
  let count = 0;
  const centres: [number, number, string][] = [];
  for (const parcel of parcels) {
    const ring: Position[] = parcel.geometry.type === 'Polygon' ? parcel.geometry.coordinates[0] : parcel.geometry.coordinates[0][0];
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (!Number.isFinite(minX)) continue;
    const colour = typeof parcel.properties?.colour === 'string' ? parcel.properties.colour : '#9e9e9e';
    centres.push([(minX + maxX) / 2, (minY + maxY) / 2, colour]);
    latitudeSum += (minY + maxY) / 2;
    count++;
  }
  const width = cellDegrees / Math.max(0.2, Math.cos(((count > 0 ? latitudeSum / count : 0) * Math.PI) / 180));
  for (const [x, y, colour] of centres) {
    const key = `${Math.floor(x / width)},${Math.floor(y / cellDegrees)}`;
    const votes = cells.get(key) ?? new Map<string, number>();
    votes.set(colour, (votes.get(colour) ?? 0) + 1);
    cells.set(key, votes);
  }
  const features: Feature<Polygon, { colour: string; parcels: number }>[] = [];
  for (const [key, votes] of cells) {
    const [column, row] = key.split(',').map(Number);
    let best = '';
    let bestVotes = -1;
    let total = 0;
    for (const [colour, n] of votes) {
      total += n;
      if (n > bestVotes || (n === bestVotes && colour < best)) [best, bestVotes] = [colour, n];
    }
    const [west, south] = [column * width, row * cellDegrees];
    features.push({
      type: 'Feature',
      properties: { colour: best, parcels: total },
      geometry: { type: 'Polygon', coordinates: [[[west, south], [west + width, south], [west + width, south + cellDegrees], [west, south + cellDegrees], [west, south]]] },
    });
  }
  return { type: 'FeatureCollection', features };
}
