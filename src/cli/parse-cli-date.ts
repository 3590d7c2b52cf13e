import { type CivilDate, isCivilDate } from "../domain/civil-date.ts";
import { CliError } from "./cli-error.ts";

export function parseCliDate(value: string | undefined, option: string): CivilDate {
  if (value === undefined || value === "")
    throw new CliError(`缺少 ${option} 的日期，应为 YYYY-MM-DD（如 2026-03-12）`);
  if (!isCivilDate(value))
    throw new CliError(
      `${option} 的值“${value}”不是有效日期，应为 YYYY-MM-DD 格式的真实日期（如 2026-03-12）`,
    );
  return value;
}

/** `S..E`, both dates, S ≤ E. */
export function parseCliRange(value: string, option: string): { from: CivilDate; to: CivilDate } {
  const parts = value.split("..");
  if (parts.length !== 2)
    throw new CliError(`${option} 的值“${value}”应为“开始日期..结束日期”，如 2026-03-10..2026-03-16`);
  const from = parseCliDate(parts[0], option);
  const to = parseCliDate(parts[1], option);
  if (to < from) throw new CliError(`${option} 的结束日期 ${to} 早于开始日期 ${from}`);
  return { from, to };
}
