/// <reference lib="webworker" />
/**
 * Reads, parses and validates a user's GeoJSON off the main thread, converts it when asked, and posts
 * back progress, a small summary and the normalized GeoJSON as Blobs (the main thread gives MapLibre an
 * object URL, so the collection is never cloned into or serialized on the main thread). The main thread
 * cancels by terminating the worker.
 */
import type { FeatureCollection } from 'geojson';
import { MAX_IMPORT_BYTES, parseGeoJsonText, validateImport } from '../core/import/validate-import.ts';
import { collectionJsonParts } from '../core/import/collection-json.ts';
import { convertToWgs84 } from '../core/import/convert-collection.ts';
import type { ImportWorkerRequest, ImportWorkerResponse } from './import-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const JSON_TYPE = 'application/geo+json';

function post(message: ImportWorkerResponse): void {
  scope.postMessage(message);
}

async function readFile(file: Blob): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let read = 0;
  let lastPosted = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    const fraction = file.size ? read / file.size : 1;
    if (fraction - lastPosted >= 0.02) {
      lastPosted = fraction;
      post({ type: 'progress', stage: 'read', fraction });
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}

async function extractFeature(data: Blob, index: number): Promise<void> {
  const parsed = JSON.parse(await data.text()) as FeatureCollection;
  post({ type: 'feature', feature: parsed.features?.[index] ?? null });
}

async function handle(request: ImportWorkerRequest): Promise<void> {
  if (request.type === 'feature') {
    await extractFeature(request.data, request.index);
    return;
  }
  const bytes = request.type === 'file' ? request.file.size : request.text.length;
  if (bytes > MAX_IMPORT_BYTES) {
    post({ type: 'result', bytes, result: { ok: false, issues: [{ code: 'too-large', severity: 'error', params: { limitMb: MAX_IMPORT_BYTES / 1048576, sizeMb: Math.round(bytes / 1048576) } }] } });
    return;
  }
  post({ type: 'progress', stage: 'read', fraction: 0 });
  const text = request.type === 'file' ? await readFile(request.file) : request.text;
  post({ type: 'progress', stage: 'parse', fraction: 0 });
  const parsed = parseGeoJsonText(text);
  if (!parsed.ok) {
    post({ type: 'result', bytes, result: parsed });
    return;
  }
  let lastPosted = 0;
  const result = validateImport(parsed.value, {
    onProgress: (fraction) => {
      if (fraction - lastPosted >= 0.05 || fraction === 1) {
        lastPosted = fraction;
        post({ type: 'progress', stage: 'validate', fraction });
      }
    },
  });
  if (!result.ok) {
    post({ type: 'result', bytes, result });
    return;
  }
  post({ type: 'progress', stage: 'write', fraction: 0 });
  const conversion = request.conversion ?? 'none';
  const drawn = conversion === 'none' ? result.collection : convertToWgs84(result.collection, conversion);
  const original = new Blob(collectionJsonParts(result.collection), { type: JSON_TYPE });
  post({ type: 'progress', stage: 'write', fraction: 0.5 });
  const data = new Blob(collectionJsonParts(drawn, { indexIds: true }), { type: JSON_TYPE });
  post({ type: 'result', bytes, result: { ok: true, issues: result.issues, summary: result.summary, original, data } });
}

scope.addEventListener('message', (event: MessageEvent<ImportWorkerRequest>) => {
  handle(event.data).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    if (event.data.type === 'feature') post({ type: 'feature', feature: null });
    else post({ type: 'result', bytes: 0, result: { ok: false, issues: [{ code: 'internal', severity: 'error', params: { detail } }] } });
  });
});
