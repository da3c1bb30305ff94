/**
 * GeoJSON import and saved work: wires the file picker, drag-and-drop onto the map and paste to the
 * import worker; validated layers into state (PlanState.imports) and onto the map (src/map/imported-layers);
 * clicks on imported features into the inspector; and saves settings and imports automatically.
 * A failure at any step leaves the map, the other layers and the user's work as they were.
 * Big data stays off the main thread: the worker returns a summary and Blobs; MapLibre, the analysis
 * worker and storage take the Blobs; restoring and GCJ-02/BD-09 conversion run in the import worker too.
 */
import type { AppServices } from './services.ts';
import type { PlanState } from '../state/plan-state.ts';
import { announce } from '../state/plan-state.ts';
import {
  addImportedLayer, inspectImported, newImportId, setImportBlueGreen, setImportConversion, setImportProgress, withImportMessages,
} from '../state/imports.ts';
import type { ImportedLayer } from '../state/imports.ts';
import { ImportClient, readImportedFeature } from '../data/import-client.ts';
import type { ImportWorkerRequest } from '../data/import-protocol.ts';
import { exportDocument, loadWork, MAX_SAVED_IMPORT_BYTES, saveImports, saveSettings } from '../data/work-store.ts';
import type { Backup, SavedImport, SavedSettings, StorageProblem } from '../data/work-store.ts';
import { MAX_ANALYSIS_IMPORT_BYTES } from '../core/import/limits.ts';
import { studyPolygonOf } from '../core/import/study-polygon-of.ts';
import { ImportedLayers } from '../map/imported-layers.ts';
import { translate } from '../i18n/messages.ts';
import { CATALOG_LAYERS } from '../state/layer-catalog.ts';
import { applySavedSettings } from '../state/saved-settings.ts';
import { parseUrlHash } from '../state/url-state.ts';
import '../ui/components/import-panel/import-panel.ts';
import { issueText } from '../ui/components/import-panel/issue-text.ts';

