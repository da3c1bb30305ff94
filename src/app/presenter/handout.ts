/**
 * The printed handout: one A4 page per slide (its map, caption and notes) and one atlas page per cluster (its map,
 * its blue-green and construction shares against the targets, its key projects), each with the statutory marks of
 * the exports. Built as a print-only block (`#plan-handout`, see PRESENTER_CSS) and printed with the browser's
 * print dialog (print to PDF).
 */
import type { Feature } from 'geojson';
import type { Lang, MessageKey } from '../../i18n/messages.ts';
import { translate } from '../../i18n/messages.ts';
import { formatPercent } from '../../i18n/format.ts';
import { featureName } from '../../i18n/feature-name.ts';
import { DEFAULT_TARGETS } from '../../core/analysis/target-check.ts';
import type { LandUseStructure } from '../../core/landuse/structure-table.ts';
import type { LandUseCoverage } from '../../core/analysis/types.ts';
import { formatNumber } from '../../i18n/format.ts';

export interface HandoutSlidePage {
  kind: 'slide';
  title: string;
  image: string;
  caption: string;
  notes: string;
  source: string;
}

export interface HandoutClusterPage {
  kind: 'cluster';
  title: string;
  theme: string;
  image: string;
  /**
   * shares 0..1 or null, with pass / fail against the targets, or `'unknown'` where the basis does not decide
   * (then the share is a lower bound and `reason` says why)
   */
  figures: { blueGreen: number | null; blueGreenPass: boolean | 'unknown'; construction: number | null; constructionPass: boolean | 'unknown'; reason: string } | null;
  projects: Feature[];
  /** on a land-use basis: the cluster's land-use structure (first-level classes and the development intensity) */
  structure?: LandUseStructure;
  /** on a land-use basis with control lines loaded: the cluster's conflict figures, m² (null: that line not loaded) */
  conflicts?: LandUseCoverage['conflicts'];
}

export type HandoutPage = HandoutSlidePage | HandoutClusterPage;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function mapImage(source: string, alt: string): HTMLImageElement {
  const image = element('img', 'handout-map');
  image.alt = alt;
  if (source) image.src = source;
  return image;
}

/** The control-line conflicts of a cluster page: urban construction land inside / outside each line, km². */
function conflictsBlock(conflicts: NonNullable<LandUseCoverage['conflicts']>, lang: Lang): HTMLElement[] {
  const list = element('dl', 'handout-conflicts');
  const lines = { 'ecological-red-line': 'ecological-red-line', 'permanent-farmland': 'permanent-farmland', 'outside-development-boundary': 'development-boundary' } as const;
  for (const [kind, value] of Object.entries(conflicts) as [keyof typeof lines, number | null][]) {
    const figure = element('dd', '', value === null
      ? translate(lang, 'controlLines.conflict.unknown', { line: translate(lang, `controlLines.role.${lines[kind]}`) })
      : `${formatNumber(value / 1e6, lang, 3)} km²`);
    Object.assign(figure.dataset, { conflict: kind, value: value === null ? '' : String(value) });
    list.append(element('dt', '', translate(lang, `controlLines.conflict.${kind}`)), figure);
  }
  return [element('h2', '', translate(lang, 'controlLines.conflicts.title')), list];
}

