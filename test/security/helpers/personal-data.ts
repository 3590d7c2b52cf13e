/**
 * The applicant data the security suite sends, chosen so that no log line, fixture or label
 * contains any of them by chance: a log line that does leaked it.
 */
export const PROBE_APPLICANT = {
  type: "natural_person",
  name: "晏秋澄",
  idNumber: "44030419850612731X",
  phone: "13912876543",
  email: "yan.qiucheng.probe@example.cn",
  address: "福建省福州市鼓楼区杨桥东路十七号三单元",
} as const;

/** A second applicant (the cross-agency case of another agency). */
export const OTHER_APPLICANT = {
  type: "natural_person",
  name: "芮砚澜",
  idNumber: "35010219770923484X",
  phone: "13687650912",
  email: "rui.yanlan.probe@example.cn",
  address: "浙江省杭州市上城区望江东路九十九弄",
} as const;

/**
 * What must never be found in a log line: each value, its shorter tails (an ID number without
 * its checksum letter, a phone without its trunk digit) and each name on its own.
 */
export const PERSONAL_DATA: readonly string[] = [PROBE_APPLICANT, OTHER_APPLICANT].flatMap((a) => [
  a.name,
  a.idNumber,
  a.idNumber.slice(0, 17),
  a.phone,
  a.phone.slice(1),
  a.email,
  a.address,
  a.address.slice(-8),
]);

/** `晏` as `\u664f`: how a serializer that escapes non-ASCII would write it. */
function escaped(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The lines containing any of the personal data (as is or \u-escaped), each with what it
 * contains; `extra`: a test's own applicants' values, checked the same way.
 */
export function linesWithPersonalData(
  lines: readonly string[],
  extra: readonly string[] = [],
): { value: string; line: string }[] {
  const needles = [...new Set([...PERSONAL_DATA, ...extra].flatMap((v) => [v, escaped(v)]))];
  const found: { value: string; line: string }[] = [];
  for (const line of lines) {
    // pino escapes control characters; a NUL-poisoned name is still the name in the line.
    const value = needles.find((v) => line.includes(v));
    if (value) found.push({ value, line: line.slice(0, 600) });
  }
  return found;
}
