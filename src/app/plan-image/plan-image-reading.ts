/**
 * From dropped or chosen files to a plan image on the map: the files found and checked, the image decoded by
 * the browser, the world file read, its corners placed in WGS84 by the worker, near the Start-up Area. Without a
 * world file the image is placed by its corners; without a .prj the planner is asked which system it is in.
 * Every refusal says what and where in the live region, and leaves the map as it was.
 */
import type { Feature } from 'geojson';
import { bbox } from '@turf/bbox';
import type { AppServices } from '../shell/services.ts';
import { announce } from '../../state/plan-state.ts';
import { addPlanImage, askPlanImageSystem, clearPlanImageQuestion, newPlanImageId, startPlacingPlanImage, type Corners, type PlanImage } from '../../state/plan-image-state.ts';
import { planImageFiles, type PlanImageFiles, type PlanImageFilesIssue } from '../../data/plan-image/plan-image-files.ts';
import { parseWorldFile, worldCorners, type WorldFileIssue } from '../../data/plan-image/world-file.ts';
import type { PlaceIssue } from '../../data/plan-image/place-image.ts';
import type { PlanImageClient } from '../../data/plan-image/plan-image-client.ts';
import { imageOverlapsBounds, type Bounds } from '../../data/plan-image/image-near-area.ts';
import { KNOWN_CRS, crsById } from '../../data/landuse/crs-systems.ts';
import { cornersOverView } from '../../map/plan-image-handles.ts';
import { fitFeatureNow } from '../../map/camera.ts';
import { translate, type MessageKey } from '../../i18n/messages.ts';

/** A new image's opacity: the plan's layers still show through it. */
const NEW_IMAGE_OPACITY = 0.8;

type Message = [MessageKey, Record<string, string | number>];

function filesIssue(issue: PlanImageFilesIssue): Message {
  switch (issue.code) {
    case 'no-image': return ['planImage.error.noImage', {}];
    case 'image-format': return ['planImage.error.imageFormat', { name: issue.name }];
    case 'image-unreadable': return ['planImage.error.imageUnreadable', { name: issue.name }];
    case 'several-images': return ['planImage.error.severalImages', { count: issue.count }];
  }
}

function worldIssue(file: string, issue: WorldFileIssue): Message {
  switch (issue.code) {
    case 'world-lines': return ['planImage.error.worldLines', { file, lines: issue.lines }];
    case 'world-number': return ['planImage.error.worldNumber', { file, line: issue.line }];
    case 'world-degenerate': return ['planImage.error.worldDegenerate', { file }];
  }
}

function placeIssue(name: string, issue: Exclude<PlaceIssue, { code: 'needs-crs' }>): Message {
  switch (issue.code) {
    case 'prj-unknown': return ['planImage.error.prjUnknown', { name, detail: issue.detail }];
    case 'crs-unknown': return ['planImage.error.crsUnknown', { id: issue.id }];
    case 'reproject-failed': return ['planImage.error.reproject', { name, crs: issue.crs }];
  }
}

/** Whether the browser can decode the image (a damaged or unsupported file fails here). */
async function decodes(image: Blob): Promise<boolean> {
  try {
    const bitmap = await createImageBitmap(image);
    bitmap.close();
    return true;
  } catch {
    return false;
  }
}

const outline = (corners: Corners): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...corners, corners[0]]] } });

/** The files of an image waiting for the planner's answer, and its corners in the world file's numbers. */
interface Pending {
  files: PlanImageFiles;
  corners: Corners;
}

export class PlanImageReading {
  private pending: Pending | null = null;

  constructor(private readonly services: AppServices, private readonly client: PlanImageClient, private readonly isDisposed: () => boolean) {}

  private refuse([key, params]: Message): void {
    this.services.store.update((state) => announce(state, 'error', `${translate(state.lang, key, params)} ${translate(state.lang, 'planImage.unchanged')}`));
  }