/** The land-use structure of a cluster page: first-level classes with km² and share, and the development intensity. */
function structureBlock(structure: LandUseStructure, lang: Lang): HTMLElement[] {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const table = element('table', 'handout-structure');
  const head = element('tr', '');
  for (const key of ['handout.structure.code', 'handout.structure.class', 'handout.structure.area', 'handout.structure.share'] as const) head.append(element('th', '', t(key)));
  table.append(head);
  const row = (code: string, name: string, squareMeters: number, share: number | null, data: Record<string, string>) => {
    const line = element('tr', '');
    Object.assign(line.dataset, data, { areaM2: String(squareMeters) });
    line.append(element('td', '', code), element('td', '', name), element('td', '', formatNumber(squareMeters / 1e6, lang, 3)), element('td', '', formatPercent(share, lang)));
    table.append(line);
  };
  for (const level of structure.firstLevel) row(level.code, lang === 'zh' ? level.nameZh : level.nameEn, level.areaSquareMeters, level.share, { firstLevel: level.code });
  for (const group of structure.groups) {
    if (group.group === 'unclassified' && group.areaSquareMeters > 0) row('', t('handout.structure.unrecognised'), group.areaSquareMeters, group.share, { group: group.group });
    if (group.group === 'not-covered' && group.areaSquareMeters > 0) row('', t('handout.structure.notCovered'), group.areaSquareMeters, group.share, { group: group.group });
  }
  const intensity = structure.developmentIntensity;
  const note = element('p', 'handout-intensity', intensity.decided
    ? t('handout.structure.intensity', { value: formatPercent(intensity.value, lang) })
    : t('handout.structure.intensityRange', { low: formatPercent(intensity.value, lang), high: formatPercent(intensity.upperBound, lang) }));
  note.dataset.indicator = 'development-intensity';
  note.dataset.value = intensity.value === null ? '' : String(intensity.value);
  return [element('h2', '', t('handout.structure')), table, note];
}

/** Builds the handout block (replacing an earlier one). `marks` is the footer line of every page. */
export function buildHandout(pages: readonly HandoutPage[], lang: Lang, heading: string, marks: string): HTMLElement {
  document.getElementById('plan-handout')?.remove();
  const root = element('section', '');
  root.id = 'plan-handout';
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, params);
  pages.forEach((page, index) => {
    const sheet = element('article', `handout-page handout-${page.kind}`);
    sheet.dataset.page = String(index + 1);
    sheet.append(element('p', 'handout-heading', heading), element('h1', '', page.title), mapImage(page.image, page.title));
    if (page.kind === 'slide') {
      sheet.append(element('p', 'handout-caption', page.caption));
      if (page.source) sheet.append(element('p', 'handout-source', page.source));
      sheet.append(element('h2', '', t('present.notes')), element('p', 'handout-notes', page.notes || t('present.noNotes')));
    } else {
      if (page.theme) sheet.append(element('p', 'handout-caption', page.theme));
      const figures = element('dl', 'handout-figures');
      const share = (value: number | null) => formatPercent(value, lang);
      const target = (ratio: number) => formatPercent(ratio, lang).replace(/\.0%$/, '%');
      if (page.figures) {
        const { reason } = page.figures;
        // a figure without a verdict: the mapped share as a lower bound, the plan's target, and why
        const line = (value: number | null, pass: boolean | 'unknown', mappedKey: MessageKey, targetKey: MessageKey, planKey: MessageKey, goal: number) => {
          const item = element('dd', '', pass === 'unknown'
            ? `${t(mappedKey, { value: share(value) })} · ${t(planKey, { target: target(goal) })} · ${t('verdict.noneReason', { reason })}`
            : `${share(value)} · ${t(targetKey, { target: target(goal) })} · ${t(pass ? 'stats.pass' : 'stats.fail')}`);
          item.dataset.pass = String(pass);
          return item;
        };
        figures.append(
          element('dt', '', t('handout.blueGreen')),
          line(page.figures.blueGreen, page.figures.blueGreenPass, 'verdict.mapped.blueGreen', 'handout.targetMin', 'verdict.planTarget.min', DEFAULT_TARGETS.blueGreen.target),
          element('dt', '', t('handout.construction')),
          line(page.figures.construction, page.figures.constructionPass, 'verdict.mapped.construction', 'handout.targetMax', 'verdict.planTarget.max', DEFAULT_TARGETS.construction.target),
        );
      } else figures.append(element('dd', '', t('handout.noFigures')));
      sheet.append(figures, element('p', 'handout-note', t('figures.illustrative')));
      if (page.structure) sheet.append(...structureBlock(page.structure, lang));
      if (page.conflicts) sheet.append(...conflictsBlock(page.conflicts, lang));
      sheet.append(element('h2', '', t('handout.projects', { count: page.projects.length })));
      const list = element('ul', 'handout-projects');
      for (const project of page.projects) list.append(element('li', '', featureName(project, lang, String(project.properties?.['id'] ?? ''))));
      sheet.append(list);
    }
    sheet.append(element('p', 'handout-marks', marks));
    root.append(sheet);
  });
  document.body.append(root);
  return root;
}
