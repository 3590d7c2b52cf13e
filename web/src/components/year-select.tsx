import { Select } from "antd";
import { todayInChina } from "../lib/dates.ts";

/** The report years: 2019 (the first year of the revised Regulation's format) to this year. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const thisYear = Number(todayInChina().slice(0, 4));
  return (
    <span>
      年度{" "}
      <Select
        aria-label="年度"
        style={{ width: 110 }}
        value={value}
        onChange={onChange}
        options={Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i).map((y) => ({
          value: y,
          label: `${y}年`,
        }))}
      />
    </span>
  );
}
