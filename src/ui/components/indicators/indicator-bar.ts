import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';
import { formatNumber, formatPercent, formatTargetPercent } from '../../../i18n/format.ts';
import { headroom } from '../../../core/analysis/headroom.ts';
import type { RegionFigures, TargetCheck } from '../../../core/analysis/types.ts';
import { isDecided } from '../../../core/analysis/target-check.ts';
import type { Basis } from '../../../state/basis.ts';
import { loadLandUseButton, planTargetText, shareText, undecidedReason, VERDICT_CSS } from '../figure-verdict.ts';

/**
 * The plan's two hard targets, always in view over the map (desktop and phone, every mode): blue-green share
 * (≥ 70 %) and urban construction share (≤ 30 %) of the whole Start-up Area and the basis they come from. Where
 * the basis decides a target (a land-use layer that classifies enough of the area): pass or fail, the margin in
 * points and the headroom in km². Where it does not (always on the schematic layers): the mapped share as a
 * lower bound beside the plan's target, why there is no verdict, and a button to the land-use layer. With a
 * study polygon drawn, its two shares follow it live. Reads the figures the analysis put in the store.
 *
 * For tests and scripts each figure carries `data-indicator` (`blue-green` / `construction`) and `data-value`
 * (the share, 0..1, empty while computing) and `data-pass` (`true` / `false` / `unknown`; headroom, in
 * `data-headroom`, only where decided); the study's carries `data-indicator="study"`, `data-blue-green` and
 * `data-construction`; the bar carries `data-basis` (`schematic` / `landuse`).
 */
