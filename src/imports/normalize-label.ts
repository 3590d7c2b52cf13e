/**
 * A label as compared: NFKC (full-width letters, digits, brackets and colons become ASCII), no
 * white space, lower case, and the Chinese enumeration comma and quotes dropped, so that
 * “危及“三安全一稳定”” and “危及三安全一稳定” compare equal.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s“”"'‘’、]/g, "")
    .toLowerCase();
}
