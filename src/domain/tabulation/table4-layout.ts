import { APPEAL_RESULT_LABELS } from "../vocabulary.ts";
import { TABLE4_COLUMNS, type Table4Column, type Table4Layout } from "./table4-types.ts";

const COLUMN_LABELS: Record<Table4Column, string> = {
  ...APPEAL_RESULT_LABELS,
  pending: "尚未审结",
  total: "总计",
};

/** The headers of table 四 as the national format lays them out (both editions). */
export const TABLE4_LAYOUT: Table4Layout = Object.freeze<Table4Layout>({
  title: "四、政府信息公开行政复议、行政诉讼情况",
  groups: [
    { label: "行政复议", kinds: ["administrative_review"] },
    { label: "行政诉讼", kinds: ["litigation_direct", "litigation_after_review"] },
  ],
  kindLabels: {
    administrative_review: null,
    litigation_direct: "未经复议直接起诉",
    litigation_after_review: "复议后起诉",
  },
  columns: TABLE4_COLUMNS.map((key) => ({ key, label: COLUMN_LABELS[key] })),
});
