import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { emit } from '../../events.ts';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { MediaQueryController } from '../../controllers/media-query.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';
import { COMPARE_PRESETS, COMPARE_YEARS, SIDE_BY_SIDE_MIN_WIDTH, initialCompareState } from '../../../state/compare-state.ts';
import type { CompareCommand, CompareSide, CompareSideName, CompareState } from '../../../state/compare-state.ts';
import { IDLE_COMPARE_FIGURES } from '../../../state/compare-deltas.ts';
import type { CompareFigures } from '../../../state/compare-deltas.ts';
import { ILLUSTRATIVE_CSS } from '../illustrative-note.ts';
import '../stats/transition-matrix.ts';
import { deltaTable } from './compare-delta-table.ts';

/** The window is wide enough for two maps side by side. */
export const WIDE_QUERY = `(min-width: ${SIDE_BY_SIDE_MIN_WIDTH}px)`;

/** What the panel renders of the state. */
function panelView(state: PlanState) {
  return {
    lang: state.lang, compare: state.compare, figures: state.compareFigures,
    landuse: state.figuresAvailable.includes('landuse'), whatIfCount: Object.keys(state.study.whatIf).length,
  };
}

/** "What-if · 2030 · schematic layers": what one side shows, naming its indicator basis. */
export function sideSummary(lang: Lang, side: CompareSide): string {
  return translate(lang, 'compare.sideSummary', {
    outlines: translate(lang, side.whatIf ? 'compare.outlines.whatIf' : 'compare.outlines.plan'),
    year: side.year,
    basis: translate(lang, side.basis === 'landuse' ? 'compare.basis.landuse' : 'compare.basis.schematic'),
  });
}

/** "Left: Plan · 2023 · schematic layers". */
export function sideLabel(lang: Lang, name: CompareSideName, side: CompareSide): string {
  return translate(lang, 'compare.sideLabel', { side: translate(lang, `compare.side.${name}`), summary: sideSummary(lang, side) });
}

/**
 * The compare section of the side panel: presets to start a compare; while comparing, the layout, what each
 * side shows (basis, outlines, year) and the delta table. It renders the store's compare state and figures.
 *
 * @fires plan-compare - start (a preset), stop, a side's change, the layout
 */
