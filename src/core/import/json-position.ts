/**
 * Line and column of a JSON.parse error, computed from the error position (V8: "… at position 123",
 * newer V8 also "(line 5 column 3)"; Firefox: "at line 5 column 3"). Pure.
 */
export interface JsonErrorLocation {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** 0-based character offset, when known */
  offset?: number;
}

/** Line/column (1-based) of a 0-based character offset in `text`. */
export function lineColumnAt(text: string, offset: number): JsonErrorLocation {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < clamped; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: clamped - lineStart + 1, offset: clamped };
}

/** The location of a JSON.parse error in `text`, or undefined when the message names none. */
export function jsonErrorLocation(text: string, message: string): JsonErrorLocation | undefined {
  const position = /position (\d+)/i.exec(message);
  if (position) return lineColumnAt(text, Number(position[1]));
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  if (/end of (JSON )?(input|data)/i.test(message)) return lineColumnAt(text, text.length);
  // Newer V8 words many errors without a position ("Unexpected token ':', \"…\" is not valid JSON"): find it.
  const offset = findJsonErrorOffset(text);
  return offset === undefined ? undefined : lineColumnAt(text, offset);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/**
 * Offset of the first JSON syntax error in `text` (RFC 8259), or undefined when the text is valid JSON.
 * Iterative (no recursion), so deeply nested input cannot overflow the stack.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i += 1;
      else break;
    }
  };
  const readString = (): boolean => {
    i += 1;
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') {
        i += 1;
        return true;
      }
      if (c === '\\') {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (escape !== undefined && ESCAPES.includes(escape)) {
          i += 2;
        } else {
          return false;
        }
      } else if (text.charCodeAt(i) < 0x20) {
        return false;
      } else {
        i += 1;
      }
    }
    return false;
  };
  let mode: 'value' | 'firstValue' | 'key' | 'firstKey' | 'after' = 'value';
  for (;;) {
    skipSpace();
    const c = text[i];
    if (mode === 'value' || mode === 'firstValue') {
      if (mode === 'firstValue' && c === ']') {
        i += 1;
        stack.pop();
        mode = 'after';
      } else if (c === '{') {
        stack.push('{');
        i += 1;
        mode = 'firstKey';
      } else if (c === '[') {
        stack.push('[');
        i += 1;
        mode = 'firstValue';
      } else if (c === '"') {
        if (!readString()) return i;
        mode = 'after';
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        const match = NUMBER.exec(text);
        if (!match) return i;
        i += match[0].length;
        mode = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (!literal) return i;
        i += literal.length;
        mode = 'after';
      }
    } else if (mode === 'key' || mode === 'firstKey') {
      if (mode === 'firstKey' && c === '}') {
        i += 1;
        stack.pop();
        mode = 'after';
        continue;
      }
      if (c !== '"' || !readString()) return i;
      skipSpace();
      if (text[i] !== ':') return i;
      i += 1;
      mode = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : undefined;
      if (c === ',') {
        i += 1;
        mode = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        i += 1;
        stack.pop();
      } else {
        return i;
      }
    }
  }
}
