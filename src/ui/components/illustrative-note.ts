import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { translate } from '../../i18n/messages.ts';
import type { Lang } from '../../i18n/messages.ts';
import type { Basis } from '../../state/basis.ts';
import { SCHEMATIC_BASIS } from '../../state/basis.ts';

/**
 * Said next to every figure and pass/fail verdict: on the map's own schematic layers the figure is
 * illustrative (the layers are drawn from public descriptions, not the plan's land-use data, and real figures
 * come from importing a land-use layer); on a land-use basis the layer the figure comes from is named.
 */
export function figuresNote(lang: Lang, basis: Basis = SCHEMATIC_BASIS): TemplateResult {
  return basis.kind === 'landuse'
    ? html`<span class="illustrative" data-basis="landuse">${translate(lang, 'figures.basisLandUse', { name: basis.name })}</span>`
    : html`<span class="illustrative" data-illustrative>${translate(lang, 'figures.illustrative')}</span>`;
}

/** The basis in a few words, for headings, captions and exports. */
export function basisText(lang: Lang, basis: Basis): string {
  return basis.kind === 'landuse' ? translate(lang, 'figures.basisLandUse', { name: basis.name }) : translate(lang, 'figures.basisSchematic');
}

/** CSS for the note, to add to a component's styles. */
export const ILLUSTRATIVE_CSS = `
  .illustrative { display: block; font-size: 0.75rem; color: #6b4e16; font-style: italic; margin-top: 0.1rem; }
`;
