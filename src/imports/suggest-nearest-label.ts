import { normalizeLabel } from "./normalize-label.ts";

/** One accepted spelling and the label to suggest for it. */
export interface LabelCandidate {
  text: string;
  suggest: string;
}

/** Levenshtein distance and the longest common subsequence, over code points. */
function compare(a: string, b: string): { distance: number; common: number } {
  const x = [...a];
  const y = [...b];
  let dist = Array.from({ length: y.length + 1 }, (_, j) => j);
  let lcs = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const d = [i];
    const l = [0];
    for (let j = 1; j <= y.length; j++) {
      const same = x[i - 1] === y[j - 1];
      d[j] = Math.min((dist[j] ?? 0) + 1, (d[j - 1] ?? 0) + 1, (dist[j - 1] ?? 0) + (same ? 0 : 1));
      l[j] = same ? (lcs[j - 1] ?? 0) + 1 : Math.max(lcs[j] ?? 0, l[j - 1] ?? 0);
    }
    dist = d;
    lcs = l;
  }
  return { distance: dist[y.length] ?? 0, common: lcs[y.length] ?? 0 };
}

/** Lexicographic: the first differing component decides. */
function isHigher(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((v, k) => v !== b[k]);
  return i >= 0 && (a[i] ?? 0) > (b[i] ?? 0);
}

/**
 * The label nearest to `input`, or null when nothing is near. A candidate that contains the input
 * or is contained in it wins (the longest shared text first); otherwise the one that keeps the
 * most of the input's characters in order (at least half of them), then the smallest edit distance.
 */
export function suggestNearestLabel(input: string, candidates: readonly LabelCandidate[]): string | null {
  const wanted = normalizeLabel(input);
  const length = [...wanted].length;
  if (length === 0) return null;
  let best: { suggest: string; rank: [number, number, number] } | null = null;
  for (const c of candidates) {
    const text = normalizeLabel(c.text);
    if (text === "") continue;
    const contained = text.includes(wanted) || wanted.includes(text);
    const { distance, common } = compare(wanted, text);
    if (!contained && common * 2 < length) continue;
    // Compared in order: containment, share of the input kept, closeness.
    const rank: [number, number, number] = [
      contained ? Math.min([...text].length, length) : 0,
      common / length,
      -distance,
    ];
    if (best === null || isHigher(rank, best.rank)) best = { suggest: c.suggest, rank };
  }
  return best?.suggest ?? null;
}
