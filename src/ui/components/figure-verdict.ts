import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { translate } from '../../i18n/messages.ts';
import type { Lang } from '../../i18n/messages.ts';
import { formatNumber, formatPercent, formatTargetPercent } from '../../i18n/format.ts';
import type { RegionFigures, TargetCheck } from '../../core/analysis/types.ts';
import type { Basis } from '../../state/basis.ts';
import { emit } from '../events.ts';

/**
 * How every figure shows its verdict. A target check decides only where its basis classifies enough of the
 * region (core `checkTarget`); where it does not, no ✓ / ✗, no margin and no headroom are shown: the share is
 * shown as what it is, a lower bound of what is mapped ("≥ 12.9 %"), beside the plan's target as the plan's
 * target, with the reason, and for the schematic layers the one step that gives a verdict (a land-use layer).
 */

/** `data-pass` of a figure element: `true` / `false` where decided, `unknown` where not. */
export function passAttribute(check: TargetCheck | undefined): 'true' | 'false' | 'unknown' {
  return !check || check.pass === 'unknown' ? 'unknown' : check.pass ? 'true' : 'false';
}

/** The share as text: "71.3%" where the check decides, "≥ 12.9%" (a lower bound) where it does not. */
export function shareText(lang: Lang, ratio: number | null, check: TargetCheck | undefined, none = '—'): string {
  const value = formatPercent(ratio, lang, none);
  return ratio !== null && check?.pass === 'unknown' ? translate(lang, 'verdict.lowerBound', { value }) : value;
}

/** "plan target ≥ 70%" / "规划目标 ≤ 30%". */
export function planTargetText(lang: Lang, check: Pick<TargetCheck, 'target' | 'op'>): string {
  return translate(lang, check.op === '>=' ? 'verdict.planTarget.min' : 'verdict.planTarget.max', { target: formatTargetPercent(check.target, lang) });
}

/**
 * Why a figure has no verdict: the schematic layers leave farmland, villages and towns unmapped; a land-use
 * layer leaves so many km² uncovered or unrecognised that the verdict could go either way.
 */
export function undecidedReason(lang: Lang, basis: Basis, figures: Pick<RegionFigures, 'landUse'> | null | undefined): string {
  if (basis.kind === 'landuse' && figures?.landUse) {
    const km2 = figures.landUse.notCoveredKm2 + figures.landUse.unclassifiedKm2;
    return translate(lang, 'verdict.notClassified', { km2: formatNumber(km2, lang, 1) });
  }
  return translate(lang, 'verdict.unmapped');
}

/** The button that gives a real verdict: opens the land-use layer panel in Analyse mode. */
export function loadLandUseButton(lang: Lang, host: EventTarget, short = false): TemplateResult {
  return html`<button type="button" class="load-landuse" data-action="load-landuse"
    @click=${() => emit(host, 'plan-landuse-open', null)}>${short
      ? html`<span class="long">${translate(lang, 'verdict.loadLandUse')}</span><span class="short">${translate(lang, 'verdict.loadLandUseShort')}</span>`
      : translate(lang, 'verdict.loadLandUse')}</button>`;
}

/** CSS for the verdict parts, to add to a component's styles. */
export const VERDICT_CSS = `
  .undecided { color: #3e4c59; }
  button.load-landuse { font: inherit; font-size: 0.9em; padding: 0.05rem 0.45rem; border: 1px solid #14324a; border-radius: 4px;
    background: #fff; color: #14324a; cursor: pointer; }
  button.load-landuse:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
`;
