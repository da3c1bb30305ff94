/**
 * GeoJSON import and saved work: the import panel's events, drag-and-drop onto the map and paste go to
 * the import worker; validated layers go into state (PlanState.imports) and onto the map
 * (src/map/scene); clicks on imported features into the import inspector. Settings and imports
 * are saved automatically (./saved-work.ts). A failure at any step leaves the map, the other layers and the
 * user's work as they were. Saved work is restored and saved by ../saved-work.ts. Big data stays off the main thread: the worker returns a summary and Blobs;
 * MapLibre, the analysis worker and storage take the Blobs. `dispose` stops the workers and removes the
 * panel, the listeners and the imported map layers.
 */
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import type { PlanState } from '../../state/plan-state.ts';
import { announce } from '../../state/plan-state.ts';
import {
  addImportedLayer, dismissImportMessage, inspectImported, newImportId, setImportBlueGreen, setImportConversion, setImportProgress,
  setImportVisible, withImportMessages,
} from '../../state/imports.ts';
import type { ImportedLayer } from '../../state/imports.ts';
import { removeImport, setMode } from '../../state/actions.ts';
import { isLandUseDrop } from '../../data/landuse/dropped-files.ts';
import { isBasemapDrop } from '../../data/basemap/tile-archive.ts';
import { isPlanImageDrop } from '../../data/plan-image/plan-image-files.ts';
import { droppedFiles } from '../shell/dropped-entries.ts';
import { ImportClient, readImportedFeature } from '../../data/import-client.ts';
import type { ImportWorkerRequest } from '../../data/import-protocol.ts';
import { exportDocument } from '../../data/work-store.ts';
import { MAX_ANALYSIS_IMPORT_BYTES } from '../../core/import/limits.ts';
import type { ImportIssue } from '../../core/import/import-issues.ts';
import { studyPolygonOf } from '../../core/import/study-polygon-of.ts';
import { mapContainer } from '../../map/map-element.ts';
import { translate } from '../../i18n/messages.ts';
import '../../ui/components/side-panel/side-panel.ts';
import '../../ui/components/import-panel/import-panel.ts';
import { issueText } from '../../ui/components/import-panel/issue-text.ts';
import { emit } from '../../ui/events.ts';
import { downloadBlob } from '../../ui/download.ts';
import { savedImportsOf, settingsOf } from '../saved-work.ts';

function isTextTarget(event: Event): boolean {
  return event.composedPath().some((node) => node instanceof HTMLElement
    && (node.isContentEditable || node.tagName === 'INPUT' || node.tagName === 'TEXTAREA' || node.tagName === 'SELECT'));
}

/** "Import failed" text: the count and the first issue. */
function failedText(lang: PlanState['lang'], name: string, issues: readonly ImportIssue[]): string {
  const first = issues[0];
  return `${translate(lang, 'import.failed', { name, count: issues.length })}${first ? ` ${issueText(lang, first)}` : ''}`;
}

/** Into the side panel as a section when there is one, else straight into the shell. */
function mountPanel({ app }: AppServices, life: Lifetime): void {
  const panel = document.createElement('plan-import-panel');
  const sidePanel = app.querySelector('plan-side-panel');
  if (sidePanel && customElements.get('plan-panel-section')) {
    const section = document.createElement('plan-panel-section');
    Object.assign(section, { sectionId: 'import', labelKey: 'import.title', order: 40, open: true });
    section.append(panel);
    life.append(sidePanel, section);
  } else {
    panel.slot = 'panel';
    life.append(app, panel);
  }
}

