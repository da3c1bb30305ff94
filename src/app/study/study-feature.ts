/**
 * Study-area tool and what-if cluster outlines: wires the panel (src/ui/components/study), the
 * drawing tool (src/map/draw.ts, terra-draw, loaded on first use), the analysis worker client and the store.
 *
 * Per frame while drawing or dragging: terra-draw 'change' events → one value per animation frame
 * (frame-coalescer) → `client.region` / `client.table` in the worker (latest wins) → store → panel.
 * The study polygon and the what-if outlines are saved with src/data/persist.ts and restored on load.
 * While the tool draws or edits it owns the map's pointer (the click dispatcher is suspended).
 */
import '../../ui/components/study/study-panel.ts';
import '../../ui/components/study/study-button.ts';
import { PlanSidePanel } from '../../ui/components/side-panel/side-panel.ts';
import type { AppServices, Dispose } from '../shell/services.ts';
import { StudyTool } from './study-tool.ts';
import { registerStudyKeys } from './study-keys.ts';
import { followStudyState, restoreStudy } from './study-follow.ts';

export function install(services: AppServices): Dispose {
  const { app, store } = services;
  const tool = new StudyTool(services);
  const { life } = tool;
  life.toolbar(app, document.createElement('plan-study-button'), 20);
  const panel = document.createElement('plan-study-panel');
  const section = PlanSidePanel.addSection({ id: 'study', labelKey: 'study.section', content: panel, order: 40, open: false }, app);
  if (section) life.add(() => section.remove());
  else {
    panel.slot = 'panel';
    life.append(app, panel);
  }
  life.listen(app, 'plan-study-command', (event) => tool.run(event.detail));
  registerStudyKeys(services, tool);
  void services.ready.then(() => {
    if (life.disposed) return;
    restoreStudy(tool);
    followStudyState(services, tool);
  });
  life.add(() => {
    if (store.getState().study.mode !== 'off') store.update((state) => ({ ...state, study: { ...state.study, mode: 'off', target: { kind: 'study' } } }));
  });
  return () => life.dispose();
}
