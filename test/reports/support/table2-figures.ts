/** Table 二 figures of the 2021 edition, all zero (a township with nothing to report). */
export const ZERO_TABLE2_2021 = {
  regulations: { issued: 0, repealed: 0, in_force: 0 },
  normative_documents: { issued: 0, repealed: 0, in_force: 0 },
  administrative_licensing: { decisions: 0 },
  administrative_punishment: { decisions: 0 },
  administrative_enforcement: { decisions: 0 },
  administrative_fees: { amount_wan_yuan: 0 },
};

/** Table 二 figures of the 2021 edition with a value in every cell. */
export const SAMPLE_TABLE2_2021 = {
  regulations: { issued: 1, repealed: 0, in_force: 3 },
  normative_documents: { issued: 6, repealed: 2, in_force: 9 },
  administrative_licensing: { decisions: 152 },
  administrative_punishment: { decisions: 37 },
  administrative_enforcement: { decisions: 4 },
  administrative_fees: { amount_wan_yuan: 12.5 },
};
