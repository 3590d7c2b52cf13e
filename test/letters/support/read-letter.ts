import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { CivilDate } from "../../../src/domain/civil-date.ts";

const NUMERAL: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三十六 → 36 (an independent reading, not the code's chineseNumeral). */
export function readNumeral(text: string): number {
  if (text === "十") return 10;
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  return (
    (tens === "" ? (text.includes("十") ? 1 : 0) : (NUMERAL[tens as string] ?? Number.NaN)) * 10 +
    (ones === "" || ones === undefined ? 0 : (NUMERAL[ones] ?? Number.NaN))
  );
}

const N = "[一二三四五六七八九十]+";
const ONE = `第(${N})条(?:第(${N})款)?(?:第（(${N})）项)?`;
/** The Regulation by either of its names, then a run of provisions joined by 、 */
const CITATION = new RegExp(
  `(?:《中华人民共和国政府信息公开条例》(?:（以下简称《条例》）)?|《条例》)((?:第${N}条(?:第${N}款)?(?:第（${N}）项)?)(?:、(?:第${N}条(?:第${N}款)?)?(?:第（${N}）项)?)*)`,
  "g",
);

/**
 * Every provision of the Regulation a text cites, as “36(2)”, “16-1”, “15”: “第三十六条第（四）项、
 * 第（五）项” gives 36(4) and 36(5), “第十五条、第三十二条” gives 15 and 32.
 */
export function regulationCitations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CITATION)) {
    let article = 0;
    let paragraph: number | undefined;
    for (const part of (m[1] as string).split("、")) {
      const full = new RegExp(`^${ONE}$`).exec(part);
      const itemOnly = new RegExp(`^第（(${N})）项$`).exec(part);
      if (full) {
        article = readNumeral(full[1] as string);
        paragraph = full[2] ? readNumeral(full[2]) : undefined;
        const item = full[3] ? readNumeral(full[3]) : undefined;
        out.push(`${article}${paragraph ? `-${paragraph}` : ""}${item ? `(${item})` : ""}`);
      } else if (itemOnly) {
        out.push(`${article}${paragraph ? `-${paragraph}` : ""}(${readNumeral(itemOnly[1] as string)})`);
      } else {
        throw new Error(`unreadable citation “${part}” in “${m[0]}”`);
      }
    }
  }
  return out;
}

/** Every date a text names, “2026年3月2日” → 2026-03-02. */
export function datesIn(text: string): CivilDate[] {
  return [...text.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].map(
    (m) => `${m[1]}-${String(m[2]).padStart(2, "0")}-${String(m[3]).padStart(2, "0")}` as CivilDate,
  );
}

/** “期限届满日为2026年3月30日” → 2026-03-30, the window end a letter promises. */
export function promisedEnd(text: string): CivilDate | undefined {
  const m = /期限届满日为(\d{4}年\d{1,2}月\d{1,2}日)/.exec(text);
  return m ? datesIn(m[1] as string)[0] : undefined;
}

/** “2026-03-02” → “2026年3月2日” */
export function chinese(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** Writes a printed letter under test-results/letters/ (kept as a test artefact). */
export async function keepArtefact(path: string, text: string): Promise<void> {
  const file = join(process.cwd(), "test-results", "letters", path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${text}\n`, "utf8");
}
