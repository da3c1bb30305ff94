import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { translate } from '../../i18n/messages.ts';
import type { Lang } from '../../i18n/messages.ts';

/**
 * Said next to every figure and pass/fail verdict computed from the map's own schematic layers: the figure is
 * illustrative (the layers are drawn from public descriptions, not the plan's land-use data), and real figures
 * come from importing a land-use layer.
 */
export function illustrativeNote(lang: Lang): TemplateResult {
  return html`<span class="illustrative" data-illustrative>${translate(lang, 'figures.illustrative')}</span>`;
}

/** CSS for the note, to add to a component's styles. */
export const ILLUSTRATIVE_CSS = `
  .illustrative { display: block; font-size: 0.75rem; color: #6b4e16; font-style: italic; margin-top: 0.1rem; }
`;
