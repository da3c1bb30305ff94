/**
 * Plan images over the map: each image with its four corners (longitude/latitude), opacity, whether it is
 * drawn above or below the plan's layers, shown or hidden, and how it was placed (by its world file, or by
 * the planner dragging its corners). Named pure actions; the plan-image feature (src/app/plan-image/) writes
 * them, the map's scene draws the images, the layer tree lists them.
 */
import type { Corners } from '../data/plan-image/world-file.ts';
import type { LegendEntry } from './legend.ts';

export type { Corners };

export type PlanImagePosition = 'above' | 'below';
export type PlanImagePlacement = 'world-file' | 'manual';

export interface PlanImage {
  id: string;
  /** the image's file name (untrusted text) */
  name: string;
  /** the PNG or JPEG itself */
  image: Blob;
  /** upper left, upper right, lower right, lower left, [longitude, latitude] */
  corners: Corners;
  /** 0..1 */
  opacity: number;
  position: PlanImagePosition;
  visible: boolean;
  placement: PlanImagePlacement;
  /** the system its world file was read in (world-file placement), else null */
  crsLabel: string | null;
}

export interface PlanImagesState {
  images: readonly PlanImage[];
  /** the image whose corners the planner is dragging, and its corners before (null: a new image, removed on cancel) */
  placing: { id: string; before: Corners | null } | null;
  /** a dropped image whose world file has no .prj: which system is it in? (`suggested`: what its numbers look like) */
  question: { name: string; suggested: string | null; options: readonly { id: string; label: string }[] } | null;
}

export const initialPlanImagesState: PlanImagesState = { images: [], placing: null, question: null };

interface WithPlanImages { planImages: PlanImagesState }

function withSlice<S extends WithPlanImages>(state: S, planImages: PlanImagesState): S {
  return { ...state, planImages };
}

/** `change` applied to image `id` (the state unchanged when there is no such image or nothing changes). */
function updateImage<S extends WithPlanImages>(state: S, id: string, change: (image: PlanImage) => PlanImage): S {
  const index = state.planImages.images.findIndex((image) => image.id === id);
  if (index === -1) return state;
  const before = state.planImages.images[index]!;
  const after = change(before);
  if (after === before) return state;
  const images = [...state.planImages.images];
  images[index] = after;
  return withSlice(state, { ...state.planImages, images });
}

const validCorners = (corners: Corners) => corners.length === 4 && corners.every((corner) => corner.length === 2 && corner.every(Number.isFinite));

let nextId = 1;
/** A new image id, unique on this device (saved images keep theirs). */
export function newPlanImageId(): string {
  return `plan-image-${Date.now().toString(36)}-${nextId++}`;
}

/** Adds an image on top of the others (an image with the id of one already there replaces it). */
export function addPlanImage<S extends WithPlanImages>(state: S, image: PlanImage): S {
  if (!validCorners(image.corners)) return state;
  const images = [...state.planImages.images.filter((item) => item.id !== image.id), image];
  return withSlice(state, { ...state.planImages, images });
}

/** Removes an image (and ends its placing). */
export function removePlanImage<S extends WithPlanImages>(state: S, id: string): S {
  if (!state.planImages.images.some((image) => image.id === id)) return state;
  const placing = state.planImages.placing?.id === id ? null : state.planImages.placing;
  return withSlice(state, { ...state.planImages, images: state.planImages.images.filter((image) => image.id !== id), placing });
}

export function setPlanImageOpacity<S extends WithPlanImages>(state: S, id: string, opacity: number): S {
  if (!Number.isFinite(opacity)) return state;
  const value = Math.min(1, Math.max(0, opacity));
  return updateImage(state, id, (image) => (image.opacity === value ? image : { ...image, opacity: value }));
}

export function setPlanImagePosition<S extends WithPlanImages>(state: S, id: string, position: PlanImagePosition): S {
  return updateImage(state, id, (image) => (image.position === position ? image : { ...image, position }));
}

export function setPlanImageVisible<S extends WithPlanImages>(state: S, id: string, visible: boolean): S {
  return updateImage(state, id, (image) => (image.visible === visible ? image : { ...image, visible }));
}

/** Moves an image's corners (while the planner drags them; invalid corners are ignored). */
export function setPlanImageCorners<S extends WithPlanImages>(state: S, id: string, corners: Corners): S {
  if (!validCorners(corners)) return state;
  return updateImage(state, id, (image) => ({ ...image, corners: corners.map(([x, y]) => [x, y]) as Corners }));
}

/**
 * Starts placing an image by its corners: a new image (`isNew`: removed if the planner cancels) or one already
 * on the map (re-placed: its corners come back on cancel). Ends any other placing first (kept as it is).
 */
export function startPlacingPlanImage<S extends WithPlanImages>(state: S, id: string, isNew = false): S {
  const image = state.planImages.images.find((item) => item.id === id);
  if (!image) return state;
  return withSlice(state, { ...state.planImages, placing: { id, before: isNew ? null : image.corners } });
}

/** "Done": the corners stay where the planner put them; the image is now placed by hand and shown. */
export function finishPlacingPlanImage<S extends WithPlanImages>(state: S): S {
  const placing = state.planImages.placing;
  if (!placing) return state;
  const next = updateImage(state, placing.id, (image) => ({ ...image, placement: 'manual', visible: true, crsLabel: null }));
  return withSlice(next, { ...next.planImages, placing: null });
}

/** "Cancel": a re-placed image goes back to its corners, a new one is removed. */
export function cancelPlacingPlanImage<S extends WithPlanImages>(state: S): S {
  const placing = state.planImages.placing;
  if (!placing) return state;
  if (!placing.before) return removePlanImage(state, placing.id);
  const next = setPlanImageCorners(state, placing.id, placing.before);
  return withSlice(next, { ...next.planImages, placing: null });
}

/** Asks which system a world file without .prj is in. */
export function askPlanImageSystem<S extends WithPlanImages>(state: S, name: string, suggested: string | null, options: readonly { id: string; label: string }[]): S {
  return withSlice(state, { ...state.planImages, question: { name, suggested, options } });
}

export function clearPlanImageQuestion<S extends WithPlanImages>(state: S): S {
  return state.planImages.question ? withSlice(state, { ...state.planImages, question: null }) : state;
}

/** Legend rows of the images shown, topmost first (not filterable: an image is not a catalogue layer). */
export function planImageLegendEntries(slice: PlanImagesState, groupLabel: string): LegendEntry[] {
  return slice.images.filter((image) => image.visible).reverse().map((image) => ({
    id: `plan-image:${image.id}`, label: image.name, groupLabel, kind: 'fill', colours: ['#9aa5b1'], dashed: false, fillOpacity: image.opacity, filterable: false,
  }));
}
