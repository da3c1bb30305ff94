/**
 * Imported layers on the map: while this feature is installed the map's scene draws state.imports (layers
 * restored from saved work appear as soon as they are in the state, before the import panel has loaded;
 * src/map/scene). A click on an imported feature shows it in the import inspector.
 */
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { inspectImported } from '../../state/imports.ts';
import { mapSceneOf } from '../../map/scene/map-scene.ts';

export function installImportedLayers({ store, view, pointer }: AppServices): Dispose {
  const life = new Lifetime();
  const scene = mapSceneOf(view);
  scene?.setPart('imports', true);
  life.add(() => scene?.setPart('imports', false));
  life.add(pointer.onClick(({ imported }) => {
    if (imported) store.update((state) => inspectImported(state, imported));
  }));
  return () => life.dispose();
}
