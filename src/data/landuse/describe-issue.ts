import { translate, type Lang, type MessageKey } from '../../i18n/messages.js';
import type { LandUseIssue } from './landuse-issues.js';

/**
 * The sentence for a land-use issue in the user's language, with where it is (file, record, byte) in front.
 * @returns plain text (never markup)
 */
export function describeLandUseIssue(issue: LandUseIssue, lang: Lang): string {
  const params = { ...issue.params };
  // A compass direction (outside-area) is a word of the user's language.
  if (typeof params.direction === 'string') params.direction = translate(lang, `landuse.direction.${params.direction}` as MessageKey);
  const text = translate(lang, `landuse.issue.${issue.code}` as MessageKey, params);
  if (!issue.file) return text;
  const where = issue.record === undefined
    ? translate(lang, 'landuse.where.file', { file: issue.file })
    : issue.byteOffset === undefined
      ? translate(lang, 'landuse.where.record', { file: issue.file, record: issue.record })
      : translate(lang, 'landuse.where.byte', { file: issue.file, record: issue.record, byteOffset: issue.byteOffset });
  return `${where}: ${text}`;
}
