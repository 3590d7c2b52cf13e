import type { Channel } from "../api/types.ts";

/**
 * art. 31: the receipt date by channel, and the evidence the intake form asks for
 * (DOMAIN.md §4). The receipt date is the evidence date; never the moment of entry.
 */
export const RECEIPT_EVIDENCE: Record<Channel, { label: string; help: string }> = {
  in_person: { label: "当面提交日期", help: "当面提交的，以申请人提交之日为收到申请之日" },
  post: { label: "签收日期", help: "以邮政、快递等需要签收的方式提交的，以行政机关签收之日为收到申请之日" },
  ordinary_letter: {
    label: "确认收到日期",
    help: "以平常信函等无需签收的方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日",
  },
  online: { label: "双方确认日期", help: "通过互联网渠道提交的，以双方确认之日为收到申请之日" },
  fax: { label: "双方确认日期", help: "通过传真提交的，以双方确认之日为收到申请之日" },
};
