/**
 * Imported layers on the map: the map follows state.imports (layers restored from saved work appear as soon
 * as they are in the state, before the import panel has loaded); if MapLibre refuses new layers, the imports
 * go back to what they were. A click on an imported feature shows it in the import inspector.
 */
import type { AppServices, Dispose } from './services.ts';
import { Lifetime } from './lifetime.ts';
import type { PlanState } from '../state/plan-state.ts';
import { announce } from '../state/plan-state.ts';
import { inspectImported } from '../state/imports.ts';
import { ImportedLayers } from '../map/imported-layers.ts';
import { translate } from '../i18n/messages.ts';

export function installImportedLayers({ store, view, pointer }: AppServices): Dispose {
  const life = new Lifetime();
  const mapLayers = new ImportedLayers(view);
  life.add(() => mapLayers.clear());
  const sync = (imports: PlanState['imports'], previous?: PlanState['imports']) => {
    try {
      mapLayers.sync(imports);
    } catch (error) {
      if (!previous) return;
      const added = imports.filter((layer) => !previous.includes(layer));
      try {
        mapLayers.sync(previous);
      } catch { /* best effort: the previous layers were drawable a moment ago */ }
      store.update((state) => announce({ ...state, imports: previous }, 'error', translate(state.lang, 'import.mapFailed', {
        name: added.map((layer) => layer.name).join(', '), detail: (error as Error).message,
      })));
    }
  };
  void view.whenLoaded().then(() => {
    if (life.disposed) return;
    sync(store.getState().imports);
    life.add(store.select((state) => state.imports, sync));
  });
  life.add(pointer.onClick(({ imported }) => {
    if (imported) store.update((state) => inspectImported(state, imported));
  }));
  return () => life.dispose();
}
