import { translate } from '../../../i18n/messages.ts';
import type { Lang, MessageKey } from '../../../i18n/messages.ts';
import type { ImportIssue } from '../../../core/import/import-issues.ts';

function epsgFor(system: string, zone: number): number | '' {
  if (system === 'gauss-kruger-3' && zone >= 25 && zone <= 45) return 4513 + (zone - 25);
  if (system === 'gauss-kruger-6' && zone >= 13 && zone <= 23) return 4491 + (zone - 13);
  return '';
}

/** The message of an import issue, with where it is (feature, path, line/column), as plain text. */
export function issueText(lang: Lang, issue: ImportIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  if (issue.code === 'projected') {
    const system = String(params.system ?? 'unknown');
    const zone = Number(params.zone);
    params.system = translate(lang, `system.${system}` as MessageKey, { ...params, epsg: epsgFor(system, zone) });
  }
  const text = translate(lang, `issue.${issue.code}` as MessageKey, params);
  const where: string[] = [];
  if (issue.line !== undefined) where.push(translate(lang, 'import.where.line', { line: issue.line, column: issue.column ?? 1 }));
  if (issue.featureIndex !== undefined && issue.path?.startsWith('features[')) where.push(translate(lang, 'import.where.feature', { index: issue.featureIndex }));
  if (issue.path) where.push(translate(lang, 'import.where.path', { path: issue.path }));
  if (typeof params.excerpt === 'string' && params.excerpt) where.push(translate(lang, 'import.where.excerpt', { excerpt: params.excerpt }));
  return where.length ? `${text} ${lang === 'zh' ? '（' : '('}${where.join(lang === 'zh' ? '；' : '; ')}${lang === 'zh' ? '）' : ')'}` : text;
}
