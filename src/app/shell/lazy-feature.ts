import type { AppServices, Dispose, FeatureInstaller } from './services.ts';
import { loadCatalogues } from '../../i18n/messages.ts';
import type { CatalogueName } from '../../i18n/messages.ts';
import { translate } from '../../i18n/messages.ts';
import { announce } from '../../state/plan-state.ts';
import { RequestError } from '../../data/requests/request-error.ts';
import type { BasisKind } from '../../state/basis.ts';

/** A lazily loaded feature's installer; `failed` hears when its code could not be loaded or installed. */
export type LazyFeatureInstaller = (services: AppServices, failed?: (error: RequestError) => void) => Dispose;

/**
 * A feature whose code is not in the first view's JavaScript: it is loaded with `import()` once the map
 * has drawn (`ready`) and installed then; disposing it before that cancels the install. The message
 * catalogues it names are loaded beside its code and added before it installs (so before it renders).
 * A feature that fails to load (or to install) says so in the live region, never disappears silently.
 * @example lazyFeature(() => import('../stats/stats-feature.ts'), 'stats') // a line of FEATURES in ./features.ts
 */
export function lazyFeature(load: () => Promise<{ install: FeatureInstaller }>, ...catalogues: CatalogueName[]): LazyFeatureInstaller & FeatureInstaller {
  return (services: AppServices, failed?: (error: RequestError) => void): Dispose => {
    let disposed = false;
    let dispose: Dispose | undefined;
    void services.ready
      .then(() => Promise.all([load(), loadCatalogues(catalogues)]))
      .then(([{ install }]) => {
        if (!disposed) dispose = install(services);
      })
      .catch((error: unknown) => {
        if (disposed) return;
        const detail = error instanceof Error ? error.message : String(error);
        failed?.(new RequestError('failed', detail));
        services.store.update((state) => announce(state, 'error', translate(state.lang, 'app.featureLoadFailed', { detail })));
      });
    return () => {
      disposed = true;
      dispose?.();
    };
  };
}

/**
 * A lazily loaded feature that provides the figures client of `basis` (`services.figures`): it says so at
 * install, so a request made before its code has loaded waits for it; if its code fails to load, waiting and
 * later requests fail with that error instead.
 * @example providesFigures('schematic', lazyFeature(() => import('../analysis/analysis-feature.ts'), 'stats'))
 */
export function providesFigures(basis: BasisKind, install: LazyFeatureInstaller): FeatureInstaller {
  return (services) => {
    const withdraw = services.figures.expect(basis);
    const dispose = install(services, withdraw);
    return () => {
      dispose();
      withdraw();
    };
  };
}
