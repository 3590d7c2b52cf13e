import { normalizeLabel } from "./normalize-label.ts";

/** One accepted spelling and the label to suggest for it. */
export interface LabelCandidate {
  text: string;
  suggest: string;
}

/** Levenshtein distance over code points. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The label nearest to `input`, or null when nothing is near: a candidate that contains the
 * input or is contained in it wins (the longest shared text first); otherwise the smallest edit
 * distance, if it changes at most half of the longer text.
 */
export function suggestNearestLabel(input: string, candidates: readonly LabelCandidate[]): string | null {
  const wanted = normalizeLabel(input);
  if (wanted === "") return null;
  let best: { suggest: string; score: number } | null = null;
  for (const c of candidates) {
    const text = normalizeLabel(c.text);
    if (text === "") continue;
    // Containment scores above any distance: 1000 + the length of the shared part.
    const contained = text.includes(wanted) || wanted.includes(text);
    const shared = Math.min(text.length, wanted.length);
    const distance = editDistance(wanted, text);
    const longer = Math.max([...text].length, [...wanted].length);
    const score = contained ? 1000 + shared : distance * 2 <= longer ? 100 - distance : -1;
    if (score >= 0 && (best === null || score > best.score)) best = { suggest: c.suggest, score };
  }
  return best?.suggest ?? null;
}
