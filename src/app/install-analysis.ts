import { lazyFeature } from './lazy-feature.ts';

/**
 * Live analysis: the analysis worker and the figures in state.analysis (loaded after the first map frame;
 * other features reach the worker through ./analysis/analysis-service.ts).
 */
export const installAnalysis = lazyFeature(() => import('./analysis/analysis-feature.ts'), 'stats');
