import { LitElement, css, html, unsafeCSS } from 'lit';
import { ILLUSTRATIVE_CSS } from '../illustrative-note.ts';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Feature } from 'geojson';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { selectedFeature } from '../../../state/selected-feature.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import { translateValue } from '../../../i18n/translate-value.ts';
import { areaSquareMeters } from '../../../core/analysis/area-square-meters.ts';
import { toKm2, toMu } from '../../../core/analysis/units.ts';
import { emit } from '../../events.ts';
import { featureName } from '../../../i18n/feature-name.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { documentTitle } from '../../../data/documents.ts';
import { formatLength } from '../../../i18n/format.ts';

import type { InspectorChoice } from './inspector-context.ts';
import type * as InspectorContext from './inspector-context.ts';

/**
 * The "Where" / "Contains" part (./inspector-context.ts: the containing-regions search and its figures) loads on
 * the first selection, not with the first view; the inspector draws it once loaded.
 */
type ContextModule = typeof InspectorContext;
let contextModule: ContextModule | undefined;
let contextLoading: Promise<ContextModule> | undefined;
function loadContext(): Promise<ContextModule> {
  contextLoading ??= import('./inspector-context.ts').then((module) => (contextModule = module));
  return contextLoading;
}

/**
 * Details of the selected feature: names, kind, key facts, area, source and accuracy. Every value is
 * rendered through Lit text bindings, never as HTML. Escape (inside) closes it.
 *
 * @fires plan-inspector-close - when the user closes it (button or Escape); the app clears the selection
 * @fires plan-inspector-choose - detail {@link InspectorChoice}: a containing region or contained feature was chosen
 * @fires plan-study-command - `{ command: 'edit-cluster', clusterId }` from a cluster's "Edit outline (what-if)"
 */
/** The part of the state this element renders. */
type InspectorView = Pick<PlanState, 'lang' | 'selection' | 'data' | 'study' | 'analysis' | 'regionFigures'>;