@customElement('plan-compare-panel')
export class PlanComparePanel extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, panelView, shallowEqual);
  private readonly wideQuery = new MediaQueryController(this, WIDE_QUERY);

  private get language(): Lang { return this.view.value?.lang ?? 'zh'; }
  private get compare(): CompareState { return this.view.value?.compare ?? initialCompareState(); }
  private get figures(): CompareFigures { return this.view.value?.figures ?? IDLE_COMPARE_FIGURES; }
  /** a land-use layer is loaded (its figures can be computed) */
  private get landuse(): boolean { return this.view.value?.landuse ?? false; }
  /** how many cluster outlines the user has edited */
  private get whatIfCount(): number { return this.view.value?.whatIfCount ?? 0; }
  /** the window is wide enough for side by side */
  private get wide(): boolean { return this.wideQuery.matches; }

  static override styles = css`
    ${unsafeCSS(ILLUSTRATIVE_CSS)}
    :host { display: block; font-size: 0.88rem; }
    p { margin: 0.4rem 0; }
    .hint { font-size: 0.78rem; color: #4a5561; }
    .presets { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.4rem 0; }
    button {
      font: inherit; padding: 0.35rem 0.7rem; background: #14324a; color: #fff; border: 0; border-radius: 4px; cursor: pointer;
    }
    button:disabled { opacity: 0.5; cursor: default; }
    button.secondary { background: #fff; color: #14324a; border: 1px solid #14324a; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    fieldset { border: 1px solid #d0ccc4; border-radius: 4px; margin: 0.5rem 0; padding: 0.3rem 0.6rem 0.5rem; }
    legend { font-weight: 600; padding: 0 0.25rem; color: #14324a; }
    .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; }
    .sides fieldset { margin: 0; }
    label { display: block; font-size: 0.78rem; color: #4a5561; margin-top: 0.25rem; }
    select { font: inherit; font-size: 0.82rem; width: 100%; margin-top: 0.1rem; }
    .radio { display: inline-flex; align-items: center; gap: 0.25rem; margin-right: 0.8rem; color: #14324a; font-size: 0.85rem; }
    .summary { font-size: 0.8rem; color: #14324a; margin: 0.2rem 0; }
    .unchanged { font-weight: 600; color: #14324a; background: #eef1f4; padding: 0.35rem 0.5rem; border-radius: 4px; }
    .error { color: #991b1b; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.78rem; }
    caption { text-align: left; font-size: 0.78rem; color: #4a5561; padding: 0.4rem 0 0.25rem; }
    th, td { padding: 0.2rem 0.3rem; border-bottom: 1px solid #e6e2da; text-align: left; }
    th.region { background: #f3f1ec; color: #14324a; }
    tbody th[scope='row'] { font-weight: 400; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .change { white-space: nowrap; }
    .change.up, .change.down { font-weight: 600; }
  `;

  private command(detail: CompareCommand): void {
    emit(this, 'plan-compare', detail);
  }

  private renderPresets(lang: Lang) {
    return html`
      <p class="hint">${translate(lang, 'compare.intro')}</p>
      <div class="presets">
        ${COMPARE_PRESETS.map((preset) => html`
          <button data-preset=${preset} ?disabled=${preset === 'basis' && !this.landuse}
            @click=${() => this.command({ command: 'start', preset })}>${translate(lang, `compare.preset.${preset}`)}</button>`)}
      </div>
      ${this.landuse ? nothing : html`<p class="hint">${translate(lang, 'compare.preset.basisUnavailable')}</p>`}
      ${this.whatIfCount ? nothing : html`<p class="hint">${translate(lang, 'compare.noWhatIf')}</p>`}
    `;
  }

  private renderSide(lang: Lang, name: CompareSideName) {
    const side = this.compare[name];
    const change = (detail: Partial<CompareSide>) => this.command({ command: 'side', side: name, change: detail });
    const id = (field: string) => `${name}-${field}`;
    return html`
      <fieldset data-side=${name}>
        <legend>${translate(lang, `compare.side.${name}`)}</legend>
        <label for=${id('basis')}>${translate(lang, 'compare.basis')}</label>
        <select id=${id('basis')} data-field="basis" @change=${(event: Event) => change({ basis: (event.target as HTMLSelectElement).value === 'landuse' ? 'landuse' : 'schematic' })}>
          <option value="schematic" ?selected=${side.basis === 'schematic'}>${translate(lang, 'compare.basis.schematic')}</option>
          <option value="landuse" ?selected=${side.basis === 'landuse'} ?disabled=${!this.landuse}>${translate(lang, 'compare.basis.landuse')}</option>
        </select>
        <label for=${id('outlines')}>${translate(lang, 'compare.outlines')}</label>
        <select id=${id('outlines')} data-field="whatIf" @change=${(event: Event) => change({ whatIf: (event.target as HTMLSelectElement).value === 'what-if' })}>
          <option value="plan" ?selected=${!side.whatIf}>${translate(lang, 'compare.outlines.plan')}</option>
          <option value="what-if" ?selected=${side.whatIf}>${translate(lang, 'compare.outlines.whatIf')}</option>
        </select>
        <label for=${id('year')}>${translate(lang, 'compare.year')}</label>
        <select id=${id('year')} data-field="year" @change=${(event: Event) => change({ year: Number((event.target as HTMLSelectElement).value) })}>
          ${COMPARE_YEARS.map((year) => html`<option value=${year} ?selected=${side.year === year}>${year}</option>`)}
        </select>
      </fieldset>
    `;
  }

  private renderLayout(lang: Lang) {
    const layout = this.wide ? this.compare.layout : 'swipe';
    return html`
      <fieldset>
        <legend>${translate(lang, 'compare.layout')}</legend>
        ${(['swipe', 'side-by-side'] as const).map((value) => html`
          <label class="radio"><input type="radio" name="compare-layout" value=${value} .checked=${layout === value}
            ?disabled=${value === 'side-by-side' && !this.wide}
            @change=${() => this.command({ command: 'layout', layout: value })}>${translate(lang, `compare.layout.${value}`)}</label>`)}
        ${this.wide ? nothing : html`<p class="hint">${translate(lang, 'compare.layout.narrow')}</p>`}
      </fieldset>
    `;
  }

  private renderFigures(lang: Lang) {
    const figures = this.figures;
    const { left, right } = this.compare;
    const schematic = left.basis === 'schematic' || right.basis === 'schematic';
    if (figures.status === 'computing') return html`<p role="status" data-testid="compare-computing">${translate(lang, 'compare.computing')}</p>`;
    if (figures.status === 'error') return html`<p class="error" role="alert">${translate(lang, 'compare.error', { detail: figures.detail })}</p>`;
    if (figures.status !== 'ready') return nothing;
    const { deltas } = figures;
    const onlyYears = left.basis === right.basis && left.whatIf === right.whatIf && left.year !== right.year;
    return html`
      <p class="summary" data-testid="compare-left">${sideLabel(lang, 'left', left)}</p>
      <p class="summary" data-testid="compare-right">${sideLabel(lang, 'right', right)}</p>
      ${schematic ? html`<span class="illustrative" data-illustrative>${translate(lang, 'figures.illustrative')}</span>` : nothing}
      ${deltas.unchanged ? html`<p class="unchanged" role="status" data-testid="compare-unchanged">${translate(lang, 'compare.unchanged')}
        ${onlyYears ? html`<span class="hint">${translate(lang, 'compare.unchangedYears')}</span>` : nothing}</p>` : nothing}
      ${deltaTable(lang, deltas)}
      ${deltas.rows.some((row) => [row.verdicts.blueGreen, row.verdicts.construction].some((item) => item.left === 'unknown' || item.right === 'unknown'))
        ? html`<p class="hint" data-testid="compare-undecided">${translate(lang, 'compare.undecided')}</p>` : nothing}
      ${deltas.unchanged ? nothing : html`<p class="hint">${translate(lang, 'compare.otherClusters')}</p>`}
    `;
  }

  override render() {
    const lang = this.language;
    if (!this.compare.active) return this.renderPresets(lang);
    return html`
      ${this.renderLayout(lang)}
      <div class="sides">${this.renderSide(lang, 'left')}${this.renderSide(lang, 'right')}</div>
      <p><button class="secondary" data-testid="compare-stop" @click=${() => this.command({ command: 'stop' })}>${translate(lang, 'compare.stop')}</button></p>
      ${this.renderFigures(lang)}
      <plan-transition-matrix></plan-transition-matrix>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-compare-panel': PlanComparePanel;
  }
}
