import { html, nothing } from 'lit';
import { figuresNote } from '../illustrative-note.ts';
import type { TemplateResult } from 'lit';
import type { Feature } from 'geojson';
import type { PlanState } from '../../../state/plan-state.ts';
import type { RegionFiguresOnRequest } from '../../../state/analysis-state.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Lang } from '../../../i18n/messages.ts';
import { translateValue } from '../../../i18n/translate-value.ts';
import { containingRegions, regionContents } from '../../../core/context/containing-regions.ts';
import type { ContainingRegions, RegionContents } from '../../../core/context/containing-regions.ts';
import type { FiguresResult, TargetCheck } from '../../../core/analysis/index.ts';
import { isDecided } from '../../../core/analysis/target-check.ts';
import { passAttribute, planTargetText, shareText } from '../figure-verdict.ts';
import { formatPercent, formatTargetPercent } from '../../../i18n/format.ts';

/**
 * The inspector's "Where" context: the cluster(s), core(s) and subdistrict that hold the selected
 * feature, as buttons that select them; and for a cluster, core or subdistrict its blue-green and
 * construction shares against the targets and what it contains. Rendered as text only.
 */

/** Detail of `plan-inspector-choose`: a feature to select (the same action as choosing a search result). */
export interface InspectorChoice {
  layer: string;
  id: string;
}

/** Figures of a region the store has no table row for (a core), computed on request (state.regionFigures). */
export type ExtraRegionFigures = RegionFiguresOnRequest;

const REGION_KINDS = new Set(['cluster', 'core', 'subdistrict']);

/** True for the features whose figures and contents the inspector shows. */
export function isRegion(feature: Feature): boolean {
  return REGION_KINDS.has(String(feature.properties?.kind ?? ''));
}

interface Computed {
  data: PlanState['data'];
  at: string;
  where: ContainingRegions;
  contents: RegionContents | undefined;
}
const cache = new WeakMap<Feature, Computed>();

/** The part of the state the context needs. */
export type InspectorContextState = Pick<PlanState, 'lang' | 'study' | 'analysis' | 'data' | 'regionFigures'>;

function compute(feature: Feature, data: PlanState['data'], at: [number, number] | undefined): Computed {
  const cached = cache.get(feature);
  const atKey = at ? at.join(',') : '';
  if (cached && cached.data === data && cached.at === atKey) return cached;
  const computed: Computed = {
    data,
    at: atKey,
    where: containingRegions(feature, data, at),
    contents: isRegion(feature) ? regionContents(feature, data) : undefined,
  };
  cache.set(feature, computed);
  return computed;
}

function nameOf(feature: Feature, lang: Lang): string {
  const properties = feature.properties ?? {};
  return String(properties[`name_${lang}`] ?? properties[`name_${lang === 'zh' ? 'en' : 'zh'}`] ?? properties.id ?? '');
}

/** A region's label: name, nickname in brackets (clusters), "(schematic)" for schematic subdistricts. */
function regionLabel(feature: Feature, lang: Lang): string {
  const properties = feature.properties ?? {};
  const name = nameOf(feature, lang);
  const nickname = properties[`nickname_${lang}`] ?? properties[`nickname_${lang === 'zh' ? 'en' : 'zh'}`];
  if (nickname) return translate(lang, 'where.withNickname', { name, nickname: String(nickname) });
  if (properties.kind === 'subdistrict' && properties.accuracy === 'schematic') return translate(lang, 'where.schematic', { name });
  return name;
}

function figureText(lang: Lang, ratio: number | null, check: TargetCheck): string {
  const target = formatTargetPercent(check.target, lang);
  if (!isDecided(check)) {
    // no verdict where the basis does not decide: the share is a lower bound, the target is the plan's
    return translate(lang, 'where.figureValue', { value: shareText(lang, ratio, check), target: planTargetText(lang, check), verdict: translate(lang, 'verdict.none') });
  }
  return translate(lang, 'where.figureValue', {
    value: formatPercent(ratio, lang),
    target: translate(lang, check.op === '>=' ? 'where.targetMin' : 'where.targetMax', { target }),
    verdict: translate(lang, check.pass ? 'where.pass' : 'where.fail'),
  });
}

/** The figures for a region: the store's table row (clusters, subdistricts) or the app's extra figures (cores). */
function figuresFor(feature: Feature, state: InspectorContextState, extra: ExtraRegionFigures | undefined): FiguresResult | undefined {
  const analysis = state.analysis;
  if (analysis.status !== 'ready') return undefined;
  const id = String(feature.properties?.id ?? feature.id ?? '');
  const rows = feature.properties?.kind === 'subdistrict' ? analysis.subdistricts : analysis.clusters;
  const row = rows.find((item) => item.id === id);
  if (row) return row.result;
  const sameClasses = extra && extra.classes.length === analysis.classes.length && extra.classes.every((item) => analysis.classes.includes(item as never));
  const sameBasis = extra && JSON.stringify(extra.basis) === JSON.stringify(analysis.basis);
  return extra && extra.id === id && sameClasses && sameBasis ? extra.result : undefined;
}

