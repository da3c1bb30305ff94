import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Feature } from 'geojson';
import { storeContext } from '../../../state/store-context.ts';
import type { Store } from '../../../state/store.ts';
import { pick, shallowEqual } from '../../../state/store.ts';
import type { PlanState } from '../../../state/plan-state.ts';
import { StoreController } from '../../controllers/store.controller.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';
import { formatNumber, formatPercent } from '../stats/stats-table.ts';
import { emit } from '../../events.ts';
import { passAttribute } from '../figure-verdict.ts';

/** What a cluster card shows, from structure.geojson, projects.geojson and the analysis. */
export interface ClusterCard {
  id: string;
  key: string;
  nameZh: string;
  nameEn: string;
  nicknameZh: string | null;
  nicknameEn: string | null;
  themeZh: string;
  themeEn: string;
  projects: { id: string; nameZh: string; nameEn: string }[];
  areaKm2: number | null;
  blueGreen: number | null;
  /** the blue-green check: `unknown` where the basis does not decide (the share is then a lower bound) */
  blueGreenPass: 'true' | 'false' | 'unknown';
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const nullableText = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The five cluster cards in file order (pure; exported for tests). */
export function clusterCards(state: Pick<PlanState, 'data' | 'analysis'>): ClusterCard[] {
  const clusters = (state.data.structure?.features ?? []).filter((feature) => feature.properties?.kind === 'cluster');
  // drawn projects and those known only to their subdistrict (the layer's `in_subdistrict` list, no geometry)
  const members = (state.data.projects as { in_subdistrict?: unknown } | undefined)?.in_subdistrict;
  const projects: Record<string, unknown>[] = [
    ...(state.data.projects?.features ?? []).map((project) => ({ ...(project.properties ?? {}), id: project.properties?.id ?? project.id })),
    ...(Array.isArray(members) ? members.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : []),
  ];
  return clusters.map((feature: Feature) => {
    const p = feature.properties ?? {};
    const id = String(p.id ?? feature.id ?? '');
    const row = state.analysis.clusters.find((item) => item.id === id);
    const figures = row?.result.ok ? row.result.figures : null;
    return {
      id,
      key: text(p.cluster_key),
      nameZh: text(p.name_zh),
      nameEn: text(p.name_en),
      nicknameZh: nullableText(p.nickname_zh),
      nicknameEn: nullableText(p.nickname_en),
      themeZh: text(p.theme_zh),
      themeEn: text(p.theme_en),
      projects: projects
        .filter((project) => project.cluster_key === p.cluster_key)
        .map((project) => ({ id: String(project.id ?? ''), nameZh: text(project.name_zh), nameEn: text(project.name_en) })),
      areaKm2: figures ? figures.areaKm2 : null,
      blueGreen: figures ? figures.blueGreenRatio : null,
      blueGreenPass: passAttribute(figures?.blueGreenTarget),
    };
  });
}

/** The id of the selected cluster (selection on layer 'structure' with a cluster id), if any. */
export function selectedClusterId(state: Pick<PlanState, 'selection'>): string | undefined {
  const selection = state.selection;
  return selection.type === 'feature' && selection.layer === 'structure' && selection.id.startsWith('cluster-') ? selection.id : undefined;
}

/**
 * The cluster explorer for the public: five cards with name, nickname, theme, area and blue-green
 * share; choosing one asks the app to fly there and select it (`plan-cluster-choose`); the selected
 * cluster's card (also when picked on the map) opens to show its key projects.
 *
 * @fires plan-cluster-choose - detail: { id } of the chosen cluster
 * @fires plan-cluster-close - when the open card is closed
 * @fires plan-study-command - `{ command: 'edit-cluster', clusterId }` from the card's "Edit outline (what-if)"
 */

@customElement('plan-clusters')
export class PlanClusters extends LitElement {
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: Store<PlanState> | undefined;

  private readonly view = new StoreController(this, () => this.store, pick<PlanState, 'lang' | 'data' | 'analysis' | 'selection'>('lang', 'data', 'analysis', 'selection'), shallowEqual);

