import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CivilDate, eachDate, isWeekend, parseCivilDate } from "../civil-date.ts";
import { createDefaultCalendar } from "./default-calendar.ts";

interface FixtureYear {
  holidays: Set<string>;
  makeup: Set<string>;
}

/** Parses the independent copy of calendar-cn.md: one line of weekday holidays, one of make-up days. */
function readFixture(): Map<number, FixtureYear> {
  const text = readFileSync(new URL("../../../test/fixtures/calendar-cn.md", import.meta.url), "utf8");
  const years = new Map<number, FixtureYear>();
  let current: FixtureYear | undefined;
  let currentYear = 0;
  for (const line of text.split("\n")) {
    const head = /^## (\d{4})$/.exec(line);
    if (head) {
      currentYear = Number(head[1]);
      current = { holidays: new Set(), makeup: new Set() };
      years.set(currentYear, current);
      continue;
    }
    const list = /^- (weekday holidays|make-up working days): (.*)$/.exec(line);
    if (list && current) {
      const target = list[1] === "weekday holidays" ? current.holidays : current.makeup;
      for (const md of (list[2] ?? "").trim().split(/\s+/)) target.add(`${currentYear}-${md}`);
    }
  }
  return years;
}

describe("the official calendar 2019–2026", () => {
  const calendar = createDefaultCalendar();
  const fixture = readFixture();

  it("has all eight years in the fixture", () => {
    expect([...fixture.keys()]).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it("classifies every day exactly as calendar-cn.md says", () => {
    let days = 0;
    for (const [year, f] of fixture) {
      for (const date of eachDate(parseCivilDate(`${year}-01-01`), parseCivilDate(`${year}-12-31`))) {
        const expected = f.makeup.has(date) ? true : f.holidays.has(date) ? false : !isWeekend(date);
        const info = calendar.classify(date);
        if (info.isWorkday !== expected)
          throw new Error(`${date}: expected workday=${expected}, got ${info.reason}`);
        expect(info.isProvisional).toBe(false);
        days++;
      }
    }
    expect(days).toBe(365 * 6 + 366 * 2);
  });

  it("lists make-up days only on weekends and weekday holidays only from the notice", () => {
    for (const [year, f] of fixture) {
      for (const d of f.makeup) expect(isWeekend(d as CivilDate)).toBe(true);
      const cy = calendar.year(year);
      expect(new Set(cy.workdays.map((w) => w.date))).toEqual(f.makeup);
      expect(new Set(cy.holidays.filter((h) => !isWeekend(h.date)).map((h) => h.date))).toEqual(f.holidays);
      expect(cy.source).toContain("国务院办公厅");
    }
  });

  it("gives the reason with the festival name", () => {
    expect(calendar.classify(parseCivilDate("2026-02-16")).reason).toBe("春节假期（星期一）");
    expect(calendar.classify(parseCivilDate("2026-02-14")).reason).toBe("春节调休上班（星期六）");
    expect(calendar.classify(parseCivilDate("2026-03-07")).reason).toBe("周末（星期六）");
    expect(calendar.classify(parseCivilDate("2026-03-10")).reason).toBe("工作日（星期二）");
  });

  it("computes the worked deadlines of calendar-cn.md", () => {
    expect(calendar.addWorkdays(parseCivilDate("2024-03-04"), 20)).toBe("2024-04-01");
    expect(calendar.addWorkdays(parseCivilDate("2024-09-20"), 20)).toBe("2024-10-23");
    expect(calendar.addWorkdays(parseCivilDate("2026-02-06"), 20)).toBe("2026-03-12");
  });
});

describe("provisional years", () => {
  const calendar = createDefaultCalendar();

  it("marks 2027-01-01 and 2027-02-05 (除夕) non-working and provisional", () => {
    for (const d of ["2027-01-01", "2027-02-05"]) {
      const info = calendar.classify(parseCivilDate(d));
      expect(info.isWorkday).toBe(false);
      expect(info.isProvisional).toBe(true);
      expect(info.reason).toContain("暂定");
    }
    expect(calendar.classify(parseCivilDate("2027-02-05")).name).toBe("春节（除夕）");
  });

  it("builds 2027 from the 放假办法 with lunar festivals and weekend substitutes", () => {
    const y = calendar.year(2027);
    expect(y.provisional).toBe(true);
    expect(y.workdays).toEqual([]);
    const names = Object.fromEntries(y.holidays.map((h) => [h.date, h.name]));
    // 春节 2027: 除夕 02-05 (Fri), 初一 02-06 (Sat), 初二 02-07 (Sun), 初三 02-08 (Mon);
    // the two weekend days are made up on 02-09 and 02-10 (art. 6).
    expect(names["2027-02-08"]).toBe("春节");
    expect(names["2027-02-09"]).toBe("春节补假");
    expect(names["2027-02-10"]).toBe("春节补假");
    expect(names["2027-04-05"]).toBe("清明节");
    expect(names["2027-06-09"]).toBe("端午节");
    expect(names["2027-09-15"]).toBe("中秋节");
    // 国庆 2027-10-02/03 fall on Sat/Sun: made up on 10-04 and 10-05.
    expect(names["2027-10-04"]).toBe("国庆节补假");
    expect(names["2027-10-05"]).toBe("国庆节补假");
    expect(calendar.classify(parseCivilDate("2027-03-01")).isWorkday).toBe(true);
  });

  it("yields to an official year loaded at run time", () => {
    const loaded = calendar.withYear({
      v: 1,
      year: 2027,
      provisional: false,
      source: "测试通知",
      holidays: [{ date: parseCivilDate("2027-03-01"), name: "测试假日" }],
      workdays: [],
    });
    expect(loaded.classify(parseCivilDate("2027-03-01")).isWorkday).toBe(false);
    expect(loaded.classify(parseCivilDate("2027-01-01")).isWorkday).toBe(true);
    expect(loaded.isProvisionalYear(2027)).toBe(false);
    expect(calendar.isProvisionalYear(2027)).toBe(true);
  });
});
