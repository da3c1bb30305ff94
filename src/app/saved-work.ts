/**
 * Saved work: settings and imported layers are saved automatically (imports debounced) and restored at
 * start. Saved data is input too: restored imports are re-validated in the import worker, one at a time.
 * What a shared link states wins over saved settings.
 */
import type { AppServices, Dispose } from './shell/services.ts';
import { Lifetime } from './shell/lifetime.ts';
import type { PlanState } from '../state/plan-state.ts';
import { announce } from '../state/plan-state.ts';
import type { ImportedLayer } from '../state/imports.ts';
import { sameItems } from '../state/store.ts';
import { applySavedSettings } from '../state/saved-settings.ts';
import { parseUrlHash } from '../state/url-state.ts';
import type { UrlState } from '../state/url-state.ts';
import { CATALOG_LAYERS } from '../state/layer-catalog.ts';
import { ImportClient } from '../data/import-client.ts';
import { loadWork, MAX_SAVED_IMPORT_BYTES, saveImports, saveSettings } from '../data/work-store.ts';
import type { Backup, LoadedWork as Work, SavedImport, SavedSettings, StorageProblem } from '../data/work-store.ts';
import { translate } from '../i18n/messages.ts';

export function settingsOf(state: PlanState): SavedSettings {
  return { lang: state.lang, layerVisibility: state.layerVisibility, layerOpacity: state.layerOpacity, largeText: state.largeText };
}

export function savedImportsOf(state: PlanState): SavedImport[] {
  return state.imports.map((layer) => ({
    id: layer.id, name: layer.name, original: layer.original, conversion: layer.conversion, visible: layer.visible,
    countAsBlueGreen: layer.countAsBlueGreen, bytes: layer.bytes, importedAt: layer.importedAt,
  }));
}

type SaveResult = { ok: true } | { ok: false; problem: StorageProblem; detail: string };

/** Saves on every change once the saved work has been restored; reports each storage problem once. */
function installSaving({ store }: AppServices, life: Lifetime): void {
  const reported = new Set<StorageProblem>();
  const reportSave = (result: SaveResult): void => {
    if (life.disposed) return;
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
  const saveImportsLater = life.debounce(() => void saveImports(savedImportsOf(store.getState())).then(reportSave), 300);
  life.add(store.select((state) => [state.lang, state.layerVisibility, state.layerOpacity, state.largeText],
    (_value, _previous, state) => reportSave(saveSettings(settingsOf(state))), sameItems));
  life.add(store.select((state) => state.imports, saveImportsLater));
}

/** Re-validates the saved imports in the import worker, one layer at a time. */
async function restoreImports(work: Work, life: Lifetime): Promise<ImportedLayer[]> {
  const restored: ImportedLayer[] = [];
  for (const saved of work.imports) {
    if (life.disposed) break;
    const client = new ImportClient();
    life.add(() => client.cancel());
    const outcome = await client.run({ type: 'file', file: saved.original, conversion: saved.conversion });
    if (outcome.cancelled || !outcome.result.ok) continue;
    restored.push({
      id: saved.id, name: saved.name, original: outcome.result.original, conversion: saved.conversion, data: outcome.result.data,
      summary: outcome.result.summary, visible: saved.visible, countAsBlueGreen: saved.countAsBlueGreen, bytes: saved.bytes, importedAt: saved.importedAt,
    });
  }
  return restored;
}

/** The state with the saved work in it, and every problem reading it announced. */
function withWork(state: PlanState, work: Work, restored: readonly ImportedLayer[], backups: readonly Backup[], link: UrlState): PlanState {
  let next: PlanState = work.settings ? applySavedSettings(state, work.settings, link) : state;
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
}

/**
 * Restores the saved work (settings, imported layers; unreadable data is kept in
 * state.importSession.backups and offered as downloads), then saves every change.
 */
export function installSavedWork(services: AppServices): Dispose {
  const life = new Lifetime();
  // What a shared link states wins over saved settings: read the hash before the app rewrites it.
  const link = parseUrlHash(location.hash, CATALOG_LAYERS.map((layer) => layer.id));
  void loadWork().then(async (work) => {
    const restored = await restoreImports(work, life);
    if (life.disposed) return;
    services.store.update((state) => withWork(state, work, restored, work.backups, link));
    installSaving(services, life);
  });
  return () => life.dispose();
}
