import { Lunar, Solar } from "lunar-typescript";
import { addDays, type CivilDate, isWeekend, makeCivilDate } from "../civil-date.ts";
import type { CalendarYear, NamedDate } from "./calendar-year.ts";

/**
 * A year whose State Council notice is not yet published: weekends plus the statutory holidays
 * of 《全国年节及纪念日放假办法》 (2024 revision, art. 2: 元旦 1 day, 春节 4 days including 除夕,
 * 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), and the substitute day off that art. 6 grants when
 * a holiday falls on a Saturday or Sunday. No make-up working days can be predicted.
 */
export function buildProvisionalYear(year: number): CalendarYear {
  const festivals = statutoryHolidays(year);
  const byDate = new Map<CivilDate, string>();
  const collisions: NamedDate[] = [];
  for (const h of festivals) {
    const existing = byDate.get(h.date);
    if (existing !== undefined) {
      byDate.set(h.date, `${existing}、${h.name}`);
      collisions.push(h);
    } else {
      byDate.set(h.date, h.name);
    }
  }
  // art. 6: a holiday on a weekend is made up on a working day; we also make up a day lost
  // to two festivals falling on the same date, as the notices of 2020 and 2023 did.
  const owed = [
    ...festivals.filter((h) => isWeekend(h.date)),
    ...collisions.filter((h) => !isWeekend(h.date)),
  ];
  for (const h of owed) {
    let d = addDays(h.date, 1);
    while (isWeekend(d) || byDate.has(d)) d = addDays(d, 1);
    if (d.startsWith(`${year}-`)) byDate.set(d, `${h.name}补假`);
  }
  const holidays = [...byDate.entries()]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    v: 1,
    year,
    provisional: true,
    source: `暂定：${year}年部分节假日安排的通知尚未发布，按《全国年节及纪念日放假办法》（2024年修订）推定（周末、法定节假日及周末补假，无调休上班日），通知发布后以通知为准`,
    holidays,
    workdays: [],
  };
}

function fromSolar(s: Solar): CivilDate {
  return makeCivilDate(s.getYear(), s.getMonth(), s.getDay());
}

function statutoryHolidays(year: number): NamedDate[] {
  const newYear = fromSolar(Lunar.fromYmd(year, 1, 1).getSolar());
  const qingming = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable().清明;
  if (!qingming) throw new Error(`无法推算 ${year} 年清明日期`);
  return [
    { date: makeCivilDate(year, 1, 1), name: "元旦" },
    { date: addDays(newYear, -1), name: "春节（除夕）" },
    { date: newYear, name: "春节" },
    { date: addDays(newYear, 1), name: "春节" },
    { date: addDays(newYear, 2), name: "春节" },
    { date: fromSolar(qingming), name: "清明节" },
    { date: makeCivilDate(year, 5, 1), name: "劳动节" },
    { date: makeCivilDate(year, 5, 2), name: "劳动节" },
    { date: fromSolar(Lunar.fromYmd(year, 5, 5).getSolar()), name: "端午节" },
    { date: fromSolar(Lunar.fromYmd(year, 8, 15).getSolar()), name: "中秋节" },
    { date: makeCivilDate(year, 10, 1), name: "国庆节" },
    { date: makeCivilDate(year, 10, 2), name: "国庆节" },
    { date: makeCivilDate(year, 10, 3), name: "国庆节" },
  ].filter((h) => h.date.startsWith(`${year}-`));
}
