/**
 * A generated ledger: cases along every path of DOMAIN.md §3 (each decidable outcome, withdrawals,
 * supplements received and overdue, consultations answered and expired, extensions, fees paid
 * and unpaid, open cases carried over) with the outcome and disposition date each must end in,
 * so that a test can count table 三 from the spec itself; and bad rows, each with the row and
 * column its error must name.
 */
import { createDefaultCalendar } from "../../../src/domain/calendar/default-calendar.ts";
import { addDays, type CivilDate } from "../../../src/domain/civil-date.ts";
import { expiryDate } from "../../../src/domain/deadlines/window-ends.ts";
import { DECIDABLE_OUTCOME_IDS, type OutcomeId } from "../../../src/domain/outcomes.ts";
import {
  APPLICANT_TYPE_LABELS,
  APPLICANT_TYPES,
  type ApplicantType,
  CHANNEL_LABELS,
  CHANNELS,
  DEFAULT_DELIVERY_BY_CHANNEL,
} from "../../../src/domain/vocabulary.ts";
import type { LedgerColumn } from "../../../src/imports/ledger-columns.ts";
import { ledgerOutcomeLabel } from "../../../src/imports/ledger-outcome-label.ts";
import type { LedgerWorkbookRow } from "../../../src/imports/write-ledger-workbook.ts";

export const LEDGER_TODAY = "2026-03-20" as CivilDate;
const CALENDAR = createDefaultCalendar();

/** What a good row must become: the tabulator's inputs, from the spec. */
export interface ExpectedCase {
  applicantType: ApplicantType;
  receivedOn: CivilDate;
  outcome: OutcomeId | null;
  dispositionOn: CivilDate | null;
}

export interface BadRow {
  /** The cells, and the errors (column, a part of the message) the import must report. */
  cells: LedgerWorkbookRow;
  expect: { column: LedgerColumn; contains: string }[];
}

