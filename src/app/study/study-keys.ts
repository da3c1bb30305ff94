/**
 * The study tool's keys: Escape cancels drawing or ends editing; Delete / Backspace clears the study area being
 * edited (only with the focus on the map or nowhere, so a text field keeps its keys).
 */
import type { AppServices } from '../shell/services.ts';
import { mapContainer } from '../../map/map-element.ts';
import type { StudyTool } from './study-tool.ts';

export function registerStudyKeys({ keys, view, store }: AppServices, tool: StudyTool): void {
  const study = () => store.getState().study;
  tool.life.add(keys.register({
    scope: 'study', keys: ['Escape'], id: 'study.cancel', evenIfHandled: true,
    when: () => study().mode === 'drawing', run: () => tool.cancelDrawing(),
  }));
  tool.life.add(keys.register({
    scope: 'study', keys: ['Escape'], id: 'study.done',
    when: () => study().mode === 'editing', run: () => tool.stopEditing(),
  }));
  tool.life.add(keys.register({
    scope: 'study', keys: ['Delete', 'Backspace'], id: 'study.clear',
    when: () => study().mode === 'editing' && study().target.kind === 'study',
    run: () => {
      const active = document.activeElement;
      if (!(active === document.body || active === null || mapContainer(view).contains(active))) return false;
      tool.clearStudy();
    },
  }));
}
