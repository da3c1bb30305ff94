import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import { formatArea, formatLength } from '../../../i18n/format.ts';
import type { Measurement, MeasureMode } from '../../../core/measure/measure-points.ts';
import { emit } from '../../events.ts';

/**
 * The measure tool's panel: distance along a polyline or area of a polygon, geodesic, in m / km and km² / ha / 亩.
 * Every control is a button (keyboard reachable); "add the map centre" places a point without a pointer (pan with
 * the arrow keys). The result is in a polite live region, so a screen reader reads each new figure.
 *
 * @fires plan-measure - detail: the command
 */
@customElement('plan-measure-panel')
export class PlanMeasurePanel extends LitElement {
  @property({ attribute: false }) language: Lang = 'zh';
  @property({ type: Boolean }) active = false;
  @property({ attribute: false }) mode: MeasureMode = 'distance';
  @property({ attribute: false }) measurement: Measurement | null = null;

  static override styles = css`
    :host { display: block; font-size: 0.88rem; }
    .modes { display: flex; gap: 0.8rem; margin: 0.2rem 0 0.4rem; }
    .modes label { display: flex; gap: 0.3rem; align-items: center; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.35rem; }
    button { font: inherit; font-size: 0.82rem; border: 1px solid #14324a; background: #fff; color: #14324a; border-radius: 4px;
      padding: 0.2rem 0.55rem; cursor: pointer; min-height: 1.9rem; }
    button.primary { background: #14324a; color: #fff; }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible, input:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .result { margin: 0.5rem 0 0.2rem; font-variant-numeric: tabular-nums; }
    .result strong { font-size: 1rem; }
    .hint { color: #4a5561; font-size: 0.78rem; margin: 0.3rem 0 0; }
  `;

  private t(key: string, params: Record<string, string | number> = {}): string {
    return translate(this.language, key as MessageKey, params);
  }

  private resultText(): string {
    const result = this.measurement;
    const lang = this.language;
    if (!result || result.points < 2) return this.t('measure.empty');
    if (result.mode === 'area') {
      if (result.squareMeters === null) return this.t('measure.needThree');
      return this.t('measure.areaValue', {
        km2: formatArea(result.squareMeters, 'km2', lang), ha: formatArea(result.squareMeters, 'ha', lang),
        mu: formatArea(result.squareMeters, 'mu', lang), perimeter: formatLength(result.meters, lang),
      });
    }
    return this.t('measure.distanceValue', { length: formatLength(result.meters, lang), points: result.points });
  }

  override render() {
    const points = this.measurement?.points ?? 0;
    return html`
      <div class="modes" role="radiogroup" aria-label=${this.t('measure.mode')}>
        ${(['distance', 'area'] as const).map((mode) => html`<label><input type="radio" name="measure-mode" value=${mode} data-mode=${mode}
          .checked=${this.mode === mode} @change=${() => emit(this, 'plan-measure', { command: 'mode', mode })} />${this.t(`measure.mode.${mode}`)}</label>`)}
      </div>
      <div class="buttons">
        <button type="button" class=${this.active ? '' : 'primary'} data-command="toggle" aria-pressed=${String(this.active)}
          @click=${() => emit(this, 'plan-measure', { command: this.active ? 'stop' : 'start' })}>${this.t(this.active ? 'measure.stop' : 'measure.start')}</button>
        <button type="button" data-command="add-centre" ?disabled=${!this.active} @click=${() => emit(this, 'plan-measure', { command: 'add-centre' })}>${this.t('measure.addCentre')}</button>
        <button type="button" data-command="undo" ?disabled=${points === 0} @click=${() => emit(this, 'plan-measure', { command: 'undo' })}>${this.t('measure.undo')}</button>
        <button type="button" data-command="clear" ?disabled=${points === 0} @click=${() => emit(this, 'plan-measure', { command: 'clear' })}>${this.t('measure.clear')}</button>
      </div>
      <p class="result" role="status" aria-live="polite" data-testid="measure-result"
        data-meters=${this.measurement ? String(this.measurement.meters) : ''}
        data-square-meters=${this.measurement?.squareMeters ?? ''}><strong>${this.resultText()}</strong></p>
      ${this.active ? html`<p class="hint">${this.t('measure.hint')}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-measure-panel': PlanMeasurePanel;
  }
}
