import type { z } from "zod";
import { AppError, type ErrorDetail } from "../../app-error.ts";
import { findUnsafeTexts, UNSAFE_TEXT_MESSAGE } from "../../domain/unsafe-text.ts";
import { zhErrorMap } from "./zh-error-map.ts";

export type InputPart = "body" | "query" | "path";

const PART_LABELS: Record<InputPart, string> = { body: "请求体", query: "查询参数", path: "路径参数" };
const MAX_LISTED = 5;

/** Validates one part of a request; a failure is a 422 naming each field in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, part: InputPart): z.output<S> {
  assertStorableText(input, part);
  const result = schema.safeParse(input, { error: zhErrorMap });
  if (result.success) return result.data;
  throw toInvalidInput(result.error.issues, part);
}

/**
 * 422 naming every field whose text has a NUL or a lone surrogate (PostgreSQL cannot store
 * them): checked on the raw input of every part of every request, whatever its schema says.
 */
export function assertStorableText(input: unknown, part: InputPart): void {
  const fields = findUnsafeTexts(input);
  if (fields.length === 0) return;
  const issues = fields.map((path) => ({
    code: "custom" as const,
    path,
    message: UNSAFE_TEXT_MESSAGE,
    input: "",
  }));
  throw toInvalidInput(issues as unknown as z.core.$ZodIssue[], part);
}

export function toInvalidInput(issues: readonly z.core.$ZodIssue[], part: InputPart): AppError {
  const details = issues.flatMap((issue) => toDetails(issue));
  const listed = details.slice(0, MAX_LISTED).map((d) => describe(d, part));
  const more = details.length > MAX_LISTED ? `；另有 ${details.length - MAX_LISTED} 处错误` : "";
  return new AppError("invalid_input", { message: `${listed.join("；")}${more}`, details });
}

function toDetails(issue: z.core.$ZodIssue): ErrorDetail[] {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      field: [...path, key].join("."),
      message: "不是可接受的字段（请检查拼写）",
    }));
  }
  return [path.length > 0 ? { field: path.join("."), message: issue.message } : { message: issue.message }];
}

function describe(detail: ErrorDetail, part: InputPart): string {
  if (detail.field === undefined) return `${PART_LABELS[part]}：${detail.message}`;
  return `${part === "query" ? "查询参数" : "字段"} ${detail.field}：${detail.message}`;
}
