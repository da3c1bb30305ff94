import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/**
 * Runs axe-core on the whole document and returns its serious and critical violations, each as
 * `id (impact): help — [first three targets]`. axe is injected once per page as an inline script, so the
 * page must be opened with `bypassCSP: true` (the app's CSP forbids inline scripts).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate('typeof globalThis.axe')) === 'undefined') await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${JSON.stringify(violation.nodes.slice(0, 3).map((node) => node.target))}`);
}