  /** Reads dropped or chosen files. */
  async read(files: readonly File[]): Promise<void> {
    const found = await planImageFiles(files.map((file) => ({ name: file.name, data: file })));
    if (this.isDisposed()) return;
    if (!found.ok) return this.refuse(filesIssue(found.issue));
    const image = found.files;
    if (!(await decodes(image.image))) return this.refuse(['planImage.error.decode', { name: image.name }]);
    if (this.isDisposed()) return;
    if (!image.world) return this.placeByCorners(image);
    const parsed = parseWorldFile(image.world.text);
    if (!parsed.ok) return this.refuse(worldIssue(image.world.name, parsed.issue));
    await this.place({ files: image, corners: worldCorners(parsed.world, image.width, image.height) }, image.prj, null);
  }

  /** The planner's answer to "which system?". */
  async answer(answer: { crsId: string } | { byCorners: true } | { cancel: true }): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    this.services.store.update(clearPlanImageQuestion);
    if (!pending || 'cancel' in answer) return;
    if ('byCorners' in answer) return this.placeByCorners(pending.files);
    await this.place(pending, null, answer.crsId);
  }

  private async place(pending: Pending, prj: string | null, crsId: string | null): Promise<void> {
    const { store, view, app } = this.services;
    const { files } = pending;
    const result = await this.client.place({ corners: pending.corners, prj, crsId });
    if (this.isDisposed()) return;
    if (!result.ok) {
      if (result.issue.code !== 'needs-crs') return this.refuse(placeIssue(files.name, result.issue));
      this.pending = pending;
      const suggested = result.issue.suggested;
      const known = KNOWN_CRS.map(({ id, label }) => ({ id, label }));
      const extra = suggested && !known.some((option) => option.id === suggested) ? [{ id: suggested, label: crsById(suggested)?.label ?? suggested }] : [];
      store.update((state) => askPlanImageSystem(state, files.name, suggested, [...extra, ...known]));
      app.querySelector('plan-side-panel')?.reveal('layers');
      store.update((state) => announce(state, 'info', translate(state.lang, 'planImage.question', { name: files.name })));
      return;
    }
    const boundary = store.getState().data.boundary;
    if (boundary && !imageOverlapsBounds(result.corners, bbox(boundary) as Bounds)) {
      const [lng, lat] = result.corners.reduce(([x, y], [cx, cy]) => [x + cx / 4, y + cy / 4], [0, 0]);
      return this.refuse(['planImage.error.far', { name: files.name, lng: lng.toFixed(3), lat: lat.toFixed(3) }]);
    }
    const image: PlanImage = {
      id: newPlanImageId(), name: files.name, image: files.image, corners: result.corners, opacity: NEW_IMAGE_OPACITY,
      position: 'above', visible: true, placement: 'world-file', crsLabel: result.crs.label,
    };
    store.update((state) => addPlanImage(state, image));
    store.update((state) => {
      const added = translate(state.lang, 'planImage.added', { name: files.name, crs: result.crs.label });
      const datum = result.crs.unshiftedDatum ? ` ${translate(state.lang, 'planImage.unshifted', { datum: result.crs.unshiftedDatum })}` : '';
      return announce(state, 'info', `${added}${datum}`);
    });
    await fitFeatureNow(view, outline(result.corners), 60);
  }

  /** Puts the image over the middle of the view with its corner handles, for the planner to drag into place. */
  private placeByCorners(files: PlanImageFiles): void {
    const { store, view } = this.services;
    const image: PlanImage = {
      id: newPlanImageId(), name: files.name, image: files.image, corners: cornersOverView(view, files.width, files.height),
      opacity: NEW_IMAGE_OPACITY, position: 'above', visible: true, placement: 'manual', crsLabel: null,
    };
    store.update((state) => startPlacingPlanImage(addPlanImage(state, image), image.id, true));
    store.update((state) => announce(state, 'info', translate(state.lang, 'planImage.placeStart', { name: files.name })));
  }
}
