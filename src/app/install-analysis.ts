import type { FeatureInstaller } from './services.ts';
import { lazyFeature } from './lazy-feature.ts';

const installLoaded = lazyFeature(() => import('./analysis/analysis-feature.ts'), 'stats');

/**
 * Live analysis: the analysis worker and the figures in state.analysis (loaded after the first map frame).
 * It provides the `schematic` figures client in `services.figures`, and says so at once, so that a request
 * made before its code has loaded waits for it instead of failing.
 */
export const installAnalysis: FeatureInstaller = (services) => {
  const withdraw = services.figures.expect('schematic');
  const dispose = installLoaded(services, withdraw);
  return () => {
    dispose();
    withdraw();
  };
};
