import { fail, ok, type Parsed } from "./ledger-types.ts";

/** A whole number of working days in [min, max]; `what` names it in the message. */
export function parseWorkdays(text: string, min: number, max: number, what: string): Parsed<number> {
  const t = text.replace(/个?工作日$/, "").trim();
  if (/^\d{1,3}$/.test(t)) {
    const n = Number(t);
    if (n >= min && n <= max) return ok(n);
  }
  return fail(`${what}“${text}”应为 ${min} 至 ${max} 的整数（工作日）`);
}
