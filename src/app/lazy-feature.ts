import type { AppServices, Dispose, FeatureInstaller } from './services.ts';

/**
 * A feature whose code is not in the first view's JavaScript: it is loaded with `import()` once the map
 * has drawn (`ready`) and installed then; disposing it before that cancels the install.
 * @example export const installStats = lazyFeature(() => import('./stats/stats-feature.ts'));
 */
export function lazyFeature(load: () => Promise<{ install: FeatureInstaller }>): FeatureInstaller {
  return (services: AppServices): Dispose => {
    let disposed = false;
    let dispose: Dispose | undefined;
    void services.ready.then(load).then(({ install }) => {
      if (!disposed) dispose = install(services);
    });
    return () => {
      disposed = true;
      dispose?.();
    };
  };
}
