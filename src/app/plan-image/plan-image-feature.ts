/**
 * Plan images: a PNG or JPEG placed by its world file (and .prj), or by dragging its corners, drawn by the map's
 * scene from `state.planImages` below or above the plan's layers. The list sits in the layer tree; files come
 * from its chooser or dropped on the map (the import feature hands image drops over as `plan-image-files`).
 * Each image (its Blob and placement) is saved on this device in IndexedDB and restored when the app opens.
 * `dispose` removes the list, the corner handles, the worker and the listeners (the images stay in the state).
 */
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { announce } from '../../state/plan-state.ts';
import type { PlanState } from '../../state/plan-state.ts';
import {
  addPlanImage, cancelPlacingPlanImage, finishPlacingPlanImage, removePlanImage, setPlanImageCorners, setPlanImageOpacity,
  setPlanImagePosition, setPlanImageVisible, startPlacingPlanImage, type PlanImage, type PlanImagesState,
} from '../../state/plan-image-state.ts';
import { PlanImageClient } from '../../data/plan-image/plan-image-client.ts';
import { deleteSavedPlanImage, loadSavedPlanImages, savePlanImage } from '../../data/plan-image/plan-image-store.ts';
import { CornerHandles } from '../../map/plan-image-handles.ts';
import { translate } from '../../i18n/messages.ts';
import '../../ui/components/plan-image/plan-image-layers.ts';
import { PlanImageReading } from './plan-image-reading.ts';

/** Saves wait this long after the last change (an opacity slider moves in many steps). */
const SAVE_DELAY_MS = 300;

const savedRecord = ({ id, name, image, corners, opacity, position, visible, placement, crsLabel }: PlanImage) =>
  ({ id, name, image, corners, opacity, position, visible, placement, crsLabel });

/** Restores the saved images, then saves every change (not an image while its corners are dragged). */
function installStorage({ store }: AppServices, life: Lifetime): void {
  const saved = new Map<string, PlanImage>();
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let restored = false;
  const fail = (key: 'planImage.error.save' | 'planImage.error.load', detail: string) => store.update((state) => announce(state, 'error', translate(state.lang, key, { detail })));
  const flush = async () => {
    timer = undefined;
    const { images } = store.getState().planImages;
    for (const id of [...dirty]) {
      dirty.delete(id);
      const image = images.find((item) => item.id === id);
      const result = image ? await savePlanImage(savedRecord(image)) : await deleteSavedPlanImage(id);
      if (!result.ok) fail('planImage.error.save', result.message);
    }
  };
  const follow = (slice: PlanImagesState) => {
    if (!restored) return;
    const placing = slice.placing?.id;
    for (const image of slice.images) {
      if (image.id === placing || saved.get(image.id) === image) continue;
      saved.set(image.id, image);
      dirty.add(image.id);
    }
    for (const id of [...saved.keys()]) {
      if (slice.images.some((image) => image.id === id)) continue;
      saved.delete(id);
      dirty.add(id);
    }
    if (dirty.size && timer === undefined) timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };
  life.add(store.select((state) => state.planImages, follow));
  life.add(() => {
    if (timer !== undefined) clearTimeout(timer);
    if (dirty.size) void flush();
  });
  void loadSavedPlanImages().then((loaded) => {
    if (life.disposed) return;
    if (!loaded.ok) fail('planImage.error.load', loaded.message);
    else {
      const images = [...loaded.images].sort((a, b) => a.id.localeCompare(b.id));
      for (const image of images) {
        if (store.getState().planImages.images.some((item) => item.id === image.id)) continue;
        store.update((state) => addPlanImage(state, image));
        const added = store.getState().planImages.images.find((item) => item.id === image.id);
        if (added) saved.set(image.id, added);
      }
      if (loaded.unreadable) store.update((state) => announce(state, 'error', translate(state.lang, 'planImage.error.unreadableSaved', { count: loaded.unreadable })));
    }
    restored = true;
    follow(store.getState().planImages);
  });
}

/** The corner handles while an image is placed by its corners. */
function installHandles(services: AppServices, life: Lifetime): void {
  const { store, view, app } = services;
  let handles: { id: string; handles: CornerHandles } | undefined;
  const end = (done: boolean) => {
    const id = store.getState().planImages.placing?.id;
    const name = store.getState().planImages.images.find((image) => image.id === id)?.name ?? '';
    store.update((state) => (done ? finishPlacingPlanImage(state) : cancelPlacingPlanImage(state)));
    store.update((state) => announce(state, 'info', translate(state.lang, done ? 'planImage.placed' : 'planImage.placeCancelled', { name })));
  };
  const follow = (state: PlanState) => {
    const placing = state.planImages.placing;
    const image = placing && state.planImages.images.find((item) => item.id === placing.id);
    if (handles && handles.id !== image?.id) {
      handles.handles.dispose();
      handles = undefined;
    }
    if (!image) return;
    if (handles) {
      handles.handles.update(image.corners);
      return;
    }
    const labels = ([0, 1, 2, 3] as const).map((index) => translate(state.lang, `planImage.corner${index}`, { name: image.name })) as [string, string, string, string];
    handles = {
      id: image.id,
      handles: new CornerHandles(view, image.corners, {
        labels,
        onMove: (corners) => store.update((current) => setPlanImageCorners(current, image.id, corners)),
        onDone: () => end(true),
        onCancel: () => end(false),
      }),
    };
    app.querySelector('plan-side-panel')?.reveal('layers');
  };
  life.add(store.select((state) => state, follow, (a, b) => a.planImages === b.planImages));
  follow(store.getState());
  life.add(() => handles?.handles.dispose());
  life.listen(app, 'plan-image-place-end', ({ detail }) => end(detail.done));
  life.listen(app, 'plan-image-place', ({ detail: { id } }) => {
    const name = store.getState().planImages.images.find((image) => image.id === id)?.name;
    if (name === undefined) return;
    store.update((state) => announce(startPlacingPlanImage(state, id), 'info', translate(state.lang, 'planImage.placeAgain', { name })));
  });
}

/** Installs the plan-image feature (loaded after the first map frame, see ../features.ts). */
export function install(services: AppServices): Dispose {
  const { store, app } = services;
  const life = new Lifetime();
  const client = new PlanImageClient();
  life.add(() => client.dispose());
  const reading = new PlanImageReading(services, client, () => life.disposed);
  const tree = app.querySelector('plan-layer-tree');
  if (tree) life.append(tree, document.createElement('plan-image-layers'));
  installStorage(services, life);
  installHandles(services, life);
  life.listen(app, 'plan-image-files', ({ detail: { files } }) => void reading.read(files));
  life.listen(app, 'plan-image-answer', ({ detail }) => void reading.answer(detail));
  life.listen(app, 'plan-image-opacity', ({ detail }) => store.update((state) => setPlanImageOpacity(state, detail.id, detail.opacity)));
  life.listen(app, 'plan-image-position', ({ detail }) => store.update((state) => setPlanImagePosition(state, detail.id, detail.position)));
  life.listen(app, 'plan-image-visible', ({ detail }) => store.update((state) => setPlanImageVisible(state, detail.id, detail.visible)));
  life.listen(app, 'plan-image-remove', ({ detail: { id } }) => store.update((state) => {
    const image = state.planImages.images.find((item) => item.id === id);
    return image ? announce(removePlanImage(state, id), 'info', translate(state.lang, 'planImage.removed', { name: image.name })) : state;
  }));
  return () => life.dispose();
}
