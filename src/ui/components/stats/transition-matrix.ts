import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { selectStates, type LandUseSecondState, type StateRole } from '../../../state/landuse-second-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { emit } from '../../events.ts';
import { translate, type Lang } from '../../../i18n/messages.ts';
import { formatNumber } from '../../../i18n/format.ts';
import type { TransitionMatrix } from '../../../core/landuse/transition-matrix.ts';
import { downloadBlob } from '../../download.ts';
import { transitionCsv, transitionLabel, transitionTotals } from './transition-rows.ts';

/** The CSV file name of the transition matrix export. */
export const TRANSITION_CSV_FILE = 'startup-area-landuse-transition.csv';

/**
 * The transition matrix between the two land-use states, 现状 (rows) → 规划 (columns), in km²: by indicator group
 * (blue-green, urban construction, other) or, on demand, by first-level class; row and column totals; the definition
 * (an overlay of the two layers' outlines, over the area both cover). Each cell carries `data-from`, `data-to` (group
 * or first-level key) and `data-area-m2`; totals carry `data-total` (`row` / `column` / `all`). Reads
 * `state.landuse.second` and the first state's name; renders nothing while there is no second state with a role.
 * @fires plan-transition-level - by group or by first-level class
 */
@customElement('plan-transition-matrix')
export class PlanTransitionMatrix extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly states = new StoreController(this, () => this.store, selectStates);
  private readonly firstName = new StoreController(this, () => this.store, (s: PlanState) => s.landuse.summary?.name ?? '');
  private readonly language = new StoreController(this, () => this.store, (s: PlanState) => s.lang);

  static override styles = css`
    :host { display: block; margin: 0.75rem 0; }
    h3 { font-size: 0.95rem; margin: 0.25rem 0; }
    p { margin: 0.25rem 0; font-size: 0.8rem; color: #3e4c59; }
    table { border-collapse: collapse; width: 100%; font-size: 0.8rem; }
    th, td { padding: 0.15rem 0.3rem; border-bottom: 1px solid #e4e7eb; text-align: right; font-variant-numeric: tabular-nums; }
    th[scope='row'], thead th:first-child { text-align: left; }
    td.same { background: #f0f4f8; }
    [data-total] { font-weight: 600; }
    button { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.5rem; border: 1px solid #9aa5b1; border-radius: 4px; background: #fff; cursor: pointer; }
    button:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .error { color: #b91c1c; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  /** The two states' names, 现状 first. */
  private names(states: LandUseSecondState & { role: StateRole }): [string, string] {
    const first = this.firstName.value ?? '';
    return states.role === 'plan' ? [first, states.summary.name] : [states.summary.name, first];
  }

  /** The matrix as CSV in the current language ('' while there is none). */
  csvText(): string {
    const states = this.states.value;
    return states?.matrix ? transitionCsv(this.language.value ?? 'zh', states.matrix, ...this.names(states)) : '';
  }

  private renderTable(lang: Lang, matrix: TransitionMatrix) {
    const km2 = (m2: number) => formatNumber(m2 / 1e6, lang, 3);
    const { value, rows, columns } = transitionTotals(matrix);
    return html`
      <table data-testid="transition-matrix" data-level=${matrix.level} data-common-m2=${matrix.commonSquareMeters}>
        <caption class="visually-hidden">${translate(lang, 'landuse.states.matrixCaption')}</caption>
        <thead><tr><th scope="col">${translate(lang, 'landuse.states.fromTo')}</th>
          ${matrix.to.map((to) => html`<th scope="col" data-to=${to}>${transitionLabel(lang, to)}</th>`)}
          <th scope="col">${translate(lang, 'landuse.states.total')}</th></tr></thead>
        <tbody>${matrix.from.map((from) => html`<tr>
          <th scope="row" data-from=${from}>${transitionLabel(lang, from)}</th>
          ${matrix.to.map((to) => html`<td class=${from === to ? 'same' : ''} data-from=${from} data-to=${to} data-area-m2=${value(from, to)}>${km2(value(from, to))}</td>`)}
          <td data-total="row" data-from=${from} data-area-m2=${rows.get(from) ?? 0}>${km2(rows.get(from) ?? 0)}</td></tr>`)}
        </tbody>
        <tfoot><tr><th scope="row">${translate(lang, 'landuse.states.total')}</th>
          ${matrix.to.map((to) => html`<td data-total="column" data-to=${to} data-area-m2=${columns.get(to) ?? 0}>${km2(columns.get(to) ?? 0)}</td>`)}
          <td data-total="all" data-area-m2=${matrix.commonSquareMeters}>${km2(matrix.commonSquareMeters)}</td></tr></tfoot>
      </table>`;
  }

  override render() {
    const states: (LandUseSecondState & { role: StateRole }) | null | undefined = this.states.value;
    if (!states) return nothing;
    const lang = this.language.value ?? 'zh';
    const [current, plan] = this.names(states);
    const byClass = states.level === 'first-level';
    return html`
      <h3>${translate(lang, 'landuse.states.matrixTitle')}</h3>
      <p data-testid="transition-states">${translate(lang, 'landuse.states.pair', { current, plan })}</p>
      <button type="button" aria-pressed=${String(byClass)} data-testid="transition-level"
        @click=${() => emit(this, 'plan-transition-level', { level: byClass ? 'group' : 'first-level' })}>${translate(lang, 'landuse.states.byFirstLevel')}</button>
      ${states.error ? html`<p class="error" role="alert">${translate(lang, 'landuse.states.matrixFailed', { detail: states.error })}</p>`
        : states.matrix ? this.renderTable(lang, states.matrix) : html`<p aria-busy="true">${translate(lang, 'landuse.states.computing')}</p>`}
      ${states.matrix ? html`<button type="button" data-testid="transition-csv" @click=${() => downloadBlob(this.csvText(), TRANSITION_CSV_FILE, 'text/csv;charset=utf-8')}>${translate(lang, 'landuse.states.csv')}</button>` : nothing}
      <p class="definition">${translate(lang, 'landuse.states.definition')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-transition-matrix': PlanTransitionMatrix;
  }
}
