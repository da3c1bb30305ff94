import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { LegendEntry } from '../../../state/legend.ts';
import { emit } from '../../events.ts';

/** A legend row as plain data (src/map/legend-entries.ts reads them from the live style). */
export type LegendItem = LegendEntry;

/** The legend of the visible layers: `state.legend`, read from the live style by the map whenever it changes. */
@customElement('plan-legend')
export class PlanLegend extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;


  private readonly language = new StoreController(this, () => this.store, (state: PlanState) => state.lang);
  private readonly rows = new StoreController(this, () => this.store, (state: PlanState) => state.legend);
  private readonly filter = new StoreController(this, () => this.store, (state: PlanState) => state.legendFilter?.id ?? null);

  private get items(): readonly LegendItem[] {
    return this.rows.value ?? [];
  }

  static override styles = css`
    :host { display: block; font-size: 0.85rem; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: flex; align-items: center; gap: 0.5rem; min-height: 1.6rem; }
    li.inert { padding: 0.1rem 0.25rem; border: 1px solid transparent; }
    li button { display: flex; align-items: center; gap: 0.5rem; width: 100%; font: inherit; text-align: start; background: none;
      border: 1px solid transparent; border-radius: 4px; padding: 0.1rem 0.25rem; cursor: pointer; color: inherit; }
    li button:hover { border-color: #d0ccc4; }
    li button[aria-pressed='true'] { border-color: #14324a; background: #eef1f4; }
    li button:focus-visible, button.reset:focus-visible { outline: 3px solid #b45309; outline-offset: 1px; }
    button.reset { font: inherit; font-size: 0.8rem; margin: 0.3rem 0; border: 1px solid #14324a; background: #14324a; color: #fff;
      border-radius: 4px; padding: 0.15rem 0.6rem; cursor: pointer; }
    .hint { font-size: 0.75rem; }
    svg { flex: none; }
    .group { color: #4a5561; font-size: 0.78rem; }
    p { margin: 0.3rem 0; color: #4a5561; }
  `;

  private swatch(item: LegendItem) {
    const [first = '#888888', second] = item.colours;
    if (item.kind === 'line') {
      return svg`<line x1="2" y1="9" x2="26" y2="9" stroke=${first} stroke-width="3.5" stroke-linecap="round"
        stroke-dasharray=${item.dashed ? '5 3' : 'none'}></line>`;
    }
    if (item.kind === 'circle') {
      return svg`${item.colours.slice(0, 5).map((colour, index) =>
        svg`<circle cx=${6 + index * 5} cy="9" r="5" fill=${colour} stroke="#ffffff" stroke-width="1"></circle>`)}`;
    }
    // faint fills are drawn at least 25 % opaque so the swatch stays visible
    return svg`<rect x="2" y="3" width="24" height="12" rx="2" fill=${first} fill-opacity=${Math.max(0.25, item.fillOpacity)}
      stroke=${second ?? first} stroke-width="1.5"></rect>`;
  }

  override render() {
    const lang = this.language.value ?? 'zh';
    if (this.items.length === 0) return html`<p>${translate(lang, 'legend.empty')}</p>`;
    const filtered = this.filter.value ?? null;
    return html`
      ${filtered ? html`<button type="button" class="reset" data-action="legend-reset"
        @click=${() => emit(this, 'plan-legend-filter', { id: null })}>${translate(lang, 'legend.reset')}</button>`
        : html`<p class="hint">${translate(lang, 'legend.filterHint')}</p>`}
      <ul aria-label=${translate(lang, 'legend.label')}>
      ${this.items.map((item) => item.filterable === false ? html`
        <li data-legend=${item.id} class="inert">
          <svg width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">${this.swatch(item)}</svg>
          <span>${item.label} <span class="group">· ${item.groupLabel}</span></span>
        </li>` : html`
        <li data-legend=${item.id}>
          <button type="button" aria-pressed=${String(filtered === item.id)} title=${translate(lang, 'legend.filterTitle', { label: item.label })}
            @click=${() => emit(this, 'plan-legend-filter', { id: filtered === item.id ? null : item.id })}>
            <svg width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">${this.swatch(item)}</svg>
            <span>${item.label} <span class="group">· ${item.groupLabel}</span></span>
          </button>
        </li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-legend': PlanLegend;
  }
}
