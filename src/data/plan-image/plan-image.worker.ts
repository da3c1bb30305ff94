/// <reference lib="webworker" />
/**
 * Places plan images: takes an image's corners from its world file's system to WGS84 (./place-image.ts). A
 * worker of its own so that proj4 stays out of the page's chunks. Never lets an exception escape.
 */
import { placeImage, type PlaceRequest, type PlaceResult } from './place-image.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<PlaceRequest & { id: number }>) => {
  const { id, ...request } = event.data;
  let result: PlaceResult;
  try {
    result = placeImage(request);
  } catch (error) {
    result = { ok: false, issue: { code: 'reproject-failed', crs: String((error as Error)?.message ?? error) } };
  }
  scope.postMessage({ id, result });
});