  static override styles = css`
    :host { display: block; font-size: 0.88rem; }
    p { margin: 0.3rem 0; }
    ul.cards { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.45rem; }
    li.card { border: 1px solid #d0ccc4; border-radius: 6px; background: #fbfaf7; }
    li.card[data-open] { border-color: #14324a; box-shadow: 0 0 0 1px #14324a; background: #fff; }
    h3 { margin: 0; font-size: 0.92rem; }
    .choose {
      font: inherit; width: 100%; text-align: left; background: none; border: 0; padding: 0.5rem 0.6rem 0.2rem;
      cursor: pointer; color: #14324a; display: flex; flex-direction: column; gap: 0.1rem;
    }
    .choose:hover { background: #f3f1ec; }
    .name { font-weight: 600; }
    .nickname { font-weight: 600; color: #92400e; font-size: 0.85rem; }
    .summary { padding: 0 0.6rem 0.45rem; color: #37414b; }
    .facts { display: flex; gap: 1rem; font-variant-numeric: tabular-nums; font-size: 0.82rem; color: #4a5561; }
    .details { padding: 0 0.6rem 0.6rem; }
    .details h4 { font-size: 0.82rem; margin: 0.4rem 0 0.2rem; }
    .details ul { margin: 0; padding-left: 1.1rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .close, .edit-outline { font: inherit; font-size: 0.8rem; margin-top: 0.4rem; background: #fff; border: 1px solid #14324a; color: #14324a; border-radius: 4px; padding: 0.2rem 0.55rem; cursor: pointer; }
    button:focus-visible { outline: 3px solid #b45309; outline-offset: -3px; }
  `;

  private choose(id: string): void {
    emit(this, 'plan-cluster-choose', { id });
  }

  /** Moves keyboard focus to the card of a cluster (after a map pick, if the caller wants it). */
  focusCard(id: string): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`li.card[data-id="${CSS.escape(id)}"] button.choose`)?.focus();
  }

  /** Scrolls the card of a cluster into view. */
  revealCard(id: string): void {
    this.renderRoot.querySelector(`li.card[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  private renderCard(card: ClusterCard, lang: Lang, open: boolean) {
    const name = lang === 'zh' ? card.nameZh : card.nameEn;
    const nickname = (lang === 'zh' ? card.nicknameZh : card.nicknameEn) ?? (card.key === 'daqiao' ? translate(lang, 'clusters.subCentre') : null);
    const other = lang === 'zh' ? card.nameEn : card.nameZh;
    const detailsId = `cluster-details-${card.key}`;
    return html`
      <li class="card" data-id=${card.id} ?data-open=${open}>
        <h3>
          <button type="button" class="choose" aria-expanded=${String(open)} aria-controls=${detailsId}
            @click=${() => this.choose(card.id)}>
            ${nickname ? html`<span class="nickname">${nickname}</span>` : nothing}
            <span class="name">${name}</span>
          </button>
        </h3>
        <div class="summary">
          <p lang=${lang === 'zh' ? 'en' : 'zh-CN'}>${other}</p>
          <p><strong>${translate(lang, 'clusters.theme')}</strong>${lang === 'zh' ? card.themeZh : card.themeEn}</p>
          <p class="facts">
            <span>${translate(lang, 'clusters.area', { value: formatNumber(card.areaKm2, lang, 1) })}</span>
            <span data-figure="blueGreen" data-value=${card.blueGreen ?? ''} data-pass=${card.blueGreenPass}>${card.blueGreenPass === 'unknown' && card.blueGreen !== null
              ? translate(lang, 'verdict.mapped.blueGreen', { value: formatPercent(card.blueGreen, lang) })
              : translate(lang, 'clusters.ratio', { value: formatPercent(card.blueGreen, lang) })}</span>
          </p>
        </div>
        <div class="details" id=${detailsId} ?hidden=${!open}>
          <h4>${translate(lang, 'clusters.projects')}</h4>
          ${card.projects.length === 0 ? html`<p>${translate(lang, 'clusters.noProjects')}</p>` : html`
            <ul>${card.projects.map((project) => html`<li data-project=${project.id}>${lang === 'zh' ? project.nameZh : project.nameEn}</li>`)}</ul>`}
          <div class="actions">
            <button type="button" class="edit-outline" data-testid="cluster-edit-outline"
              aria-label=${translate(lang, 'whatIf.editOutlineLabel', { name })}
              @click=${() => emit(this, 'plan-study-command', { command: 'edit-cluster', clusterId: card.id })}>
              ${translate(lang, 'whatIf.editOutline')}
            </button>
            <button type="button" class="close" @click=${() => emit(this, 'plan-cluster-close', null)}>
              ${translate(lang, 'clusters.close')}
            </button>
          </div>
        </div>
      </li>`;
  }

  override render() {
    const state = this.view.value;
    if (!state) return nothing;
    const lang = state.lang;
    const cards = clusterCards(state);
    const openId = selectedClusterId(state);
    return html`
      <p>${translate(lang, 'clusters.intro')}</p>
      <ul class="cards" aria-label=${translate(lang, 'clusters.list')}>
        ${cards.map((card) => this.renderCard(card, lang, card.id === openId))}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-clusters': PlanClusters;
  }
}
