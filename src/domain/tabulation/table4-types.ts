/**
 * The contract of table 四 (DOMAIN.md §8, API.md `table4`): administrative reviews and lawsuits
 * about disclosure, by kind × result. Keys are the JSON keys of the public API.
 */
import type { CivilDate } from "../civil-date.ts";
import { APPEAL_RESULTS, type AppealKind, type AppealResult } from "../vocabulary.ts";

export const TABLE4_COLUMNS = [...APPEAL_RESULTS, "pending", "total"] as const;
export type Table4Column = (typeof TABLE4_COLUMNS)[number];

export type Table4Cells = Record<Table4Column, number>;

/** One group of five cells per kind; explicit zeros. */
export type Table4 = Record<AppealKind, Table4Cells>;

/** A review or lawsuit, linked to its application. */
export interface AppealRecord {
  id: string;
  applicationId: string;
  kind: AppealKind;
  filedOn: CivilDate;
  /** null while pending. */
  result: AppealResult | null;
  /** The date of the result; null while pending. */
  resultOn: CivilDate | null;
}

export interface Table4Layout {
  title: string;
  /** The merged headers of the national format, each over the kinds below it. */
  groups: readonly { label: string; kinds: readonly AppealKind[] }[];
  /** The kind's own header under its group (行政复议 has none: it is its own group). */
  kindLabels: Readonly<Record<AppealKind, string | null>>;
  columns: readonly { key: Table4Column; label: string }[];
}
