/** The result of a fee calculation (国办函〔2020〕109号), as printed on the fee notice. */
export interface FeeResult {
  /** Whole 元. */
  amountYuan: number;
  /** Chinese breakdown, one line per price band, then the total. */
  lines: string[];
}
