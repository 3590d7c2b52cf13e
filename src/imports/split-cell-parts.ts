/** The comma-separated parts of a compound cell (ASCII or full-width comma), trimmed. */
export function splitCellParts(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < limit - 1) {
    const i = rest.search(/[,，]/);
    if (i < 0) break;
    parts.push(rest.slice(0, i).trim());
    rest = rest.slice(i + 1);
  }
  parts.push(rest.trim());
  return parts;
}