/** Runs one import in the worker: progress, cancel, messages, the new layer. */
async function runImport({ store }: AppServices, client: ImportClient, request: Exclude<ImportWorkerRequest, { type: 'feature' }>, source: string): Promise<void> {
  if (client.busy) {
    store.update((state) => announce(state, 'error', translate(state.lang, 'import.busy')));
    return;
  }
  store.update((state) => setImportProgress(state, { source, stage: 'read', fraction: 0 }));
  const outcome = await client.run(request, (stage, fraction) => {
    store.update((state) => setImportProgress(state, { source, stage, fraction }));
  });
  if (outcome.cancelled) {
    store.update((state) => announce(setImportProgress(state, null), 'info', translate(state.lang, 'import.cancelled', { name: source })));
    return;
  }
  const { result, bytes } = outcome;
  if (!result.ok) {
    store.update((state) => announce(withImportMessages(setImportProgress(state, null), source, result.issues), 'error', failedText(state.lang, source, result.issues)));
    return;
  }
  const layer: ImportedLayer = {
    id: newImportId(), name: source, original: result.original, data: result.data, conversion: 'none',
    summary: result.summary, visible: true, countAsBlueGreen: false, bytes, importedAt: new Date().toISOString(),
  };
  store.update((state) => setImportProgress(state, { source, stage: 'add', fraction: 1 }));
  store.update((state) => withImportMessages(addImportedLayer(setImportProgress(state, null), layer), source, result.issues));
  if (!store.getState().imports.includes(layer)) return; // the map refused it; already reported and undone
  store.update((state) => announce(state, 'info', translate(state.lang, 'import.added', { name: source, count: result.summary.featureCount })));
}

/** GCJ-02 / BD-09 → WGS84 (or back to the original) in a worker of its own, from the saved original. */
async function convert({ store }: AppServices, life: Lifetime, id: string, conversion: ImportedLayer['conversion']): Promise<void> {
  const layer = store.getState().imports.find((item) => item.id === id);
  if (!layer) return;
  const client = new ImportClient();
  life.add(() => client.cancel());
  const outcome = await client.run({ type: 'file', file: layer.original, conversion });
  if (outcome.cancelled) return;
  if (!outcome.result.ok) {
    const issues = outcome.result.issues;
    store.update((state) => announce(state, 'error', failedText(state.lang, layer.name, issues)));
    return;
  }
  const data = outcome.result.data;
  store.update((state) => setImportConversion(state, id, conversion, data));
}

/** "Count as blue-green": the analysis worker reads the layer itself; capped so the figures stay live. */
function countAsBlueGreen({ store }: AppServices, id: string, on: boolean): void {
  const state = store.getState();
  const total = state.imports.filter((layer) => layer.countAsBlueGreen || layer.id === id).reduce((sum, layer) => sum + layer.bytes, 0);
  if (on && total > MAX_ANALYSIS_IMPORT_BYTES) {
    store.update((current) => announce(current, 'error', translate(current.lang, 'import.blueGreenTooLarge', {
      limitMb: MAX_ANALYSIS_IMPORT_BYTES / 1048576, sizeMb: Math.round(total / 1048576),
    })));
    return;
  }
  store.update((current) => setImportBlueGreen(current, id, on));
}

/** "Use as study area": the clicked polygon's full geometry, read from the layer's Blob in a worker. */
async function useAsStudyArea({ store, app }: AppServices): Promise<void> {
  const inspected = store.getState().importSession.inspected;
  const layer = store.getState().imports.find((item) => item.id === inspected?.layerId);
  if (!inspected || !layer) return;
  const feature = await readImportedFeature(layer.data, inspected.featureIndex);
  const polygon = feature ? studyPolygonOf(feature.geometry) : null;
  if (!polygon) {
    store.update((state) => announce(state, 'error', translate(state.lang, 'import.studyFailed')));
    return;
  }
  emit(app, 'plan-study-command', { command: 'set-polygon', polygon: polygon.polygon });
  store.update((state) => announce(state, 'info', translate(state.lang, polygon.parts > 1 ? 'import.studySetLargest' : 'import.studySet', { name: layer.name, parts: polygon.parts })));
}

