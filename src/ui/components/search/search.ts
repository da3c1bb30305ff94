import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import { translateValue } from '../../../i18n/translate-value.ts';
import { buildSearchEntries, searchFeatures } from '../../../core/search/search-features.ts';
import type { SearchEntry, SearchHit } from '../../../core/search/search-features.ts';

import { emit } from '../../events.ts';
import type { FeatureChoice } from '../../events.ts';

/** Detail of `plan-search-choose`. */
export type SearchChoice = FeatureChoice;

/**
 * Offline search by Chinese or English name, as an ARIA combobox with a listbox
 * (↓ / ↑ move, Enter chooses, Escape closes then clears).
 *
 * @fires plan-search-choose - detail {@link SearchChoice}, when the user chooses a result
 */
/** The part of the state this element renders. */
type SearchView = Pick<PlanState, 'lang' | 'data'>;

@customElement('plan-search')
export class PlanSearch extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  @state() private query = '';
  @state() private open = false;
  @state() private active = -1;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'data'>('lang', 'data'), shallowEqual);
  private entriesFor: PlanState['data'] | undefined;
  private entries: SearchEntry[] = [];

  /** Moves keyboard focus into the search box (the `/` shortcut). */
  focusInput(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input')?.focus());
  }

  static override styles = css`
    :host { position: relative; display: block; font-size: var(--plan-header-font-size, 0.9rem); min-width: 0; }
    @media (max-width: 700px) {
      :host { flex: 1 1 6rem; }
      input { width: 100%; }
    }
    input {
      font: inherit; width: clamp(8rem, 28vw, 18rem); box-sizing: border-box; padding: 0.3em 0.5em;
      border: var(--plan-border-width, 1px) solid #5b6673; border-radius: 4px; color: #1f2933; background: #fff;
    }
    input:focus-visible { outline: var(--plan-focus-width, 3px) solid #ffb000; outline-offset: 2px; }
    ul {
      position: absolute; right: 0; top: calc(100% + 4px); z-index: 10; margin: 0; padding: 0.25rem 0;
      list-style: none; background: #fff; color: #1f2933; border: 1px solid #8a96a3; border-radius: 4px;
      box-shadow: 0 4px 14px rgba(0, 0, 0, 0.2); width: min(24rem, 92vw); max-height: 60vh; overflow: auto;
    }
    li { padding: 0.35rem 0.6rem; cursor: pointer; }
    li[aria-selected='true'] { background: #14324a; color: #fff; }
    li[aria-selected='true'] .kind { color: #ffffff; }
    .kind { display: block; font-size: 0.78rem; color: #4a5561; }
    li.none { cursor: default; color: #4a5561; }
    .sr-only {
      position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; border: 0;
    }
  `;

  private hits(planState: SearchView): SearchHit[] {
    if (this.entriesFor !== planState.data) {
      this.entriesFor = planState.data;
      this.entries = buildSearchEntries(planState.data);
    }
    return searchFeatures(this.entries, this.query, 8);
  }

  private choose(hit: SearchHit): void {
    this.open = false;
    this.active = -1;
    this.query = this.view.value?.lang === 'en' ? hit.nameEn || hit.nameZh : hit.nameZh || hit.nameEn;
    const detail: SearchChoice = { layer: hit.layer, id: hit.id };
    emit(this, 'plan-search-choose', detail);
  }

  private onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.open = this.query.trim().length > 0;
    this.active = -1;
  }

  private onKeyDown(event: KeyboardEvent, hits: SearchHit[]): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!this.open) this.open = this.query.trim().length > 0;
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + hits.length) % hits.length;
    } else if (event.key === 'Enter') {
      const hit = hits[this.active] ?? (hits.length > 0 ? hits[0] : undefined);
      if (this.open && hit) {
        event.preventDefault();
        this.choose(hit);
      }
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      if (this.open) this.open = false;
      else this.query = '';
      this.active = -1;
    }
  }

  override render() {
    const planState = this.view.value;
    if (!planState) return null;
    const lang = planState.lang;
    const hits = this.open ? this.hits(planState) : [];
    const showList = this.open && this.query.trim().length > 0;
    const activeId = showList && this.active >= 0 && hits[this.active] ? `option-${this.active}` : '';
    return html`
      <label class="sr-only" for="search">${translate(lang, 'search.label')}</label>
      <input id="search" type="search" role="combobox" autocomplete="off" spellcheck="false"
        aria-autocomplete="list" aria-controls="results" aria-expanded=${String(showList)}
        aria-activedescendant=${activeId}
        placeholder=${translate(lang, 'search.placeholder')} .value=${this.query}
        @input=${this.onInput} @keydown=${(event: KeyboardEvent) => this.onKeyDown(event, hits)}
        @blur=${() => { this.open = false; }}>
      <ul id="results" role="listbox" aria-label=${translate(lang, 'search.results')} ?hidden=${!showList}>
        ${hits.map((hit, index) => {
          const [primary, secondary] = lang === 'en' ? [hit.nameEn || hit.nameZh, hit.nameZh] : [hit.nameZh || hit.nameEn, hit.nameEn];
          return html`<li id="option-${index}" role="option" aria-selected=${String(index === this.active)}
            @mousedown=${(event: Event) => event.preventDefault()} @click=${() => this.choose(hit)}>
            ${primary}<span class="kind">${translateValue(lang, 'kind', hit.kind)} · ${secondary}</span>${hit.listed
              ? html`<span class="kind" data-listed-on=${hit.id}>${translate(lang, 'search.listedOn', { name: (lang === 'en' ? hit.listed.onEn : hit.listed.onZh) || hit.listed.onZh || hit.listed.onEn })}</span>`
              : null}</li>`;
        })}
        ${showList && hits.length === 0 ? html`<li class="none" role="option" aria-selected="false" aria-disabled="true">${translate(lang, 'search.none')}</li>` : null}
      </ul>
      <span class="sr-only" role="status">${showList ? translate(lang, hits.length ? 'search.count' : 'search.none', { count: hits.length }) : ''}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-search': PlanSearch;
  }
}
