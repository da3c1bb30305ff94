/// <reference lib="webworker" />
/**
 * The analysis Web Worker (#4): receives the geodata once, runs `prepareAnalysis` (~1 s, off the main
 * thread), then answers whole-area, table and region requests with plain data. Never throws at the
 * client: every failure is answered with an `error` / `init-error` message.
 */
import type { Feature } from 'geojson';
import { prepareAnalysis, ratioForRegion, regionTable, wholeAreaFigures } from '../core/analysis/index.ts';
import type { PreparedAnalysis } from '../core/analysis/index.ts';
import type { AnalysisRequestMessage, ToClientMessage, ToWorkerMessage } from './analysis/analysis-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let prepared: PreparedAnalysis | undefined;

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
  if (message.type === 'request') answer(message);
});
