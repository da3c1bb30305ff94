import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { blueGreenLayer, normalizeClasses } from './class-set.js';
import { createGrid } from './grid.js';
import { projectPolygons } from './planar-shape.js';
import type { PreparedAnalysis } from './prepared-analysis.js';
import { planeOrigin } from './projection.js';
import { DEFAULT_TARGETS } from './target-check.js';
import { buildTiledLayer } from './tiled-layer.js';
import type { PolygonCoordinates, TiledLayer } from './tiled-layer.js';
import type { AnalysisIssue, BlueGreenClass, TargetDefinition } from './types.js';
import { BLUE_GREEN_CLASSES } from './types.js';

/** The plan layers the analysis needs (FeatureCollections as loaded from geodata/). */
export interface AnalysisLayers {
  /** `boundary.geojson`: the Start-up Area outline (features are dissolved). */
  readonly boundary: FeatureCollection<Geometry | null>;
  /** `blue-green.geojson`: polygons with `properties.class`. */
  readonly blueGreen: FeatureCollection<Geometry | null>;
  /** `construction.geojson`: construction-land polygons. */
  readonly construction: FeatureCollection<Geometry | null>;
}

/** Options of {@link prepareAnalysis}. */
export interface PrepareAnalysisOptions {
  /** Grid cell size, metres (default 2000). Smaller cells clip less per edit but cost more to prepare. */
  readonly tileSizeMeters?: number;
  /** Official area for reconciliation, km² (default: the boundary's `official_area_km2`, else 798). */
  readonly officialAreaKm2?: number;
  /** Targets (default blue-green ≥ 0.7, construction ≤ 0.3). */
  readonly targets?: { readonly blueGreen: TargetDefinition; readonly construction: TargetDefinition };
  /** Classes counted when a query does not say (default: all five). Their union is built eagerly. */
  readonly defaultClasses?: readonly BlueGreenClass[];
}

const DEFAULT_OFFICIAL_AREA_KM2 = 798;

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

function isPolygonCoordinates(value: unknown): value is PolygonCoordinates {
  return Array.isArray(value) && value.length > 0 && value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition));
}

/** The polygon parts of a data feature, or an issue. */
function featurePolygons(feature: Feature<Geometry | null>, featureIndex: number, issues: AnalysisIssue[]): PolygonCoordinates[] {
  const geometry = feature?.geometry;
  if (geometry?.type === 'Polygon' && isPolygonCoordinates(geometry.coordinates)) return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon' && geometry.coordinates.every(isPolygonCoordinates)) return geometry.coordinates;
  issues.push({ reason: 'not-polygonal', severity: 'warning', message: 'Feature skipped: not a valid Polygon/MultiPolygon.', featureIndex });
  return [];
}

function collectionPolygons(collection: FeatureCollection<Geometry | null>, issues: AnalysisIssue[]): PolygonCoordinates[] {
  const features = Array.isArray(collection?.features) ? collection.features : [];
  return features.flatMap((feature, index) => featurePolygons(feature, index, issues));
}

/**
 * Prepares the plan layers for instant analysis. Done once per data load; every edit afterwards only
 * touches the grid cells it hits.
 *
 * What is prepared: the boundary is dissolved; each blue-green class and the construction land are
 * dissolved (overlaps counted once), clipped to the boundary and cut along a grid of ~2 km cells, each
 * piece keeping its area and its edges in an equal-area plane; the union of the default class set is
 * built too. Other class sets are built on first use from the per-class pieces and cached.
 *
 * Bad features are skipped and reported in `issues`; this function does not throw on bad data.
 * @param layers - boundary, blue-green and construction FeatureCollections (plain GeoJSON, worker-safe)
 * @param options - grid size (metres), official area (km²), targets, default classes
 * @returns the prepared analysis, to pass to `ratioForRegion`, `wholeAreaFigures`, `regionTable`
 * @example const prepared = prepareAnalysis({ boundary, blueGreen, construction });
 */