/** Drag-and-drop onto the map (GeoJSON is imported; a Shapefile goes to the land-use panel, an image to the plan images) and paste anywhere outside text fields. */
function installDropAndPaste(services: AppServices, life: Lifetime, run: (request: Exclude<ImportWorkerRequest, { type: 'feature' }>, source: string) => void): void {
  const container = mapContainer(services.view);
  life.listen(container, 'dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  life.listen(container, 'drop', async (event) => {
    if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    // Folders are read through (a delivery is often a folder of layers); the entries must be taken during the event.
    const files = await droppedFiles(event.dataTransfer);
    if (files.length === 0 || life.disposed) return;
    if (isBasemapDrop(files.map((file) => file.name))) {
      // A tile archive (.pmtiles / .mbtiles) is a basemap: drawn under the plan by the basemap feature.
      emit(services.app, 'plan-basemap-files', { files });
      return;
    }
    if (await isPlanImageDrop(files.map((file) => ({ name: file.name, data: file })))) {
      // an image (with its world file and .prj, or zipped): a plan image
      emit(services.app, 'plan-image-files', { files });
      return;
    }
    if (life.disposed) return;
    if (isLandUseDrop(files.map((file) => file.name))) {
      // A Shapefile (zipped or its parts) is a land-use layer: read by the land-use panel, in Analyse.
      services.store.update((state) => setMode(state, 'analyse'));
      emit(services.app, 'plan-landuse-files', { files, dropped: true });
      return;
    }
    run({ type: 'file', file: files[0] }, files[0].name);
  });
  life.listen(document, 'paste', (event) => {
    if (isTextTarget(event)) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const start = text.trimStart()[0];
    if (start !== '{' && start !== '[') return;
    event.preventDefault();
    run({ type: 'text', text }, translate(services.store.getState().lang, 'import.pasted'));
  });
}

/** Installs the import feature (loaded after the first map frame, see ../features.ts). */
export function install(services: AppServices): Dispose {
  const { store, app } = services;
  const life = new Lifetime();
  const client = new ImportClient();
  life.add(() => client.cancel());
  const run = (request: Exclude<ImportWorkerRequest, { type: 'feature' }>, source: string) => void runImport(services, client, request, source);
  mountPanel(services, life);
  life.listen(app, 'plan-import-file', ({ detail: { file } }) => run({ type: 'file', file }, file.name));
  life.listen(app, 'plan-import-cancel', () => client.cancel());
  life.listen(app, 'plan-import-visible', ({ detail }) => store.update((state) => setImportVisible(state, detail.id, detail.visible)));
  life.listen(app, 'plan-import-remove', ({ detail: { id } }) => store.update((state) => {
    const layer = state.imports.find((item) => item.id === id);
    return layer ? announce(removeImport(state, id), 'info', translate(state.lang, 'layers.importedRemoved', { name: layer.name })) : state;
  }));
  life.listen(app, 'plan-import-convert', ({ detail }) => void convert(services, life, detail.id, detail.conversion));
  life.listen(app, 'plan-import-blue-green', ({ detail }) => countAsBlueGreen(services, detail.id, detail.counted));
  life.listen(app, 'plan-import-use-as-study', () => void useAsStudyArea(services));
  life.listen(app, 'plan-import-inspect-close', () => store.update((state) => inspectImported(state, null)));
  life.listen(app, 'plan-import-dismiss', ({ detail }) => store.update((state) => dismissImportMessage(state, detail.id)));
  life.listen(app, 'plan-work-export', () => downloadBlob(exportDocument(settingsOf(store.getState()), savedImportsOf(store.getState())),
    `jinan-plan-work-${new Date().toISOString().slice(0, 10)}.json`));
  life.listen(app, 'plan-backup-download', ({ detail: { id } }) => {
    const backup = store.getState().importSession.backups.find((item) => item.id === id);
    if (backup) downloadBlob(backup.raw, `jinan-plan-backup-${backup.id}.json`);
  });
  installDropAndPaste(services, life, run);
  return () => life.dispose();
}
