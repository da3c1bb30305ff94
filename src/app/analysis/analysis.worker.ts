/// <reference lib="webworker" />
/**
 * The analysis Web Worker: receives the geodata once, runs `prepareAnalysis` (~1 s, off the main
 * thread), then answers whole-area, table and region requests with plain data. Never throws at the
 * client: every failure is answered with an `error` / `init-error` message.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { prepareAnalysis, ratioForRegion, regionTable, wholeAreaFigures, withExtraBlueGreen } from '../../core/analysis/index.ts';
import type { PreparedAnalysis } from '../../core/analysis/index.ts';
import type { AnalysisRequestMessage, ToClientMessage, ToWorkerMessage } from './analysis-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let prepared: PreparedAnalysis | undefined;
/** The plan's own data, prepared once; `prepared` is this plus any extra blue-green polygons. */
let base: PreparedAnalysis | undefined;
/**
 * Reading extra blue-green Blobs is asynchronous; requests wait on this chain so every request is answered
 * with the extra set sent before it (message order = answer order).
 */
let queue: Promise<void> = Promise.resolve();

async function setExtraBlueGreen(requestId: number, blobs: readonly Blob[]): Promise<void> {
  if (!base) {
    post({ type: 'error', requestId, message: 'analysis is not prepared' });
    return;
  }
  try {
    const collections = await Promise.all(blobs.map(async (blob) => JSON.parse(await blob.text()) as FeatureCollection));
    prepared = withExtraBlueGreen(base, collections);
    canonical.clear();
    const polygonCount = collections.reduce((sum, collection) => sum + collection.features.filter((feature) =>
      feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon').length, 0);
    post({ type: 'result', requestId, value: { polygonCount } });
  } catch (error) {
    post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The core memoises per feature object; structured clone makes new objects on every message, so equal
 * regions (same id and geometry) are mapped back to the first object seen.
 */
const canonical = new Map<string, Feature>();
const CANONICAL_LIMIT = 400;

function canonicalFeature(feature: Feature): Feature {
  const id = String(feature?.properties?.id ?? feature?.id ?? '');
  let key: string;
  try {
    key = `${id}|${JSON.stringify(feature?.geometry ?? null)}`;
  } catch {
    return feature;
  }
  const known = canonical.get(key);
  if (known) return known;
  if (canonical.size >= CANONICAL_LIMIT) canonical.delete(canonical.keys().next().value as string);
  canonical.set(key, feature);
  return feature;
}

function post(message: ToClientMessage): void {
  self.postMessage(message);
}

function answer(message: AnalysisRequestMessage): void {
  const { requestId } = message;
  if (!prepared) {
    post({ type: 'error', requestId, message: 'analysis is not prepared' });
    return;
  }
  if (message.kind === 'extra-blue-green') return; // handled by setExtraBlueGreen
  try {
    const classes = { classes: message.classes };
    switch (message.kind) {
      case 'whole':
        post({ type: 'result', requestId, value: wholeAreaFigures(prepared, classes) });
        return;
      case 'table':
        post({ type: 'result', requestId, value: regionTable(prepared, message.regions.map(canonicalFeature), classes) });
        return;
      case 'region':
        post({ type: 'result', requestId, value: ratioForRegion(prepared, message.feature, classes) });
        return;
    }
  } catch (error) {
    post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
}

self.addEventListener('message', (event: MessageEvent<ToWorkerMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      prepared = prepareAnalysis(message.layers);
      base = prepared;
      canonical.clear();
      post({
        type: 'ready',
        prepareMilliseconds: prepared.prepareMilliseconds,
        issues: prepared.issues.map(({ reason, severity, message: text }) => ({ reason, severity, message: text })),
      });
    } catch (error) {
      post({ type: 'init-error', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (message.type !== 'request') return;
  queue = queue.then(() => (message.kind === 'extra-blue-green' ? setExtraBlueGreen(message.requestId, message.blobs) : answer(message)));
});
