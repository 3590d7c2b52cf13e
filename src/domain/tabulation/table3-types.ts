/**
 * The contract of table 三 (DOMAIN.md §6–§7, API.md `table3`): editions, columns, row keys, the
 * record the tabulator counts, the table it produces and its checks K1–K5. Row keys and column
 * keys are the JSON keys of the public API; do not rename them.
 */
import type { CivilDate } from "../civil-date.ts";
import type { OutcomeGroup, OutcomeId } from "../outcomes.ts";
import { APPLICANT_TYPES, type ApplicantType } from "../vocabulary.ts";

/** 国办公开办函〔2019〕60号 for the 2019–2020 reports; 国办公开办函〔2021〕30号 from 2021. */
export type Edition = "2019" | "2021";

export const TABLE3_COLUMNS = [...APPLICANT_TYPES, "total"] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];

/** One row of table 三: a count per applicant type plus `total`. */
export type Table3Row = Record<Table3Column, number>;

type OtherOutcomeId = Extract<OutcomeId, `other.${string}`>;
export type Table3RowKey2021 =
  | "new_received"
  | "carried_over"
  | OutcomeId
  | "result_total"
  | "carried_forward";
/** The 2019 edition has one row （六）其他处理 (`other`) instead of the three other.* rows. */
export type Table3RowKey2019 = Exclude<Table3RowKey2021, OtherOutcomeId> | "other";
export type Table3RowKey = Table3RowKey2021 | Table3RowKey2019;

export type CheckId = "K1" | "K2" | "K3" | "K4" | "K5";
export interface Check {
  id: CheckId;
  ok: boolean;
  /** Chinese; on failure it names the failing rows and columns. */
  message: string;
  /** Not checked this year (未核对: nothing to compare with); ok is then true, and the UI says 需确认. */
  skipped?: true;
}

interface Table3Of<E extends Edition, K extends Table3RowKey> {
  edition: E;
  columns: readonly Table3Column[];
  /** Every row of the edition, every column, explicit zeros. */
  rows: Record<K, Table3Row>;
  checks: Check[];
}
export type Table3Edition2019 = Table3Of<"2019", Table3RowKey2019>;
export type Table3Edition2021 = Table3Of<"2021", Table3RowKey2021>;
export type Table3 = Table3Edition2019 | Table3Edition2021;

/**
 * A table to check, possibly assembled elsewhere (summed over agencies, read back from JSON):
 * rows and cells may be missing, which check K5 reports.
 */
export interface Table3Like {
  edition: Edition;
  rows: Readonly<Record<string, Readonly<Partial<Record<Table3Column, number>>> | undefined>>;
}

/** What the tabulator needs to know about one application. */
export interface Table3Record {
  id: string;
  /** As recorded at intake. */
  applicantType: ApplicantType;
  /** art. 31 receipt date. */
  receivedOn: CivilDate;
  /** null while the application is open. */
  outcome: OutcomeId | null;
  /** The date of the reply or closure; null while open. */
  dispositionOn: CivilDate | null;
  /**
   * How many applications this record stands for (default 1): a group of applications that
   * classifyForTable3 puts in the same rows, e.g. one row of a database GROUP BY (bucketRecord).
   */
  count?: number;
}

export type Table3HeadingKey = "heading.results" | `heading.${OutcomeGroup}`;

/** A row that holds numbers. */
export interface Table3DataRow {
  kind: "data";
  key: Table3RowKey;
  /** The exact label of the national format. */
  label: string;
  /** The label with its group, for messages: “（三）不予公开—1.属于国家秘密”. */
  name: string;
  /** 0: 一 二 三 四; 1: （一）…（七）; 2: the numbered leaves. */
  indent: 0 | 1 | 2;
  /** The outcomes counted in this row; non-empty exactly for the leaf rows of 三. */
  outcomes: readonly OutcomeId[];
}

/** A heading without numbers: 三、本年度办理结果 and the groups with several rows. */
export interface Table3HeadingRow {
  kind: "heading";
  key: Table3HeadingKey;
  label: string;
  indent: 0 | 1;
}

export type Table3LayoutRow = Table3DataRow | Table3HeadingRow;

export interface Table3LayoutColumn {
  key: Table3Column;
  label: string;
  /** The merged header above it (法人或其他组织), or null. */
  parent: string | null;
}

export interface Table3Layout {
  edition: Edition;
  title: string;
  /** The merged header above the columns. */
  columnsHeader: string;
  /** The K1 rule printed in the table's header. */
  note: string;
  columns: readonly Table3LayoutColumn[];
  rows: readonly Table3LayoutRow[];
}
