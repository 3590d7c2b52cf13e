import { AppError } from "../app-error.ts";
import { civilDateInChina } from "../domain/civil-date.ts";
import { editionForYear } from "../domain/tabulation/edition-for-year.ts";
import type { Edition } from "../domain/tabulation/table3-types.ts";

/**
 * The one check of a report year: a year the national formats cover (from 2019, else 422,
 * editionForYear) that has begun (China time; a later year is a 404: it has no report yet).
 */
export function assertReportYear(year: number, now: Date): Edition {
  const edition = editionForYear(year);
  const current = Number(civilDateInChina(now).slice(0, 4));
  if (year > current) {
    throw new AppError("not_found", {
      message: `${year}年度尚未开始，没有年度报告：可查看2019至${current}年度的报告`,
    });
  }
  return edition;
}
