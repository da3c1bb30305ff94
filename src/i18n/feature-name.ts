import type { Lang } from './messages.ts';

/**
 * The name of a plan feature in a language: `name_<lang>`, else the other language's name, else `fallback`
 * (an id, say). Empty names count as missing.
 * @example featureName(feature, 'en', 'cluster-daqiao') // 'Daqiao'
 */
export function featureName(feature: { properties?: Record<string, unknown> | null } | undefined | null, lang: Lang, fallback = ''): string {
  const properties = feature?.properties ?? {};
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  for (const key of [`name_${lang}`, `name_${other}`]) {
    const value = properties[key];
    if (value !== undefined && value !== null && value !== '') return String(value);
  }
  return fallback;
}
