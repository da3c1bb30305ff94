import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { measurementOf } from '../../../state/measure-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import { formatArea, formatLength } from '../../../i18n/format.ts';
import type { Measurement } from '../../../core/measure/measure-points.ts';
import { emit } from '../../events.ts';

/**
 * The measure tool's panel: distance along a polyline or area of a polygon, geodesic, in m / km and km² / ha / 亩.
 * Every control is a button (keyboard reachable); "add the map centre" places a point without a pointer (pan with
 * the arrow keys). The result is in a polite live region, so a screen reader reads each new figure. It renders the
 * store's measure slice and writes nothing: the app turns its events into actions.
 *
 * @fires plan-measure - detail: the command
 */
@customElement('plan-measure-panel')
export class PlanMeasurePanel extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'measure'>('lang', 'measure'), shallowEqual);

  private get language(): Lang {
    return this.view.value?.lang ?? 'zh';
  }

  private get active(): boolean {
    return this.view.value?.measure.active ?? false;
  }

  private get measurement(): Measurement | null {
    return this.view.value ? measurementOf(this.view.value) : null;
  }

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
          .checked=${(this.view.value?.measure.mode ?? 'distance') === mode} @change=${() => emit(this, 'plan-measure', { command: 'mode', mode })} />${this.t(`measure.mode.${mode}`)}</label>`)}
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