export function prepareAnalysis(layers: AnalysisLayers, options: PrepareAnalysisOptions = {}): PreparedAnalysis {
  const started = performance.now();
  const issues: AnalysisIssue[] = [];
  const rawBoundary = collectionPolygons(layers.boundary, issues);
  let boundaryPolygons: PolygonCoordinates[] = [];
  try {
    boundaryPolygons =
      rawBoundary.length === 0
        ? []
        : (polyclip.union(rawBoundary[0] as polyclip.Geom, ...(rawBoundary.slice(1) as polyclip.Geom[])) as PolygonCoordinates[]);
  } catch {
    issues.push({ reason: 'clip-failed', severity: 'error', message: 'The boundary could not be dissolved.' });
  }
  if (boundaryPolygons.length === 0) {
    issues.push({ reason: 'not-polygonal', severity: 'error', message: 'The boundary layer has no polygon.' });
  }
  const firstPosition = boundaryPolygons[0]?.[0]?.[0] ?? [117, 36.8];
  let origin = planeOrigin(firstPosition[0], firstPosition[1]);
  const roughShape = projectPolygons(origin, boundaryPolygons);
  const [minX, minY, maxX, maxY] = roughShape.edges.length > 0 ? roughShape.bbox : [0, 0, 0, 0];
  // Re-centre the plane on the boundary's middle for the best floating-point conditioning.
  const centerLng = firstPosition[0] + ((minX + maxX) / 2) * (180 / Math.PI);
  const centerLat = (Math.asin(Math.max(-1, Math.min(1, (minY + maxY) / 2 + origin.sinLat))) * 180) / Math.PI;
  origin = planeOrigin(centerLng, centerLat);
  const bbox = projectPolygons(origin, boundaryPolygons).bbox;
  const grid = createGrid(origin, roughShape.edges.length > 0 ? bbox : [0, 0, 0, 0], options.tileSizeMeters ?? 2000);

  const safeTiles = (polygons: PolygonCoordinates[], clipTo: TiledLayer | undefined, label: string): TiledLayer => {
    try {
      return buildTiledLayer(grid, polygons, clipTo);
    } catch {
      issues.push({ reason: 'clip-failed', severity: 'error', message: `The ${label} layer could not be clipped.` });
      return { pieces: [], totalSquareMeters: 0 };
    }
  };
  const boundary = safeTiles(boundaryPolygons, undefined, 'boundary');
  const construction = safeTiles(collectionPolygons(layers.construction, issues), boundary, 'construction');

  const byClass = new Map<BlueGreenClass, PolygonCoordinates[]>(BLUE_GREEN_CLASSES.map((name) => [name, []]));
  const blueGreenFeatures = Array.isArray(layers.blueGreen?.features) ? layers.blueGreen.features : [];
  blueGreenFeatures.forEach((feature, index) => {
    const name = feature?.properties?.class as BlueGreenClass | undefined;
    const bucket = name === undefined ? undefined : byClass.get(name);
    if (!bucket) {
      issues.push({ reason: 'unknown-class', severity: 'warning', message: `Feature skipped: class ${String(name)} is not a blue-green class.`, featureIndex: index });
      return;
    }
    bucket.push(...featurePolygons(feature, index, issues));
  });
  const classLayers = new Map<BlueGreenClass, TiledLayer>();
  for (const [name, polygons] of byClass) classLayers.set(name, safeTiles(polygons, boundary, name));

  const boundaryOfficial = layers.boundary?.features?.[0]?.properties?.official_area_km2;
  const prepared: PreparedAnalysis = {
    grid,
    boundary,
    boundaryPolygons,
    construction,
    classLayers,
    classSetLayers: new Map(),
    regionResults: new WeakMap(),
    officialAreaKm2: options.officialAreaKm2 ?? (typeof boundaryOfficial === 'number' ? boundaryOfficial : DEFAULT_OFFICIAL_AREA_KM2),
    targets: options.targets ?? DEFAULT_TARGETS,
    defaultClasses: normalizeClasses(options.defaultClasses ?? BLUE_GREEN_CLASSES),
    issues,
    prepareMilliseconds: 0,
  };
  blueGreenLayer(prepared, prepared.defaultClasses);
  return { ...prepared, prepareMilliseconds: performance.now() - started };
}
