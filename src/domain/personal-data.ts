/**
 * The applicant's personal data (《个人信息保护法》, issue 10): which fields are personal, how
 * each is masked, and who may see them in full. Every list, export, drill-down and view reads
 * these rules; nothing else decides what an answer shows.
 *
 * - The name (and the applicant type) is shown everywhere: a case is worked and counted by it.
 * - The ID number and the phone are shown masked (`1101**********1234`, `136****1111`).
 * - The e-mail and the address are left out wherever the values are masked.
 * - In full only on the case page (`GET /api/v1/applications/:id`), to a user of the handling
 *   agency; each such answer is recorded in the access log with the fields it showed.
 */

/** The applicant's fields that are personal data, in the order they are listed. */
export const PERSONAL_FIELDS = ["idNumber", "phone", "email", "address"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const PERSONAL_FIELD_LABELS: Record<PersonalField, string> = {
  idNumber: "证件号码",
  phone: "联系电话",
  email: "电子邮箱",
  address: "通信地址",
};

/** How a field appears where values are masked: kept with its ends, or left out. */
export const MASKING: Record<PersonalField, { keepHead: number; keepTail: number } | "omit"> = {
  // 110101199003071234 → 1101**********1234 (region code and last four, as on receipts)
  idNumber: { keepHead: 4, keepTail: 4 },
  // 13611111111 → 136****1111
  phone: { keepHead: 3, keepTail: 4 },
  email: "omit",
  address: "omit",
};

/** Whether an answer carries the personal fields as stored or masked. */
export type PersonalDataMode = "full" | "masked";

/**
 * The ends of a value, the rest as `*`. A value too short to hide at least as many characters
 * as are kept (a short or foreign number, a typo) is masked entirely.
 */
export function maskValue(value: string, keep: { keepHead: number; keepTail: number }): string {
  const chars = Array.from(value);
  const kept = keep.keepHead + keep.keepTail;
  if (chars.length < kept * 1.5) return "*".repeat(chars.length);
  return (
    chars.slice(0, keep.keepHead).join("") +
    "*".repeat(chars.length - kept) +
    chars.slice(chars.length - keep.keepTail).join("")
  );
}

/** The applicant as lists, exports and other agencies see it: masked or without the field. */
export function maskApplicant<A extends { name: string } & { [K in PersonalField]?: string | undefined }>(
  applicant: A,
): A {
  const out: A = { ...applicant };
  for (const field of PERSONAL_FIELDS) {
    const value = applicant[field];
    const rule = MASKING[field];
    if (value === undefined || rule === "omit") delete out[field];
    else out[field] = maskValue(value, rule) as A[typeof field];
  }
  return out;
}

/** The personal fields an applicant has a value for: what a full answer shows. */
export function personalFieldsPresent(
  applicant: { [K in PersonalField]?: string | undefined },
): PersonalField[] {
  return PERSONAL_FIELDS.filter((f) => typeof applicant[f] === "string" && applicant[f] !== "");
}

/** Whether a value is a masked one (as exported): never to be taken for the real value. */
export function isMaskedValue(value: string): boolean {
  return value.includes("*");
}

/**
 * Who may see the personal fields in full: a user (not the system, not a process) of the case's
 * own agency, whatever the role. A supervisor of the agency above, the system administrator and
 * every other agency see them masked.
 */
export function maySeeInFull(
  viewer: { userId: number | null; agencyId: number | null },
  caseAgencyId: number,
): boolean {
  return viewer.userId !== null && viewer.agencyId !== null && viewer.agencyId === caseAgencyId;
}

/** The full ledger export (`?full=true`): the administrator of the agency itself. */
export function mayExportInFull(
  viewer: { userId: number | null; agencyId: number | null; roles: readonly string[] },
  agencyId: number,
): boolean {
  return maySeeInFull(viewer, agencyId) && viewer.roles.includes("agency_admin");
}
