import { AppError } from "../../app-error.ts";
import type { Edition } from "./table3-types.ts";

/**
 * The national format of the annual report for a report year: 国办公开办函〔2019〕60号 for the
 * 2019 and 2020 reports, 国办公开办函〔2021〕30号 from the 2021 report on. Also the one check that
 * a report year is valid.
 */
export function editionForYear(year: number): Edition {
  if (!Number.isSafeInteger(year)) {
    throw new AppError("invalid_input", { message: `报告年度“${year}”不是有效年份，应为整数（如 2025）` });
  }
  if (year < 2019) {
    throw new AppError("invalid_input", {
      message: `${year}年度没有可用的年度报告格式：现行格式自2019年度报告起适用（国办公开办函〔2019〕60号），本系统不生成更早年度的报告`,
    });
  }
  return year <= 2020 ? "2019" : "2021";
}