@customElement('plan-inspector')
export class PlanInspector extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;


  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'selection' | 'data' | 'study' | 'analysis' | 'regionFigures'>('lang', 'selection', 'data', 'study', 'analysis', 'regionFigures'), shallowEqual);

  static override styles = css`
    :host { display: block; font-size: 0.88rem; }
    .head { display: flex; align-items: flex-start; gap: 0.5rem; }
    h3 { margin: 0.2rem 0 0; font-size: 1rem; flex: 1; outline: none; }
    h3:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    .other { margin: 0.1rem 0 0.4rem; color: #4a5561; }
    button {
      font: inherit; background: #fff; color: #14324a; border: 1px solid #8a96a3; border-radius: 4px;
      padding: 0.15rem 0.5rem; cursor: pointer;
    }
    button:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0.4rem 0 0; }
    dt { color: #4a5561; }
    dd { margin: 0; overflow-wrap: anywhere; }
    p.empty { color: #4a5561; margin: 0.3rem 0; }
    button.edit-outline { margin-top: 0.5rem; }
    .sources { margin: 0; padding-left: 1rem; }
    section.context { margin-top: 0.6rem; border-top: 1px solid #d5dbe1; padding-top: 0.3rem; }
    h4 { margin: 0.2rem 0; font-size: 0.9rem; }
    ul.choices { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.2rem; align-items: flex-start; }
    button.link { text-align: start; overflow-wrap: anywhere; }
    .note, p.computing { color: #4a5561; margin: 0.2rem 0; }
    section.context p { margin: 0.2rem 0; }
    ${unsafeCSS(ILLUSTRATIVE_CSS)}
  `;

  /** Moves keyboard focus to the feature's name (after choosing it in search, or a keyboard pick on the map). */
  focusHeading(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h3')?.focus(options));
  }

  private editOutline(clusterId: string): void {
    emit(this, 'plan-study-command', { command: 'edit-cluster', clusterId });
  }

  private pickedAtFor(state: InspectorView): [number, number] | undefined {
    return state.selection.type === 'feature' ? state.selection.at : undefined;
  }

  private choose(choice: InspectorChoice): void {
    emit(this, 'plan-inspector-choose', choice);
  }

  private close(): void {
    emit(this, 'plan-inspector-close', null);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
    }
  }

  private facts(feature: Feature, lang: Lang): [MessageKey, string][] {
    const properties = feature.properties ?? {};
    const localized = (base: string) => properties[`${base}_${lang}`] ?? properties[`${base}_${lang === 'zh' ? 'en' : 'zh'}`];
    const rows: [MessageKey, unknown, string?][] = [
      ['inspector.kind', properties.kind, 'kind'],
      ['inspector.category', properties.category, 'category'],
      ['inspector.class', properties.class, 'class'],
      ['inspector.status', properties.status, 'status'],
      ['inspector.yearStart', properties.year_start],
      ['inspector.yearOpen', properties.year_open],
      ['inspector.phase', properties.phase],
      ['inspector.structure', properties.structure, 'structure'],
      ['inspector.mode', properties.mode, 'mode'],
      ['inspector.theme', localized('theme')],
      ['inspector.nickname', localized('nickname')],
      ['inspector.district', localized('district')],
      ['inspector.description', localized('desc')],
    ];
    const facts: [MessageKey, string][] = [];
    for (const [key, value, prefix] of rows) {
      if (value === undefined || value === null || value === '') continue;
      facts.push([key, prefix ? translateValue(lang, prefix, value) : String(value)]);
    }
    const type = feature.geometry?.type;
    if (type === 'Polygon' || type === 'MultiPolygon') {
      const squareMeters = areaSquareMeters(feature);
      const km2 = toKm2(squareMeters);
      facts.push(['inspector.area', translate(lang, 'inspector.areaValue', { km2: formatNumber(km2, lang, km2 < 10 ? 2 : 1), mu: formatNumber(toMu(squareMeters), lang, 0) })]);
    }
    if (properties.accuracy) facts.push(['inspector.accuracy', translateValue(lang, 'accuracy', properties.accuracy)]);
    const positionSource = lang === 'zh' ? properties.position_source_zh ?? properties.position_source : properties.position_source;
    if (positionSource) facts.push(['inspector.positionSource', String(positionSource)]);
    if (typeof properties.position_accuracy_m === 'number') {
      facts.push(['inspector.positionAccuracy', translate(lang, 'inspector.accuracyValue', { distance: formatLength(properties.position_accuracy_m, lang) })]);
    }
    if (properties.position_kind === 'indicative') facts.push(['inspector.positionAccuracy', translate(lang, 'inspector.positionIndicative')]);
    if (properties.status_date) facts.push(['inspector.statusDate', String(properties.status_date)]);
    return facts;
  }

  /** A subdistrict's projects whose site is known only to the subdistrict (no point on the map): counted and listed. */
  private projectsIn(properties: Record<string, unknown>, lang: Lang) {
    const list = properties.kind === 'subdistrict' && Array.isArray(properties.projects_in) ? properties.projects_in as Record<string, unknown>[] : [];
    if (list.length === 0) return null;
    return html`<section class="context" data-testid="inspector-projects-in" data-count=${list.length}>
      <h4>${translate(lang, 'inspector.projectsIn', { count: list.length })}</h4>
      <p class="note">${translate(lang, 'inspector.projectsInNote')}</p>
      <ul class="sources">${list.map((item) => html`<li data-id=${String(item.id ?? '')}>${translate(lang, 'inspector.projectsInItem', {
        name: String(item[`name_${lang}`] ?? item.name_zh ?? item.id ?? ''),
        status: translateValue(lang, 'status', item.status),
        date: String(item.status_date ?? ''),
      })}</li>`)}</ul>
    </section>`;
  }

  override render() {
    const state = this.view.value;
    if (!state) return null;
    const lang = state.lang;
    const feature = selectedFeature(state);
    if (!feature) return html`<p class="empty">${translate(lang, 'inspector.empty')}</p>`;
    const properties = feature.properties ?? {};
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const name = featureName(feature, lang, String(properties.id ?? ''));
    const otherName = properties[`name_${other}`];
    const sources = [properties.source, properties.refs].flatMap((list) => String(list ?? '').split(';'))
      .map((item) => item.trim()).filter(Boolean).map((item) => documentTitle(item, lang));
    return html`
      <div @keydown=${this.onKeyDown} data-feature=${String(properties.id ?? '')}>
        <div class="head">
          <h3 tabindex="-1">${name}</h3>
          <button @click=${this.close} aria-label=${translate(lang, 'inspector.close')}>✕</button>
        </div>
        ${otherName && otherName !== name ? html`<p class="other" lang=${other === 'zh' ? 'zh-CN' : 'en'}>${String(otherName)}</p>` : null}
        <dl>
          ${this.facts(feature, lang).map(([key, value]) => html`<dt>${translate(lang, key)}</dt><dd>${value}</dd>`)}
          ${sources.length ? html`<dt>${translate(lang, 'inspector.source')}</dt>
            <dd><ul class="sources">${sources.map((source) => html`<li>${source}</li>`)}</ul></dd>` : null}
        </dl>
        ${this.projectsIn(properties, lang)}
        ${properties.kind === 'cluster' && properties.id ? html`<button type="button" class="edit-outline" data-testid="inspector-edit-outline"
          aria-label=${translate(lang, 'whatIf.editOutlineLabel', { name })}
          @click=${() => this.editOutline(String(properties.id))}>${translate(lang, 'whatIf.editOutline')}</button>` : null}
        ${this.context(feature, state)}
      </div>`;
  }

  /** Where the feature lies and what it contains, once that part has loaded (it asks for a render then). */
  private context(feature: Feature, state: InspectorView) {
    if (!contextModule) {
      void loadContext().then(() => this.requestUpdate(), () => undefined);
      return null;
    }
    return contextModule.renderInspectorContext(feature, state, (choice) => this.choose(choice), state.regionFigures ?? undefined, this.pickedAtFor(state));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-inspector': PlanInspector;
  }
}
