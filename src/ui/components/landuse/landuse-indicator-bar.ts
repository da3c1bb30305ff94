import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translate, type Lang } from '../../../i18n/messages.ts';
import type { LandUseIndicators } from '../../../core/landuse/landuse-indicators.ts';

/**
 * The indicator bar while a land-use layer is the basis: blue-green and urban-construction shares of the
 * Start-up Area with their targets, pass or fail, the margin in points, the headroom in km², the area the
 * layer does not cover, and the basis named. The app places it over the top of the map (desktop and phone).
 * Each figure carries `data-indicator` (`blue-green` / `construction`) and `data-value` (the share, 0–1); with a
 * study polygon drawn, its figures follow it live (`data-indicator="study"`, `data-blue-green`, `data-construction`).
 */
@customElement('plan-landuse-indicator-bar')
export class PlanLandUseIndicatorBar extends LitElement {
  @property({ attribute: false }) language: Lang = 'zh';
  @property({ attribute: false }) indicators: LandUseIndicators | null = null;
  /** the same figures over the user's study polygon, when there is one */
  @property({ attribute: false }) study: LandUseIndicators | null = null;
  /** the layer's name, shown as the basis */
  @property({ attribute: false }) basis = '';

  static override styles = css`
    :host { display: block; max-width: calc(100% - 1rem); box-sizing: border-box;
      background: rgba(255, 255, 255, 0.96); color: #14324a; border: 1px solid #9aa5b1; border-radius: 6px;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); font-size: 0.8rem; padding: 0.3rem 0.6rem; }
    :host([hidden]) { display: none; }
    .row { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; align-items: baseline; }
    .figure { font-weight: 600; }
    .fail { color: #b91c1c; }
    .pass { color: #1f6f43; }
    .meta { color: #52606d; }
  `;

  override render() {
    const lang = this.language;
    const indicators = this.indicators;
    if (!indicators) return nothing;
    const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);
    const points = (margin: number | null) => (margin === null ? '' : `${margin >= 0 ? '+' : '−'}${Math.abs(margin).toFixed(1)} pt`);
    const km2 = (squareMeters: number) => (Math.abs(squareMeters) / 1e6).toFixed(2);
    const mark = (pass: boolean) => (pass ? '✓' : '✗');
    return html`<div class="row" role="status" aria-live="polite">
      <span class="figure ${indicators.blueGreen.pass ? 'pass' : 'fail'}" data-indicator="blue-green" data-value=${String(indicators.blueGreenShare ?? '')}>
        ${mark(indicators.blueGreen.pass)} ${translate(lang, 'landuse.group.blue-green')} ${percent(indicators.blueGreenShare)} (≥ 70 %, ${points(indicators.blueGreen.marginPoints)})
      </span>
      <span class="meta">${translate(lang, indicators.blueGreenHeadroomSquareMeters >= 0 ? 'landuse.headroom.blueGreen' : 'landuse.shortfall.blueGreen', { km2: km2(indicators.blueGreenHeadroomSquareMeters) })}</span>
      <span class="figure ${indicators.construction.pass ? 'pass' : 'fail'}" data-indicator="construction" data-value=${String(indicators.constructionShare ?? '')}>
        ${mark(indicators.construction.pass)} ${translate(lang, 'landuse.group.urban-construction')} ${percent(indicators.constructionShare)} (≤ 30 %, ${points(indicators.construction.marginPoints)})
      </span>
      <span class="meta">${translate(lang, 'landuse.headroom.construction', { km2: km2(Math.max(0, indicators.constructionHeadroomSquareMeters)) })}</span>
      <span class="meta">${translate(lang, 'landuse.notCovered', { km2: km2(indicators.notCoveredSquareMeters) })}</span>
      <span class="meta">${translate(lang, 'landuse.basis', { name: this.basis })}</span>
      ${this.study ? html`<span class="meta" data-indicator="study" data-blue-green=${String(this.study.blueGreenShare ?? '')} data-construction=${String(this.study.constructionShare ?? '')}>
        ${translate(lang, 'landuse.study', { blueGreen: percent(this.study.blueGreenShare), construction: percent(this.study.constructionShare), km2: km2(this.study.notCoveredSquareMeters) })}</span>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-landuse-indicator-bar': PlanLandUseIndicatorBar;
  }
}
