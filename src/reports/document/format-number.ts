/** A figure as printed: whole numbers as they are, amounts with at most 4 decimals, no grouping. */
export function formatAmount(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 10_000) / 10_000);
}

/** A share in percent with one decimal (“96.2”), or null when there is nothing to divide. */
export function formatPercent(part: number, whole: number): string | null {
  if (whole === 0) return null;
  return (Math.round((part / whole) * 1000) / 10).toFixed(1);
}
