import type { AppServices, Dispose, FeatureInstaller } from './services.ts';
import { loadCatalogues } from '../i18n/messages.ts';
import type { CatalogueName } from '../i18n/messages.ts';

/**
 * A feature whose code is not in the first view's JavaScript: it is loaded with `import()` once the map
 * has drawn (`ready`) and installed then; disposing it before that cancels the install. The message
 * catalogues it names are loaded beside its code and added before it installs (so before it renders).
 * @example lazyFeature(() => import('./stats/stats-feature.ts'), 'stats') // a line of FEATURES in ./features.ts
 */
export function lazyFeature(load: () => Promise<{ install: FeatureInstaller }>, ...catalogues: CatalogueName[]): FeatureInstaller {
  return (services: AppServices): Dispose => {
    let disposed = false;
    let dispose: Dispose | undefined;
    void services.ready
      .then(() => Promise.all([load(), loadCatalogues(catalogues)]))
      .then(([{ install }]) => {
        if (!disposed) dispose = install(services);
      });
    return () => {
      disposed = true;
      dispose?.();
    };
  };
}
