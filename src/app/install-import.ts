/**
 * GeoJSON import and saved work (#7): wires the file picker, drag-and-drop onto the map and paste to the
 * import worker; validated layers into state (PlanState.imports) and onto the map (src/map/imported-layers);
 * clicks on imported features into the inspector; and saves settings and imports automatically.
 * A failure at any step leaves the map, the other layers and the user's work as they were.
 */
import type { AppServices } from './services.ts';
import type { PlanState } from '../state/plan-state.ts';
import { announce } from '../state/plan-state.ts';
import {
  addImportedLayer, inspectImported, newImportId, setImportProgress, withImportMessages,
} from '../state/imports.ts';
import type { ImportedLayer } from '../state/imports.ts';
import { ImportClient } from '../data/import-client.ts';
import type { ImportWorkerRequest } from '../data/import-protocol.ts';
import { exportDocument, loadWork, MAX_SAVED_IMPORT_BYTES, saveImports, saveSettings } from '../data/work-store.ts';
import type { Backup, SavedImport, SavedSettings, StorageProblem } from '../data/work-store.ts';
import { convertToWgs84 } from '../core/import/convert-collection.ts';
import { validateImport } from '../core/import/validate-import.ts';
import { ImportedLayers } from '../map/imported-layers.ts';
import { translate } from '../i18n/messages.ts';
import '../ui/components/import-panel/import-panel.ts';
import { issueText } from '../ui/components/import-panel/issue-text.ts';

function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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

  // ------------------------------------------------------------------ the panel
  const panel = document.createElement('plan-import-panel');
  panel.actions = {
    importFile: (file) => void runImport({ type: 'file', file }, file.name),
    cancel: () => client.cancel(),
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
  async function runImport(request: ImportWorkerRequest, source: string): Promise<void> {
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
      id: newImportId(), name: source, original: result.collection, data: result.collection, conversion: 'none',
      summary: result.summary, visible: true, countAsBlueGreen: false, bytes, importedAt: new Date().toISOString(),
    };
    store.update((state) => setImportProgress(state, { source, stage: 'add', fraction: 1 }));
    store.update((state) => withImportMessages(addImportedLayer(setImportProgress(state, null), layer), source, result.issues));
    if (!store.getState().imports.includes(layer)) return; // the map refused it; already reported and undone
    store.update((state) => announce(state, 'info', translate(state.lang, 'import.added', { name: source, count: result.summary.featureCount })));
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
      store.update((state) => inspectImported(state, { layerId: hit.source, featureIndex: hit.id as number }));
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

  void loadWork().then((work) => {
    backups.push(...work.backups);
    store.update((state) => {
      let next: PlanState = state;
      if (work.settings) {
        next = { ...next, lang: work.settings.lang, layerVisibility: { ...next.layerVisibility, ...work.settings.layerVisibility }, layerOpacity: work.settings.layerOpacity };
      }
      const restored: ImportedLayer[] = [];
      for (const saved of work.imports) {
        // Saved data is re-validated: storage is input too.
        const checked = validateImport(saved.original);
        if (!checked.ok) continue;
        restored.push({
          id: saved.id, name: saved.name, original: checked.collection, conversion: saved.conversion,
          data: saved.conversion === 'none' ? checked.collection : convertToWgs84(checked.collection, saved.conversion),
          summary: checked.summary, visible: saved.visible, countAsBlueGreen: saved.countAsBlueGreen, bytes: saved.bytes, importedAt: saved.importedAt,
        });
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
