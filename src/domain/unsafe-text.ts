/**
 * Text the database cannot store: PostgreSQL refuses the NUL character in `text` and `jsonb`,
 * and a lone UTF-16 surrogate is no character at all (it cannot be encoded as UTF-8). Every text
 * that comes in (request bodies, query strings, path parameters, ledger cells) is checked with
 * this one rule before it reaches a query.
 */

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The Chinese message for a text that contains such a character (the field is named beside it). */
export const UNSAFE_TEXT_MESSAGE =
  "含有无法保存的字符（空字符 NUL 或不成对的代理字符，常见于从其他系统复制的文字）：请删除这些字符后重新输入";

export function hasUnsafeText(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/** The dotted paths of every text (and object key) in `value` that has an unsafe character. */
export function findUnsafeTexts(
  value: unknown,
  path: readonly string[] = [],
  found: string[][] = [],
): string[][] {
  if (typeof value === "string") {
    if (hasUnsafeText(value)) found.push([...path]);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      findUnsafeTexts(item, [...path, String(i)], found);
    });
  } else if (typeof value === "object" && value !== null && !(value instanceof Uint8Array)) {
    for (const [key, item] of Object.entries(value)) {
      // a key is echoed in messages and may be stored (jsonb): it is checked like a value
      if (hasUnsafeText(key)) found.push([...path, key.replace(/[^\x20-\x7e\u4e00-\u9fff]/g, "?")]);
      else findUnsafeTexts(item, [...path, key], found);
    }
  }
  return found;
}