@customElement('plan-indicator-bar')
export class PlanIndicatorBar extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly analysis = new StoreController(this, () => this.store, (s: PlanState) => s.analysis);
  private readonly language = new StoreController(this, () => this.store, (s: PlanState) => s.lang);
  private readonly study = new StoreController(this, () => this.store, (s: PlanState) => (s.study.polygon ? s.study.study.figures : null));

  static override styles = css`
    ${unsafeCSS(VERDICT_CSS)}
    :host { display: block; box-sizing: border-box; max-width: min(100%, 64rem); pointer-events: auto;
      background: rgba(255, 255, 255, 0.97); color: #102a3d; border: 1px solid #7b8794; border-radius: 6px;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); font-size: var(--plan-indicator-font-size, 0.8rem); line-height: 1.3;
      padding: 0.25rem 0.55rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0.1rem 0.9rem; align-items: baseline; margin: 0; }
    .figure { font-weight: 600; font-variant-numeric: tabular-nums; }
    .short { display: none; }
    .pass { color: #14532d; }
    .fail { color: #991b1b; }
    .meta { color: #3e4c59; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .basis { color: #6b4e16; font-style: italic; }
    .basis.landuse { color: #14324a; font-style: normal; }
    @media (max-width: 640px) {
      :host { font-size: var(--plan-indicator-font-size, 0.72rem); padding: 0.2rem 0.4rem; }
      .row { gap: 0 0.6rem; }
      .optional, .long { display: none; }
      .short { display: inline; }
    }
  `;

  private renderFigure(lang: Lang, kind: 'blue-green' | 'construction', figures: RegionFigures | undefined): TemplateResult {
    const blueGreen = kind === 'blue-green';
    const ratio = figures ? (blueGreen ? figures.blueGreenRatio : figures.constructionRatio) : null;
    const check: TargetCheck | undefined = figures ? (blueGreen ? figures.blueGreenTarget : figures.constructionTarget) : undefined;
    const label = translate(lang, blueGreen ? 'indicators.blueGreen' : 'indicators.construction');
    const target = translate(lang, blueGreen ? 'indicators.targetMin' : 'indicators.targetMax', { target: formatTargetPercent(blueGreen ? 0.7 : 0.3, lang) });
    if (!figures || !check) {
      return html`<span class="figure" data-indicator=${kind} data-value="">${label} ${translate(lang, 'indicators.computing')} <span class="meta">(${target})</span></span>`;
    }
    const value = ratio === null ? '' : String(ratio);
    if (!isDecided(check)) {
      // No verdict: what is mapped, as a lower bound, and the plan's target as the plan's target.
      const share = formatPercent(ratio, lang);
      return html`<span class="figure undecided" data-indicator=${kind} data-value=${value} data-pass="unknown">
        <span class="long">${translate(lang, blueGreen ? 'verdict.mapped.blueGreen' : 'verdict.mapped.construction', { value: share })}</span><span class="short">${translate(lang, blueGreen ? 'verdict.mappedShort.blueGreen' : 'verdict.mappedShort.construction', { value: share })}</span>
        <span class="meta">(${planTargetText(lang, check)})</span>
        <span class="visually-hidden">${translate(lang, 'verdict.none')}</span>
      </span>`;
    }
    const points = check.marginPoints === null ? '' : translate(lang, check.pass ? 'indicators.marginPass' : 'indicators.marginFail', { points: formatNumber(Math.abs(check.marginPoints), lang, 1) });
    const room = headroom(figures);
    const km2 = (blueGreen ? room.blueGreenKm2 : room.constructionKm2) ?? 0;
    const headroomKey = blueGreen ? (km2 >= 0 ? 'indicators.headroom.blueGreen' : 'indicators.shortfall.blueGreen') : (km2 >= 0 ? 'indicators.headroom.construction' : 'indicators.over.construction');
    const targetText = formatTargetPercent(check.target, lang);
    return html`<span class="figure ${check.pass ? 'pass' : 'fail'}" data-indicator=${kind} data-value=${value} data-pass=${String(check.pass)}>
        <span aria-hidden="true">${check.pass ? '✓' : '✗'}</span> ${label} ${formatPercent(ratio, lang)}
        <span class="meta">(${translate(lang, check.op === '>=' ? 'indicators.targetMin' : 'indicators.targetMax', { target: targetText })}${points ? `, ${points}` : ''})</span>
        <span class="visually-hidden">${translate(lang, check.pass ? 'indicators.pass' : 'indicators.fail')}</span>
      </span>
      <span class="meta" data-headroom=${kind} data-value=${String(km2)}><span class="long">${translate(lang, headroomKey, { km2: formatNumber(Math.abs(km2), lang, 1), target: targetText })}</span><span class="short">${translate(lang, `${headroomKey}Short` as const, { km2: formatNumber(Math.abs(km2), lang, 1) })}</span></span>`;
  }

  /** Why the figures have no verdict, and on the schematic layers the step that gives one. */
  private renderUndecided(lang: Lang, whole: RegionFigures | undefined, basis: Basis) {
    if (!whole || (isDecided(whole.blueGreenTarget) && isDecided(whole.constructionTarget))) return nothing;
    if (basis.kind === 'landuse') {
      return html`<span class="meta undecided" data-undecided><span class="long">${translate(lang, 'verdict.noneReason', { reason: undecidedReason(lang, basis, whole) })}</span><span class="short">${translate(lang, 'verdict.none')}</span></span>`;
    }
    return html`<span class="meta undecided" data-undecided><span class="long">${translate(lang, 'verdict.unmapped')}</span><span class="short">${translate(lang, 'verdict.unmappedShort')}</span></span>
      ${loadLandUseButton(lang, this, true)}`;
  }

  override render() {
    const lang = this.language.value ?? 'zh';
    const analysis = this.analysis.value;
    const whole = analysis?.status === 'ready' ? analysis.whole : undefined;
    const basis = analysis?.basis ?? { kind: 'schematic' as const };
    const study = this.study.value;
    this.dataset.basis = basis.kind;
    return html`<p class="row" role="group" aria-label=${translate(lang, 'indicators.label')} aria-busy=${String(!whole)}>
      ${this.renderFigure(lang, 'blue-green', whole)}
      ${this.renderFigure(lang, 'construction', whole)}
      ${this.renderUndecided(lang, whole, basis)}
      ${basis.kind === 'landuse'
        ? html`<span class="basis landuse">${translate(lang, 'indicators.basisLandUse', { name: basis.name })}${whole?.landUse
          ? html`<span class="optional"> · ${translate(lang, 'indicators.notCovered', { km2: formatNumber(whole.landUse.notCoveredKm2, lang, 1) })}</span>` : nothing}</span>`
        : html`<span class="basis" data-illustrative>${translate(lang, 'indicators.basisSchematic')}</span>`}
      ${study ? html`<span class="meta" data-indicator="study" data-blue-green=${String(study.blueGreenRatio ?? '')} data-construction=${String(study.constructionRatio ?? '')}>
        ${translate(lang, 'indicators.study', { blueGreen: shareText(lang, study.blueGreenRatio, study.blueGreenTarget), construction: shareText(lang, study.constructionRatio, study.constructionTarget) })}</span>` : nothing}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-indicator-bar': PlanIndicatorBar;
  }
}
