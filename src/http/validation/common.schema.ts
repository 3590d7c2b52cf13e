/**
 * The building blocks of every request schema: trimmed texts with limits, real civil dates,
 * and ids. Enumerations come from the domain vocabularies, never listed here.
 */
import { z } from "zod";
import { type CivilDate, isCivilDate } from "../../domain/civil-date.ts";
import { hasUnsafeText, UNSAFE_TEXT_MESSAGE } from "../../domain/unsafe-text.ts";

const isStorable = (s: string) => !hasUnsafeText(s);

/** Limits of free texts, in characters. */
export const TEXT_LIMITS = {
  code: 40,
  name: 100,
  shortText: 200,
  reason: 1000,
  description: 5000,
  replyText: 20000,
} as const;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = "应为 YYYY-MM-DD 格式的真实日期（如 2026-03-12）";

/** A real `YYYY-MM-DD` date (2026-02-30 is refused). */
export const ZCivilDate = z
  .string({ error: (i) => (i.input === undefined ? "必填" : DATE_MESSAGE) })
  .regex(DATE_SHAPE, DATE_MESSAGE)
  .refine(isCivilDate, DATE_MESSAGE)
  .transform((s) => s as CivilDate)
  .meta({ format: "date", description: "YYYY-MM-DD（中国标准时间的日期）" });

/** A required text, trimmed, 1..max characters, without NUL or lone surrogates. */
export function requiredText(max: number) {
  return z
    .string()
    .trim()
    .min(1, "不能为空")
    .max(max, `不能超过 ${max} 个字符`)
    .refine(isStorable, UNSAFE_TEXT_MESSAGE);
}

/** An optional text, trimmed, at most max characters (no NUL, no lone surrogate); an empty text counts as absent. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .refine(isStorable, UNSAFE_TEXT_MESSAGE)
    .transform((s) => (s === "" ? undefined : s))
    .optional();
}

/** A code of letters, digits, `_` and `-` (agency codes). */
export const ZCode = z
  .string()
  .trim()
  .min(1, "不能为空")
  .max(TEXT_LIMITS.code, `不能超过 ${TEXT_LIMITS.code} 个字符`)
  .regex(/^[A-Za-z0-9_-]+$/, "只能包含英文字母、数字、下划线和连字符");

/** `:id` of a path. */
export const ZIdParams = z.strictObject({ id: z.string().min(1).max(100) });

/** A positive whole number in a range. */
export function intInRange(min: number, max: number) {
  return z.number().int("应为整数").min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An optional e-mail address (an empty text counts as absent). */
export function optionalEmail() {
  return optionalText(TEXT_LIMITS.shortText).refine(
    (s) => s === undefined || EMAIL.test(s),
    "电子邮件地址格式不正确（如 name@example.cn）",
  );
}
