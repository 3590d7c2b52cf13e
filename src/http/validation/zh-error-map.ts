import { z } from "zod";

/**
 * Clerk-readable Chinese messages for every zod issue of a request: "不能为空", "不能超过 100 个字符",
 * "应为以下之一：…". A message set on a schema (`{ error }`, `.regex(re, msg)`) wins over these;
 * codes not handled here fall back to zod's own zh-CN locale.
 */

const zhCN = z.locales.zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  object: "对象（{…}）",
  array: "数组（[…]）",
  null: "空值 null",
  undefined: "空",
  nan: "非数字",
  bigint: "整数",
  date: "日期",
};

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}

function receivedTypeOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && Number.isNaN(input)) return "nan";
  return typeof input;
}

function listValues(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join("、");
}

type Issue = z.core.$ZodRawIssue;

function sizeMessage(issue: Issue & { code: "too_big" | "too_small" }): string {
  const big = issue.code === "too_big";
  const limit = Number(big ? issue.maximum : issue.minimum);
  const origin = issue.origin;
  if (origin === "string") {
    if (!big && limit === 1) return "不能为空";
    return big ? `不能超过 ${limit} 个字符` : `至少 ${limit} 个字符`;
  }
  if (origin === "array" || origin === "set") {
    if (!big && limit === 1) return "至少填写 1 项";
    return big ? `最多 ${limit} 项` : `至少 ${limit} 项`;
  }
  if (big) return issue.inclusive ? `不能大于 ${limit}` : `应小于 ${limit}`;
  return issue.inclusive ? `不能小于 ${limit}` : `应大于 ${limit}`;
}

export const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "必填";
      return `应为${typeName(issue.expected)}，收到的是${typeName(receivedTypeOf(issue.input))}`;
    case "too_big":
    case "too_small":
      return sizeMessage(issue);
    case "invalid_value":
      return issue.values.length === 1
        ? `应为 ${String(issue.values[0])}`
        : `应为以下之一：${listValues(issue.values)}`;
    case "unrecognized_keys":
      return `不是可接受的字段（请检查拼写）：${issue.keys.join("、")}`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (issue.input === undefined) return "必填";
      return options ? `应为以下之一：${listValues(options)}` : "格式不正确";
    }
    case "not_multiple_of":
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case "invalid_format":
      return "格式不正确";
    default:
      return zhCN(issue) ?? "格式不正确";
  }
};