function renderFigures(feature: Feature, state: InspectorContextState, extra: ExtraRegionFigures | undefined): TemplateResult {
  const lang = state.lang;
  const result = figuresFor(feature, state, extra);
  const id = String(feature.properties?.id ?? '');
  const whatIf = feature.properties?.kind === 'cluster' && Boolean((state.study as { whatIf?: Record<string, unknown> }).whatIf?.[id]);
  let body: TemplateResult;
  if (state.analysis.status === 'error' || (result && !result.ok)) {
    body = html`<p class="computing">${translate(lang, 'where.unavailable')}</p>`;
  } else if (!result) {
    body = html`<p class="computing" data-testid="inspector-computing">${translate(lang, 'where.computing')}</p>`;
  } else {
    const { figures } = result;
    body = html`<dl>
        <dt>${translate(lang, 'where.blueGreen')}</dt>
        <dd data-figure="blueGreen" data-pass=${passAttribute(figures.blueGreenTarget)}>${figureText(lang, figures.blueGreenRatio, figures.blueGreenTarget)}${figuresNote(lang, state.analysis.basis)}</dd>
        <dt>${translate(lang, 'where.construction')}</dt>
        <dd data-figure="construction" data-pass=${passAttribute(figures.constructionTarget)}>${figureText(lang, figures.constructionRatio, figures.constructionTarget)}${figuresNote(lang, state.analysis.basis)}</dd>
      </dl>
      ${whatIf ? html`<p class="note">${translate(lang, 'where.whatIf')}</p>` : nothing}`;
  }
  return html`<section class="context figures" data-testid="inspector-figures">
    <h4>${translate(lang, 'where.figures')}</h4>${body}</section>`;
}

function chooseButton(feature: Feature, layer: string, text: string, choose: (choice: InspectorChoice) => void): TemplateResult {
  const id = String(feature.properties?.id ?? feature.id ?? '');
  return html`<button type="button" class="link" data-choose=${id}
    @click=${() => choose({ layer, id })}>${text}</button>`;
}

function renderContents(contents: RegionContents, lang: Lang, choose: (choice: InspectorChoice) => void): TemplateResult {
  const categories = Object.entries(contents.projectsByCategory)
    .map(([category, count]) => translate(lang, 'where.categoryCount', { category: translateValue(lang, 'category', category), count }))
    .join(translate(lang, 'where.listSeparator'));
  const empty = contents.projects.length === 0 && contents.crossings.length === 0;
  return html`<section class="context contents" data-testid="inspector-contents">
    <h4>${translate(lang, 'where.contains')}</h4>
    ${empty ? html`<p class="note">${translate(lang, 'where.nothing')}</p>` : nothing}
    ${contents.projects.length ? html`
      <p data-count="projects">${translate(lang, 'where.projects', { count: contents.projects.length })}${categories ? html` <span class="note">(${categories})</span>` : nothing}</p>
      <ul class="choices">${contents.projects.map((project) => html`<li>${chooseButton(project, 'projects', nameOf(project, lang), choose)}</li>`)}</ul>` : nothing}
    ${contents.crossings.length ? html`
      <p data-count="crossings">${translate(lang, 'where.crossings', { count: contents.crossings.length })}</p>
      <ul class="choices">${contents.crossings.map((crossing) => html`<li>${chooseButton(crossing, 'crossings', nameOf(crossing, lang), choose)}</li>`)}</ul>` : nothing}
  </section>`;
}

/**
 * The "Where" section, and for a region its figures and contents.
 * @param choose - selects another feature (the inspector turns it into `plan-inspector-choose`)
 * @param extra - figures of a core (no row in state.analysis)
 * @param at - where the feature was picked on the map, [lng, lat], if it was
 */
export function renderInspectorContext(
  feature: Feature,
  state: InspectorContextState,
  choose: (choice: InspectorChoice) => void,
  extra?: ExtraRegionFigures,
  at?: [number, number],
): TemplateResult {
  const lang = state.lang;
  const { where, contents } = compute(feature, state.data, at);
  const kind = feature.properties?.kind;
  const rows: TemplateResult[] = [];
  for (const region of [...where.clusters, ...where.cores]) {
    rows.push(html`<li>${chooseButton(region.feature, region.layer, translate(lang, 'where.partOf', { name: regionLabel(region.feature, lang) }), choose)}</li>`);
  }
  // "not in a cluster" only where it is exact: a point, a line's midpoint, or where the user clicked
  // (a large polygon's representative point says little about the parts elsewhere)
  const polygonal = feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon';
  if (where.clusters.length === 0 && where.point && (!polygonal || at) && !isRegion(feature) && kind !== 'boundary' && where.insideBoundary !== false) {
    rows.push(html`<li class="note">${translate(lang, 'where.noCluster')}</li>`);
  }
  for (const region of where.subdistricts) {
    rows.push(html`<li>${chooseButton(region.feature, region.layer, translate(lang, 'where.subdistrict', { name: regionLabel(region.feature, lang) }), choose)}</li>`);
  }
  if (where.insideBoundary !== undefined && kind !== 'boundary') {
    rows.push(html`<li data-inside=${String(where.insideBoundary)}>${translate(lang, where.insideBoundary ? 'where.insideBoundary' : 'where.outsideBoundary')}</li>`);
  }
  return html`
    ${rows.length ? html`<section class="context where" data-testid="inspector-where">
      <h4>${translate(lang, 'where.title')}</h4>
      <ul class="choices">${rows}</ul>
    </section>` : nothing}
    ${isRegion(feature) ? renderFigures(feature, state, extra) : nothing}
    ${contents ? renderContents(contents, lang, choose) : nothing}`;
}