function download(name: string, body: string | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(typeof body === 'string' ? new Blob([body], { type }) : body);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function settingsOf(state: PlanState): SavedSettings {
  return { lang: state.lang, layerVisibility: state.layerVisibility, layerOpacity: state.layerOpacity };
}

function savedImportsOf(state: PlanState): SavedImport[] {
  return state.imports.map((layer) => ({
    id: layer.id, name: layer.name, original: layer.original, conversion: layer.conversion, visible: layer.visible,
    countAsBlueGreen: layer.countAsBlueGreen, bytes: layer.bytes, importedAt: layer.importedAt,
  }));
}

function isTextTarget(event: Event): boolean {
  return event.composedPath().some((node) => node instanceof HTMLElement
    && (node.isContentEditable || node.tagName === 'INPUT' || node.tagName === 'TEXTAREA' || node.tagName === 'SELECT'));
}

export function installImport(services: AppServices): void {
  const { store, view, app } = services;
  const client = new ImportClient();
  const backups: Backup[] = [];
  const mapLayers = new ImportedLayers(view.map);
  let loaded = false;
  // What a shared link states wins over saved settings: read the hash before the app rewrites it.
  const link = parseUrlHash(location.hash, CATALOG_LAYERS.map((layer) => layer.id));

  // ------------------------------------------------------------------ the panel
  const panel = document.createElement('plan-import-panel');
  panel.actions = {
    importFile: (file) => void runImport({ type: 'file', file }, file.name),
    cancel: () => client.cancel(),
    convert: (id, conversion) => void convert(id, conversion),
    countAsBlueGreen: (id, on) => countAsBlueGreen(id, on),
    useAsStudyArea: () => void useAsStudyArea(),
    exportWork: () => download(`jinan-plan-work-${new Date().toISOString().slice(0, 10)}.json`, exportDocument(settingsOf(store.getState()), savedImportsOf(store.getState()))),
    downloadBackup: (id) => {
      const backup = backups.find((item) => item.id === id);
      if (backup) download(`jinan-plan-backup-${backup.id}.json`, backup.raw);
    },
  };
  // Into the side panel as a section when the layer-tree engineer's panel is there, else straight into the shell.
  const sidePanel = app.querySelector('plan-side-panel');
  if (sidePanel && customElements.get('plan-panel-section')) {
    const section = document.createElement('plan-panel-section');
    Object.assign(section, { sectionId: 'import', labelKey: 'import.title', order: 40, open: true });
    section.append(panel);
    sidePanel.append(section);
  } else {
    panel.slot = 'panel';
    app.append(panel);
  }

  // ------------------------------------------------------------------ import
  async function runImport(request: Exclude<ImportWorkerRequest, { type: 'feature' }>, source: string): Promise<void> {
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
      store.update((state) => {
        const first = result.issues[0];
        const text = `${translate(state.lang, 'import.failed', { name: source, count: result.issues.length })}${first ? ` ${issueText(state.lang, first)}` : ''}`;
        return announce(withImportMessages(setImportProgress(state, null), source, result.issues), 'error', text);
      });
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
  async function convert(id: string, conversion: ImportedLayer['conversion']): Promise<void> {
    const layer = store.getState().imports.find((item) => item.id === id);
    if (!layer) return;
    const outcome = await new ImportClient().run({ type: 'file', file: layer.original, conversion });
    if (outcome.cancelled) return;
    if (!outcome.result.ok) {
      const first = outcome.result.issues[0];
      store.update((state) => announce(state, 'error', `${translate(state.lang, 'import.failed', { name: layer.name, count: outcome.result.issues.length })}${first ? ` ${issueText(state.lang, first)}` : ''}`));
      return;
    }
    const data = outcome.result.data;
    store.update((state) => setImportConversion(state, id, conversion, data));
  }

  /** "Count as blue-green": the analysis worker reads the layer itself; capped so the figures stay live. */
  function countAsBlueGreen(id: string, on: boolean): void {
    const state = store.getState();
    if (on) {
      const total = state.imports.filter((layer) => layer.countAsBlueGreen || layer.id === id).reduce((sum, layer) => sum + layer.bytes, 0);
      if (total > MAX_ANALYSIS_IMPORT_BYTES) {
        store.update((current) => announce(current, 'error', translate(current.lang, 'import.blueGreenTooLarge', {
          limitMb: MAX_ANALYSIS_IMPORT_BYTES / 1048576, sizeMb: Math.round(total / 1048576),
        })));
        return;
      }
    }
    store.update((current) => setImportBlueGreen(current, id, on));
  }

  /** "Use as study area": the clicked polygon's full geometry, read from the layer's Blob in a worker. */
  async function useAsStudyArea(): Promise<void> {
    const inspected = store.getState().importSession.inspected;
    const layer = store.getState().imports.find((item) => item.id === inspected?.layerId);
    if (!inspected || !layer) return;
    const feature = await readImportedFeature(layer.data, inspected.featureIndex);
    const polygon = feature ? studyPolygonOf(feature.geometry) : null;
    if (!polygon) {
      store.update((state) => announce(state, 'error', translate(state.lang, 'import.studyFailed')));
      return;
    }
    app.dispatchEvent(new CustomEvent('plan-study-command', { detail: { command: 'set-polygon', polygon: polygon.polygon }, bubbles: true, composed: true }));
    store.update((state) => announce(state, 'info', translate(state.lang, polygon.parts > 1 ? 'import.studySetLargest' : 'import.studySet', { name: layer.name, parts: polygon.parts })));
  }

  const mapContainer = view.map.getContainer();
  mapContainer.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  });
  mapContainer.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void runImport({ type: 'file', file }, file.name);
  });
  document.addEventListener('paste', (event) => {
    if (isTextTarget(event)) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const start = text.trimStart()[0];
    if (start !== '{' && start !== '[') return;
    event.preventDefault();
    void runImport({ type: 'text', text }, translate(store.getState().lang, 'import.pasted'));
  });

  // ------------------------------------------------------------------ map
  view.map.on('click', (event) => {
    const layers = mapLayers.layerIds();
    if (!layers.length) return;
    const hit = view.map.queryRenderedFeatures(event.point, { layers })[0];
    if (hit && typeof hit.id === 'number') {
      const polygon = hit.geometry.type === 'Polygon' || hit.geometry.type === 'MultiPolygon';
      store.update((state) => inspectImported(state, { layerId: hit.source, featureIndex: hit.id as number, properties: { ...hit.properties }, polygon }));
    }
  });

  // State → map. If MapLibre refuses the new layers, state goes back to exactly what it was before.
  let syncing = false;
  const syncMap = (state: PlanState, previous?: PlanState): void => {
    if (syncing || state.imports === previous?.imports) return;
    try {
      mapLayers.sync(state.imports);
    } catch (error) {
      if (!previous) return;
      syncing = true;
      const added = state.imports.filter((layer) => !previous.imports.includes(layer));
      try {
        mapLayers.sync(previous.imports);
      } catch { /* best effort: the previous layers were drawable a moment ago */ }
      store.update(() => announce(previous, 'error', translate(previous.lang, 'import.mapFailed', {
        name: added.map((layer) => layer.name).join(', '), detail: (error as Error).message,
      })));
      syncing = false;
    }
  };
  void view.whenLoaded().then(() => {
    syncMap(store.getState());
    store.subscribe((state, previous) => syncMap(state, previous));
  });

  // ------------------------------------------------------------------ saved work
  const reported = new Set<StorageProblem>();
  const reportSave = (result: { ok: true } | { ok: false; problem: StorageProblem; detail: string }): void => {
    if (result.ok) {
      reported.clear();
      if (store.getState().importSession.storageProblem) store.update((state) => ({ ...state, importSession: { ...state.importSession, storageProblem: null } }));
      return;
    }
    store.update((state) => {
      const next = { ...state, importSession: { ...state.importSession, storageProblem: result.problem } };
      if (reported.has(result.problem)) return next;
      return announce(next, 'error', translate(state.lang, `storage.${result.problem}`, { detail: result.detail, limitMb: MAX_SAVED_IMPORT_BYTES / 1048576 }));
    });
    reported.add(result.problem);
  };
  let importSave: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state, previous) => {
    if (!loaded) return;
    if (state.lang !== previous.lang || state.layerVisibility !== previous.layerVisibility || state.layerOpacity !== previous.layerOpacity) {
      reportSave(saveSettings(settingsOf(state)));
    }
    if (state.imports !== previous.imports) {
      clearTimeout(importSave);
      importSave = setTimeout(() => void saveImports(savedImportsOf(store.getState())).then(reportSave), 300);
    }
  });

  void loadWork().then(async (work) => {
    backups.push(...work.backups);
    // Saved data is re-validated in the import worker (storage is input too), one layer at a time.
    const restored: ImportedLayer[] = [];
    for (const saved of work.imports) {
      const outcome = await new ImportClient().run({ type: 'file', file: saved.original, conversion: saved.conversion });
      if (outcome.cancelled || !outcome.result.ok) continue;
      restored.push({
        id: saved.id, name: saved.name, original: outcome.result.original, conversion: saved.conversion, data: outcome.result.data,
        summary: outcome.result.summary, visible: saved.visible, countAsBlueGreen: saved.countAsBlueGreen, bytes: saved.bytes, importedAt: saved.importedAt,
      });
    }
    store.update((state) => {
      let next: PlanState = state;
      if (work.settings) {
        next = applySavedSettings(next, work.settings, link);
      }
      if (restored.length) {
        next = announce({ ...next, imports: [...next.imports, ...restored] }, 'info', translate(next.lang, 'storage.restored', { count: restored.length }));
      }
      const unavailable = work.problems.some((problem) => problem.kind === 'unavailable');
      next = { ...next, importSession: { ...next.importSession, backups: backups.map((b) => ({ ...b })), storageProblem: unavailable ? 'unavailable' : next.importSession.storageProblem } };
      for (const problem of work.problems) {
        const what = translate(next.lang, problem.what === 'settings' ? 'storage.what.settings' : 'storage.what.imports');
        const key = problem.kind === 'unavailable' ? 'storage.unavailable' : problem.kind === 'version' ? 'storage.version' : 'storage.corrupt';
        next = announce(next, 'error', translate(next.lang, key, { what, detail: problem.detail }));
      }
      return next;
    });
    loaded = true;
  });
}
