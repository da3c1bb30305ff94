/**
 * The plan images' sources and layers: an image source (the Blob's object URL between its four corners) and a
 * raster layer per image, with its opacity and visibility; split into those drawn below the plan's layers and
 * those drawn above them, each list in the images' order.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { ScenePlanImage, SceneSourceEntry } from './scene-types.ts';

/** Source and layer ids of the plan images start with this. */
export const PLAN_IMAGE_PREFIX = 'plan-image:';

export const planImageSourceId = (id: string) => `${PLAN_IMAGE_PREFIX}${id}`;
export const planImageLayerId = (id: string) => `${PLAN_IMAGE_PREFIX}${id}`;

export function planImageLayer(image: ScenePlanImage): LayerSpecification {
  return {
    id: planImageLayerId(image.id),
    type: 'raster',
    source: planImageSourceId(image.id),
    layout: { visibility: image.visible ? 'visible' : 'none' },
    // no fade: the image is there at once (and the exports draw it on their first frame)
    paint: { 'raster-opacity': Math.min(1, Math.max(0, image.opacity)), 'raster-fade-duration': 0 },
  };
}

export function planImagesPart(images: readonly ScenePlanImage[]): { sources: SceneSourceEntry[]; below: LayerSpecification[]; above: LayerSpecification[] } {
  const sources: SceneSourceEntry[] = [];
  const below: LayerSpecification[] = [];
  const above: LayerSpecification[] = [];
  for (const image of images) {
    sources.push({ id: planImageSourceId(image.id), source: { kind: 'image', data: image.data, coordinates: image.corners } });
    (image.position === 'below' ? below : above).push(planImageLayer(image));
  }
  return { sources, below, above };
}
