import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import { formatArea, formatPercent, formatSigned, formatTargetPercent } from '../../../i18n/format.ts';
import { km2ToSquareMeters } from '../../../core/analysis/units.ts';
import { DEFAULT_TARGETS } from '../../../core/analysis/target-check.ts';
import type { CompareDeltas, DeltaValue, DeltaVerdicts, RegionDelta } from '../../../state/compare-deltas.ts';

type Indicator = 'blueGreen' | 'construction' | 'constructionHeadroomKm2' | 'blueGreenHeadroomKm2';

const ROWS: readonly { indicator: Indicator; labelKey: MessageKey; share: boolean }[] = [
  { indicator: 'blueGreen', labelKey: 'compare.row.blueGreen', share: true },
  { indicator: 'construction', labelKey: 'compare.row.construction', share: true },
  { indicator: 'constructionHeadroomKm2', labelKey: 'compare.row.constructionHeadroom', share: false },
  { indicator: 'blueGreenHeadroomKm2', labelKey: 'compare.row.blueGreenHeadroom', share: false },
];

/** Which target each row belongs to. */
const VERDICT_OF: Record<Indicator, 'blueGreen' | 'construction'> = {
  blueGreen: 'blueGreen', blueGreenHeadroomKm2: 'blueGreen', construction: 'construction', constructionHeadroomKm2: 'construction',
};

function regionName(lang: Lang, row: RegionDelta): string {
  if (row.id === 'whole') return translate(lang, 'compare.whole');
  return (lang === 'zh' ? row.nameZh ?? row.nameEn : row.nameEn ?? row.nameZh) ?? row.id;
}

function rowLabel(lang: Lang, key: MessageKey): string {
  return translate(lang, key, {
    target: formatTargetPercent(key === 'compare.row.constructionHeadroom' ? DEFAULT_TARGETS.construction.target : DEFAULT_TARGETS.blueGreen.target, lang),
  });
}

/** "left → right" and the change: shares as percentages and points, headroom in km². */
function cells(lang: Lang, value: DeltaValue, share: boolean, verdicts?: DeltaVerdicts): { values: string; change: string } {
  const none = translate(lang, 'compare.noValue');
  // a share without a verdict is a lower bound of what its side maps: "≥ 12.9%"
  const bound = (text: string, number: number | null, pass: string | undefined) => (number !== null && pass === 'unknown' ? translate(lang, 'verdict.lowerBound', { value: text }) : text);
  const show = (number: number | null, pass?: string) => (share ? bound(formatPercent(number, lang, none), number, pass) : formatArea(number === null ? null : km2ToSquareMeters(number), 'km2', lang, 2, none));
  const change = value.change === null ? none
    : translate(lang, share ? 'compare.points' : 'compare.km2', { value: formatSigned(value.change, lang, share ? 1 : 2) });
  return { values: translate(lang, 'compare.arrow', { left: show(value.left, verdicts?.left), right: show(value.right, verdicts?.right) }), change };
}

function regionBody(lang: Lang, row: RegionDelta): TemplateResult {
  return html`
    <tbody data-region=${row.id}>
      <tr><th scope="colgroup" colspan="3" class="region">${regionName(lang, row)}</th></tr>
      ${ROWS.map(({ indicator, labelKey, share }) => {
        const value = row[indicator];
        const verdicts = row.verdicts[VERDICT_OF[indicator]];
        // A side that does not decide its target has no headroom, so there is no headroom change to show.
        if (!share && (verdicts.left === 'unknown' || verdicts.right === 'unknown')) return nothing;
        const text = cells(lang, value, share, share ? verdicts : undefined);
        return html`<tr data-indicator=${indicator} data-left=${value.left ?? ''} data-right=${value.right ?? ''} data-change=${value.change ?? ''}
          data-left-pass=${verdicts.left} data-right-pass=${verdicts.right}>
          <th scope="row">${rowLabel(lang, labelKey)}</th>
          <td class="num values">${text.values}</td>
          <td class="num change ${value.change === null || value.change === 0 ? '' : value.change > 0 ? 'up' : 'down'}">${text.change}</td>
        </tr>`;
      })}
    </tbody>
  `;
}

/**
 * The delta table of the compare: for the whole area and each cluster that differs, the blue-green and
 * construction shares and the headroom to the targets, left → right, with the change (right − left). A share
 * whose side does not decide its target is shown as a lower bound ("≥ 12.9%"), and its headroom row is left
 * out (each share row carries `data-left-pass` / `data-right-pass`: `true` / `false` / `unknown`).
 */
export function deltaTable(lang: Lang, deltas: CompareDeltas): TemplateResult {
  return html`
    <div class="table-wrap">
      <table data-testid="compare-deltas">
        <caption>${translate(lang, 'compare.table.caption')}</caption>
        <thead><tr>
          <th scope="col">${translate(lang, 'compare.table.indicator')}</th>
          <th scope="col" class="num">${translate(lang, 'compare.table.values')}</th>
          <th scope="col" class="num">${translate(lang, 'compare.table.change')}</th>
        </tr></thead>
        ${deltas.rows.map((row) => regionBody(lang, row))}
      </table>
    </div>
  `;
}
