import { PlanSidePanel } from '../../ui/components/side-panel/side-panel.ts';
import '../../ui/components/side-panel/side-panel.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Lifetime } from './lifetime.ts';

/**
 * Puts a feature's element into the side panel as a section (or straight into the shell's panel slot when
 * there is no side panel) and takes it away again when the feature's lifetime ends.
 * @returns the element, for the feature to set its properties
 * @example const stats = mountSection(app, life, { id: 'stats', labelKey: 'stats.panel', content: document.createElement('plan-stats'), order: 40 });
 */
export function mountSection<E extends HTMLElement>(
  app: HTMLElement,
  life: Lifetime,
  options: { id: string; labelKey: MessageKey; content: E; order: number; open?: boolean },
): E {
  const section = PlanSidePanel.addSection(options, app);
  if (section) life.add(() => section.remove());
  else {
    options.content.slot = 'panel';
    life.append(app, options.content);
  }
  return options.content;
}
