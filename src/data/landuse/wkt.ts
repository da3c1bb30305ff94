/**
 * A small reader for the WKT of a .prj file (ESRI WKT1, OGC WKT1 and WKT2 share the bracket syntax). proj4
 * reads most .prj files itself (see crs.ts); this tree is what crs.ts looks at first, for what proj4 misreads:
 * the `Gauss_Kruger` projection name Chinese GIS software writes, and the CGCS2000, Xian 1980 and Beijing 1954
 * datum names. What matters there (datum, central meridian, false easting, scale) is in the parameters.
 */
export interface WktNode {
  keyword: string;
  /** quoted strings, numbers and child nodes in order */
  values: (string | number | WktNode)[];
}

/** Parses WKT into a tree; returns null for text that is not WKT (never throws). */
export function parseWkt(text: string): WktNode | null {
  let at = 0;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const node = (): WktNode | null => {
    skip();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at, at + 64));
    if (!match) return null;
    at += match[0].length;
    skip();
    const open = text[at];
    if (open !== '[' && open !== '(') return { keyword: match[0].toUpperCase(), values: [] };
    const close = open === '[' ? ']' : ')';
    at++;
    const values: (string | number | WktNode)[] = [];
    for (;;) {
      skip();
      if (at >= text.length) return null;
      const char = text[at];
      if (char === close) {
        at++;
        return { keyword: match[0].toUpperCase(), values };
      }
      if (char === ',') {
        at++;
        continue;
      }
      if (char === '"') {
        const end = text.indexOf('"', at + 1);
        if (end === -1) return null;
        values.push(text.slice(at + 1, end));
        at = end + 1;
        continue;
      }
      const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(at, at + 64));
      if (number) {
        values.push(Number(number[0]));
        at += number[0].length;
        continue;
      }
      const child = node();
      if (!child) return null;
      values.push(child);
    }
  };
  const root = node();
  skip();
  return root && at === text.length ? root : null;
}

/** The first descendant (depth-first, the node itself included) whose keyword is one of `keywords`. */
export function findNode(root: WktNode, keywords: readonly string[]): WktNode | undefined {
  if (keywords.includes(root.keyword)) return root;
  for (const value of root.values) {
    if (typeof value === 'object') {
      const found = findNode(value, keywords);
      if (found) return found;
    }
  }
  return undefined;
}

/** All direct children with one of the keywords. */
export function childNodes(root: WktNode, keywords: readonly string[]): WktNode[] {
  return root.values.filter((value): value is WktNode => typeof value === 'object' && keywords.includes(value.keyword));
}

/** The node's name (its first quoted string), or ''. */
export function nodeName(node: WktNode | undefined): string {
  const first = node?.values[0];
  return typeof first === 'string' ? first : '';
}

/** The node's first number after the name, or undefined. */
export function nodeNumber(node: WktNode | undefined, index = 0): number | undefined {
  const numbers = node?.values.filter((value): value is number => typeof value === 'number') ?? [];
  return numbers[index];
}
