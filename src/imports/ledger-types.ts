/**
 * The shapes of the ledger import (API.md “Ledger import and export”): a row as read from the
 * sheet, a row as understood (the case to register and its dated facts), the errors that name
 * an Excel row and column, and the answer of an import.
 */
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import type { Table3Column } from "../domain/tabulation/table3-types.ts";
import type {
  ApplicantType,
  Channel,
  ConsultationParty,
  DeliveryMethod,
  FeeBasis,
} from "../domain/vocabulary.ts";
import type { LedgerColumn } from "./ledger-columns.ts";

/** A cell as read: text (trimmed), a number, or empty. Excel dates arrive as `YYYY-MM-DD` text. */
export type LedgerCell = string | number | null;

export interface LedgerRawRow {
  /** The Excel row number (the header is row 1). */
  row: number;
  cells: Partial<Record<LedgerColumn, LedgerCell>>;
}

export interface LedgerSheet {
  /** The columns found in the header row. */
  columns: readonly LedgerColumn[];
  /** The non-empty data rows, in sheet order. */
  rows: LedgerRawRow[];
}

/** A parsed value, or why the text is not one (Chinese, without the column name). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Parsed<T> => ({ ok: false, error });

export interface LedgerRowError {
  /** Excel row number (header = 1). */
  row: number;
  column: LedgerColumn;
  message: string;
}

/** How an outgoing document went and when the addressee received it (送达, DOMAIN.md §5). */
export interface LedgerService {
  sentBy?: DeliveryMethod | undefined;
  receivedOn?: CivilDate | undefined;
}

export interface LedgerConsultation extends LedgerService {
  party: ConsultationParty;
  name: string;
  startedOn: CivilDate;
  /** Empty: no answer, the window ends by itself. */
  answeredOn?: CivilDate | undefined;
  windowWorkdays?: number | undefined;
  /** Another agency: the answer date set for it. */
  dueOn?: CivilDate | undefined;
}

/** How the ledger says the case ended. */
export type LedgerEnding =
  /** `decide` with this outcome on `on`. */
  | { how: "decision"; on: CivilDate; outcome: OutcomeId }
  /** `withdraw` on `on` (outcome other.other). */
  | { how: "withdrawal"; on: CivilDate }
  /** An automatic closure the system must derive from the dates itself. */
  | { how: "automatic"; on: CivilDate; outcome: OutcomeId };

/** One ledger row, understood: what to register and the dated facts to record. */
export interface LedgerCase {
  row: number;
  ledgerNo: string;
  receivedOn: CivilDate;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  /** Not given, or masked in the file (a masked value is never taken for the real one). */
  applicantIdNumber?: string | undefined;
  applicantPhone?: string | undefined;
  description: string;
  handlerUsername?: string | undefined;
  supplement?: {
    requestedOn: CivilDate;
    windowWorkdays?: number | undefined;
    /** The notice's service. */
    notice: LedgerService;
    /** The day the supplement was received. */
    receivedOn?: CivilDate | undefined;
  };
  consultations: LedgerConsultation[];
  extension?: { on: CivilDate; workdays: number; reason: string };
  fee?: {
    notifiedOn: CivilDate;
    notice: LedgerService;
    amountYuan: number;
    basis: FeeBasis;
    paidOn?: CivilDate | undefined;
  };
  /** null: still open (carried over). */
  ending: LedgerEnding | null;
  deliveredOn?: CivilDate | undefined;
}

/** Table 三's rows of one year, as in the report JSON's `table3.rows`. */
export type Table3Rows = Record<string, Record<Table3Column, number>>;

export interface LedgerImportResult {
  /** Data rows in the file (empty rows not counted). */
  rows: number;
  /** Real run: rows written (0 when any row failed). Dry run: rows that passed every check. */
  imported: number;
  /** Every error found, by row, then column order. */
  errors: LedgerRowError[];
  /**
   * For each report year the ledger's cases appear in (2019 on): the agency's table 三 as the
   * report would show it with the ledger imported (its cases already in the system included).
   */
  tables: Record<string, Table3Rows>;
}

/** `onProgress(done, total)`: rows handled so far, of all data rows. */
export type ImportProgress = (done: number, total: number) => void;
