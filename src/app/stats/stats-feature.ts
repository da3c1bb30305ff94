/**
 * Statistics panel: `<plan-stats>` in the side panel. The figures come from state.analysis
 * (installAnalysis computes them in the worker); the panel's class toggles become `setClassCounted`.
 */
import '../../ui/components/side-panel/side-panel.ts';
import '../../ui/components/stats/stats.ts';
import { PlanSidePanel } from '../../ui/components/side-panel/side-panel.ts';
import type { AppServices, Dispose } from '../services.ts';
import { Lifetime } from '../lifetime.ts';
import { setClassCounted } from '../../state/actions.ts';
import { announce } from '../../state/plan-state.ts';
import { translate } from '../../i18n/messages.ts';

export function install({ app, store }: AppServices): Dispose {
  const life = new Lifetime();
  const stats = document.createElement('plan-stats');
  const section = PlanSidePanel.addSection({ id: 'stats', labelKey: 'stats.panel', content: stats, order: 40 }, app);
  if (section) life.add(() => section.remove());
  else {
    stats.slot = 'panel';
    life.append(app, stats);
  }
  life.listen(app, 'plan-analysis-class', ({ detail }) => store.update((state) => setClassCounted(state, detail.name, detail.counted)));
  life.listen(app, 'plan-stats-exported', ({ detail }) => store.update((state) => announce(state, 'info', translate(state.lang, 'stats.exported', { file: detail.file }))));
  return () => life.dispose();
}
