/**
 * Statistics panel: `<plan-stats>` in the side panel. The figures come from state.analysis
 * (installAnalysis computes them in the worker); the panel's class toggles become `setClassCounted`.
 */
import '../../ui/components/stats/stats.ts';
import { mountSection } from '../shell/panel-section.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { Lifetime } from '../shell/lifetime.ts';
import { setClassCounted } from '../../state/actions.ts';
import { announce } from '../../state/plan-state.ts';
import { translate } from '../../i18n/messages.ts';

export function install({ app, store }: AppServices): Dispose {
  const life = new Lifetime();
  mountSection(app, life, { id: 'stats', labelKey: 'stats.panel', content: document.createElement('plan-stats'), order: 40 });
  life.listen(app, 'plan-analysis-class', ({ detail }) => store.update((state) => setClassCounted(state, detail.name, detail.counted)));
  life.listen(app, 'plan-stats-exported', ({ detail }) => store.update((state) => announce(state, 'info', translate(state.lang, 'stats.exported', { file: detail.file }))));
  return () => life.dispose();
}
