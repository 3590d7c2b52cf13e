import {
  addDays,
  type CivilDate,
  civilDateInChina,
  formatInstantInChina,
  isCivilDate,
} from "@domain/civil-date.ts";
import dayjs, { type Dayjs } from "dayjs";

/** Today in China (deadlines are civil dates in China Standard Time). */
export function todayInChina(): CivilDate {
  return civilDateInChina(new Date());
}

export function asCivilDate(value: string): CivilDate {
  if (!isCivilDate(value)) throw new RangeError(`无效日期：${value}`);
  return value;
}

/** A DatePicker's value as `YYYY-MM-DD` (the picker shows the same civil day). */
export function fromPicker(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format("YYYY-MM-DD") : undefined;
}

export function toPicker(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value, "YYYY-MM-DD") : undefined;
}

/** DatePicker's disabledDate: no day after today in China (facts cannot lie ahead). */
export function isAfterToday(d: Dayjs): boolean {
  return d.format("YYYY-MM-DD") > todayInChina();
}

export function oneYearBefore(date: CivilDate): CivilDate {
  return addDays(date, -365);
}

/** The year in China now (the year of 申请编号 and 文号 examples). */
export function yearInChina(): number {
  return Number(todayInChina().slice(0, 4));
}

/**
 * An instant (ISO text) as `YYYY-MM-DD HH:mm` China Standard Time, whatever the browser's own
 * time zone (formatInstantInChina); text that is no instant as it is.
 */
export function formatInstant(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : formatInstantInChina(instant);
}
