/**
 * Statistics panel: `<plan-stats>` in the side panel. The figures come from state.analysis
 * (installAnalysis computes them in the worker); the panel writes state.analysisClasses.
 */
import '../ui/components/side-panel/side-panel.ts';
import '../ui/components/stats/stats.ts';
import { PlanSidePanel } from '../ui/components/side-panel/side-panel.ts';
import type { AppServices } from './services.ts';

export function installStats(services: AppServices): void {
  const { app } = services;
  const stats = document.createElement('plan-stats');
  if (!PlanSidePanel.addSection({ id: 'stats', labelKey: 'stats.panel', content: stats, order: 40 }, app)) {
    stats.slot = 'panel';
    app.append(stats);
  }
}
