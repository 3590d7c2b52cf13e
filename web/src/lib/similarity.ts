/** Character bigrams of a text, without spaces and punctuation. */
function bigrams(text: string): Map<string, number> {
  const clean = text.replace(/[\s\p{P}]/gu, "");
  const grams = new Map<string, number>();
  for (let i = 0; i < clean.length - 1; i++) {
    const g = clean.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of two texts' character bigrams: 1 for the same text, 0 for nothing shared. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Similar enough to warn of a duplicate application. */
export const DUPLICATE_SIMILARITY = 0.5;
