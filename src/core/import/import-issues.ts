/**
 * What the import validation can say about a file. Each issue has a code (translated by the UI from the
 * `import` message catalogue) and says where: feature index, JSON path, or line/column.
 */
export type ImportIssueCode =
  | 'too-large'
  | 'empty-input'
  | 'json-syntax'
  | 'not-object'
  | 'missing-type'
  | 'wrong-case-type'
  | 'unknown-type'
  | 'features-not-array'
  | 'empty-collection'
  | 'not-feature'
  | 'bad-properties'
  | 'missing-geometry'
  | 'bad-coordinates-array'
  | 'bad-coordinate'
  | 'too-few-values'
  | 'too-few-positions'
  | 'short-ring'
  | 'unclosed-ring'
  | 'out-of-range'
  | 'projected'
  | 'swapped'
  | 'nested-geometry-collection'
  | 'crs-member'
  | 'duplicate-id'
  | 'winding-fixed'
  | 'gjv'
  | 'more-issues'
  | 'internal';

export type ImportIssueSeverity = 'error' | 'warning' | 'notice';

export interface ImportIssue {
  code: ImportIssueCode;
  severity: ImportIssueSeverity;
  /** index of the feature in `features` (or 0 for a lone Feature / geometry) */
  featureIndex?: number;
  /** JSON path of the offending member, e.g. `features[3].geometry.coordinates[0][2]` */
  path?: string;
  /** 1-based line and column of a JSON syntax error */
  line?: number;
  column?: number;
  /** values for the message template (plain text; never markup) */
  params?: Record<string, string | number>;
}

/** Shortens any value to a one-line, ≤ 60 character text snippet for a message. */
export function snippet(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