export interface GeneratedLedger {
  /** Good rows with their expected outcome, and bad rows, mixed; `row` is the Excel row. */
  rows: { row: number; cells: LedgerWorkbookRow; expected?: ExpectedCase; bad?: BadRow["expect"] }[];
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const d = (s: string) => s as CivilDate;
const FIRST = d("2021-01-04");
/** Decided paths take at most ~75 days: receipts up to here keep every date before today. */
const LAST_CLOSED_RECEIPT = d("2025-12-31");
const SPAN = Math.round((Date.parse(LAST_CLOSED_RECEIPT) - Date.parse(FIRST)) / 86_400_000);

const windowExpiry = (from: CivilDate, workdays: number) => expiryDate(CALENDAR.addWorkdays(from, workdays));

interface Draft {
  cells: LedgerWorkbookRow;
  outcome: OutcomeId | null;
  dispositionOn: CivilDate | null;
}

const POSTED = new Set<string>(
  CHANNELS.filter((c) => DEFAULT_DELIVERY_BY_CHANNEL[c] === "post").flatMap((c) => [c, CHANNEL_LABELS[c]]),
);
/** Whether the row's notices go by post by default (DOMAIN.md §5: their windows wait for a receipt). */
const isPosted = (cells: LedgerWorkbookRow) => POSTED.has(String(cells.申请方式));

/**
 * A notice's cell: its date, and for a posted one mostly its receipt (送达日, 1–4 days later); the
 * day its window counts from, or null when it never starts (posted, no receipt recorded).
 */
function notice(
  r: Random,
  cells: LedgerWorkbookRow,
  sent: CivilDate,
): { cell: string; start: CivilDate | null } {
  if (!isPosted(cells)) return { cell: sent, start: sent };
  if (r.chance(0.15)) return { cell: sent, start: null };
  const received = addDays(sent, r.int(1, 4));
  return { cell: `${sent},${r.chance(0.5) ? "送达" : ""}${received}`, start: received };
}

function base(r: Random, receivedOn: CivilDate, i: number): LedgerWorkbookRow {
  const type = APPLICANT_TYPES[i % APPLICANT_TYPES.length] as ApplicantType;
  const channel = r.pick(CHANNELS);
  return {
    编号: `TZ-${String(i + 1).padStart(5, "0")}`,
    收到日期: receivedOn,
    // labels mostly, ids sometimes: both are accepted
    申请方式: r.chance(0.8) ? CHANNEL_LABELS[channel] : channel,
    申请人类型: r.chance(0.8) ? APPLICANT_TYPE_LABELS[type] : type,
    申请人: `申请人${i + 1}`,
    申请内容: `台账第${i + 1}件：某项目的批复文件`,
    承办人: r.pick([null, "handler", "handler名"]),
  };
}

/** A decision on `on` (delivered sometimes), or open when `on` would be in the future. */
function decided(cells: LedgerWorkbookRow, outcome: OutcomeId, on: CivilDate, r: Random): Draft {
  const delivered = r.chance(0.5) ? addDays(on, r.int(0, 5)) : null;
  if (on > LEDGER_TODAY || (delivered && delivered > LEDGER_TODAY))
    return { cells, outcome: null, dispositionOn: null };
  return {
    cells: {
      ...cells,
      答复日期: on,
      答复结果: r.chance(0.9) ? ledgerOutcomeLabel(outcome) : outcome,
      送达日期: delivered,
    },
    outcome,
    dispositionOn: on,
  };
}

/** An automatic closure the system must derive; open while its date is after today. */
function automatic(cells: LedgerWorkbookRow, outcome: OutcomeId, on: CivilDate): Draft {
  if (on > LEDGER_TODAY) return { cells, outcome: null, dispositionOn: null };
  return {
    cells: { ...cells, 答复日期: on, 答复结果: ledgerOutcomeLabel(outcome) },
    outcome,
    dispositionOn: on,
  };
}

const PATHS: ((r: Random, c: LedgerWorkbookRow, R: CivilDate, i: number) => Draft)[] = [
  // a reply with each decidable outcome (but 补正后仍不明确, which needs a supplement)
  (r, c, R, i) => {
    const outcomes = DECIDABLE_OUTCOME_IDS.filter((o) => o !== "unavailable.unclear_after_supplement");
    return decided(
      c,
      outcomes[Math.floor(i / PATHS.length) % outcomes.length] as OutcomeId,
      addDays(R, r.int(0, 40)),
      r,
    );
  },
  // supplement received, then a reply (补正后仍不明确 possible)
  (r, c, R) => {
    const asked = addDays(R, r.int(1, 5));
    const got = addDays(asked, r.int(1, 10));
    const outcome = r.pick([
      "unavailable.unclear_after_supplement",
      "disclosed",
      "partially_disclosed",
    ] as const);
    return decided({ ...c, 补正告知日: asked, 补正收到日: got }, outcome, addDays(got, r.int(1, 20)), r);
  },
  // supplement never received: closed the day after the window (15 WD, or the row's own window),
  // counted from the notice's receipt; a posted notice without one stays open
  (r, c, R) => {
    const asked = addDays(R, r.int(1, 5));
    const window = r.chance(0.5) ? null : r.int(5, 20);
    const sent = notice(r, c, asked);
    const cell = window === null ? sent.cell : sent.cell.replace(asked, `${asked},${window}`);
    const cells = { ...c, 补正告知日: cell };
    if (sent.start === null) return { cells, outcome: null, dispositionOn: null };
    return automatic(cells, "other.supplement_overdue", windowExpiry(sent.start, window ?? 15));
  },
  // consultations: one or two, answered or left to expire, then a reply
  (r, c, R) => {
    const items: string[] = [];
    let last = R;
    for (let k = 0; k < r.int(1, 2); k++) {
      const sent = addDays(R, r.int(1, 6));
      const answered = r.chance(0.6) ? addDays(sent, r.int(1, 14)) : null;
      const party = r.pick(["第三方:", "共同制作机关:", "其他机关:", ""]);
      // a letter goes by post: its 15 WD count from its receipt when recorded, else from sending
      const received = r.chance(0.4) ? addDays(sent, r.int(1, 3)) : null;
      // another agency: sometimes a window of its own, or an answer date set for it
      const own = party === "其他机关:" ? r.pick([null, "window", "due"] as const) : null;
      const window = own === "window" ? r.int(12, 20) : 15; // 12 WD: the 14 days answers take, from any day
      // answers come within 14 days: a date set for them is later
      const due = own === "due" ? addDays(sent, r.int(15, 30)) : null;
      const extras = [
        own === "window" ? `,期限${window}` : "",
        due ? `,截止${due}` : "",
        received ? `,送达${received}` : "",
      ].join("");
      items.push(`${party}某公司${k + 1},${sent},${answered ?? ""}${extras}`);
      const end = answered ?? (due ? addDays(due, 1) : windowExpiry(received ?? sent, window));
      if (end > last) last = end;
    }
    return decided(
      { ...c, 征求意见: items.join(r.chance(0.5) ? "；" : "\n") },
      "withheld.third_party_rights",
      addDays(last, r.int(0, 5)),
      r,
    );
  },
  // an extension within the reply period, then a reply
  (r, c, R) => {
    const on = addDays(R, r.int(3, 12));
    const ext = `${on},${r.int(1, 20)}${r.chance(0.5) ? ",涉及档案较多，需要逐件核对" : ""}`;
    return decided({ ...c, 延期: ext }, "disclosed", addDays(on, r.int(5, 30)), r);
  },
  // a fee paid, then a reply
  (r, c, R) => {
    const notice = addDays(R, r.int(1, 5));
    const paid = addDays(notice, r.int(1, 10));
    const amount = r.pick(["100", "700,按量", "1200.50"]);
    return decided(
      { ...c, 收费通知日: notice, 缴费日: paid, 收费金额: amount },
      "disclosed",
      addDays(paid, r.int(1, 10)),
      r,
    );
  },
  // a fee never paid: closed the day after the 20-WD payment window, from the notice's receipt;
  // a posted notice without one stays open
  (r, c, R) => {
    const sent = notice(r, c, addDays(R, r.int(1, 5)));
    const cells = { ...c, 收费通知日: sent.cell, 收费金额: "300" };
    if (sent.start === null) return { cells, outcome: null, dispositionOn: null };
    return automatic(cells, "other.fee_unpaid", windowExpiry(sent.start, 20));
  },
  // withdrawn (其他 / 撤回); or a reply “其他” that was delivered
  (r, c, R) => {
    const on = addDays(R, r.int(0, 20));
    if (r.chance(0.3)) {
      const delivered = addDays(on, 1);
      return {
        cells: { ...c, 答复日期: on, 答复结果: "其他", 送达日期: delivered },
        outcome: "other.other",
        dispositionOn: on,
      };
    }
    return {
      cells: { ...c, 答复日期: on, 答复结果: r.pick(["其他", "撤回", "other.other"]) },
      outcome: "other.other",
      dispositionOn: on,
    };
  },
  // everything at once: supplement, consultation, extension, fee, reply
  (r, c, R) => {
    const asked = addDays(R, 1);
    const got = addDays(R, 5);
    const sent = addDays(R, 6);
    const cells = {
      ...c,
      补正告知日: asked,
      补正收到日: got,
      征求意见: `第三方:某建筑有限公司,${sent},${addDays(sent, 4)}`,
      延期: `${addDays(R, 12)},10,需要征求第三方意见`,
      收费通知日: addDays(R, 14),
      缴费日: addDays(R, 18),
      收费金额: "500",
    };
    return decided(cells, "partially_disclosed", addDays(R, 25 + r.int(0, 20)), r);
  },
  // still open: carried over (any receipt date)
  (_r, c) => ({ cells: c, outcome: null, dispositionOn: null }),
];

/** Bad rows: each cell mistake a clerk makes, with the error the import must name. */
function badRows(r: Random, start: number): BadRow[] {
  const c = (i: number, extra: LedgerWorkbookRow, R = d("2025-03-03")) => ({
    ...base(r, R, start + i),
    申请方式: "网络申请",
    ...extra,
  });
  return [
    {
      cells: c(0, { 答复日期: "2025-03-10", 答复结果: "属于国家机密" }),
      expect: [{ column: "答复结果", contains: "是否为“属于国家秘密”" }],
    },
    { cells: c(1, { 收到日期: "2025-02-30" }), expect: [{ column: "收到日期", contains: "不是有效日期" }] },
    { cells: c(2, { 延期: "2025-03-10,25" }), expect: [{ column: "延期", contains: "1 至 20" }] },
    { cells: c(3, { 承办人: "王不在" }), expect: [{ column: "承办人", contains: "不是本机关的承办人" }] },
    {
      cells: c(4, { 申请人类型: "自然人士" }),
      expect: [{ column: "申请人类型", contains: "是否为“自然人”" }],
    },
    {
      cells: c(5, { 申请方式: "电子邮件" }),
      expect: [{ column: "申请方式", contains: "不是有效的申请方式" }],
    },
    {
      // 2025-03-04 + 15 WD = 2025-03-25: closed 2025-03-26, not 03-28
      cells: c(6, { 补正告知日: "2025-03-04", 答复日期: "2025-03-28", 答复结果: "逾期不补正、不再处理" }),
      expect: [{ column: "答复日期", contains: "已于 2025-03-26 按“逾期不补正、不再处理”办结" }],
    },
    {
      cells: c(7, {
        收费通知日: "2025-03-04",
        收费金额: "100",
        缴费日: "2025-03-10",
        答复日期: "2025-04-02",
        答复结果: "逾期未缴费、不再处理",
      }),
      expect: [{ column: "答复结果", contains: "台账填写了缴费日 2025-03-10" }],
    },
    {
      cells: c(8, { 征求意见: "第三方:某公司,2025-03-04,", 答复日期: "2025-03-10", 答复结果: "予以公开" }),
      expect: [{ column: "答复结果", contains: "征求意见尚未结束" }],
    },
    { cells: c(9, { 编号: "TZ-00001" }), expect: [{ column: "编号", contains: "与第 2 行重复" }] },
    { cells: c(10, { 申请人: null }), expect: [{ column: "申请人", contains: "不能为空" }] },
    { cells: c(11, { 送达日期: "2025-03-20" }), expect: [{ column: "送达日期", contains: "尚未答复" }] },
    {
      cells: c(12, { 答复日期: "2025-03-20" }),
      expect: [{ column: "答复结果", contains: "须同时填写答复结果" }],
    },
    {
      cells: c(13, { 答复日期: "2026-04-01", 答复结果: "予以公开" }),
      expect: [{ column: "答复日期", contains: "晚于今天" }],
    },
    {
      cells: c(14, { 补正收到日: "2025-03-10" }),
      expect: [{ column: "补正收到日", contains: "须同时填写补正告知日" }],
    },
    {
      cells: c(15, { 收费通知日: "2025-03-05" }),
      expect: [{ column: "收费金额", contains: "须填写收费金额" }],
    },
    {
      // open in the ledger, but the supplement window ran out long ago
      cells: c(16, { 补正告知日: "2025-03-04" }),
      expect: [{ column: "答复结果", contains: "已于 2025-03-26 按“逾期不补正、不再处理”办结" }],
    },
    {
      cells: c(17, { 延期: "2025-05-06,10", 答复日期: "2025-05-20", 答复结果: "予以公开" }),
      expect: [{ column: "延期", contains: "延期须在期限届满前批准" }],
    },
    {
      cells: c(18, { 答复日期: "2025-03-20", 答复结果: "补正后申请内容仍不明确" }),
      expect: [{ column: "答复结果", contains: "只能在收到补正之后" }],
    },
    {
      cells: c(19, { 收到日期: "2025/13/01", 申请内容: "" }),
      expect: [
        { column: "收到日期", contains: "不是有效日期" },
        { column: "申请内容", contains: "不能为空" },
      ],
    },
    {
      cells: c(20, { 征求意见: "某公司没有日期" }),
      expect: [{ column: "征求意见", contains: "应为“对象类型:名称,发出日,答复日”" }],
    },
    {
      cells: c(21, { 答复日期: "2025-03-10", 答复结果: "撤回", 送达日期: "2025-03-11" }),
      expect: [{ column: "送达日期", contains: "没有答复书" }],
    },
    {
      // a posted notice's window counts from its receipt, which the row does not give
      cells: c(22, {
        申请方式: "信函申请（挂号/需签收）",
        补正告知日: "2025-03-04",
        答复日期: "2025-03-26",
        答复结果: "逾期不补正、不再处理",
      }),
      expect: [{ column: "答复结果", contains: "补正告知书邮寄送达而台账未填写送达日" }],
    },
    {
      cells: c(23, { 征求意见: "第三方:某公司,2025-03-04,2025-03-10,期限10" }),
      expect: [{ column: "征求意见", contains: "不能另定" }],
    },
  ];
}

/**
 * `count` good rows (every path, receipts 2021–2026) with `bad` rows spread among them (every
 * `count / bad.length` rows); the same seed gives the same ledger.
 */
export function generateLedger(options: {
  count: number;
  withBadRows: boolean;
  seed?: number;
}): GeneratedLedger {
  const r = random(options.seed ?? 20260320);
  const good = Array.from({ length: options.count }, (_, i) => {
    const path = PATHS[i % PATHS.length] as (typeof PATHS)[number];
    const isOpen = i % PATHS.length === PATHS.length - 1;
    // open cases up to today; the others received by the end of 2025
    const receivedOn = isOpen ? addDays(FIRST, r.int(0, SPAN + 70)) : addDays(FIRST, r.int(0, SPAN));
    const draft = path(r, base(r, receivedOn, i), receivedOn, i);
    const applicantType = APPLICANT_TYPES[i % APPLICANT_TYPES.length] as ApplicantType;
    return {
      cells: draft.cells,
      expected: { applicantType, receivedOn, outcome: draft.outcome, dispositionOn: draft.dispositionOn },
    };
  });
  const bad = options.withBadRows ? badRows(r, options.count) : [];
  const every = bad.length > 0 ? Math.floor(good.length / bad.length) : Number.POSITIVE_INFINITY;
  const mixed: { cells: LedgerWorkbookRow; expected?: ExpectedCase; bad?: BadRow["expect"] }[] = [];
  good.forEach((g, i) => {
    mixed.push(g);
    const b = bad[Math.floor(i / every)];
    if ((i + 1) % every === 0 && b) mixed.push({ cells: b.cells, bad: b.expect });
  });
  return { rows: mixed.map((m, i) => ({ ...m, row: i + 2 })) };
}
