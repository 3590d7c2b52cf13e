import type { DeliveryMethod } from "../../api/types.ts";
import type { MetaIndex } from "../../session/meta.tsx";
import type { ServedDocument } from "./served-documents.ts";

/** “补正告知书”, “征求意见书（某某建设集团有限公司）”. */
export function documentTitle(d: Pick<ServedDocument, "document" | "partyName">, meta: MetaIndex): string {
  const name = meta.label("outgoingDocuments", d.document);
  return d.partyName ? `${name}（${d.partyName}）` : name;
}

/** The Chinese label of a delivery method, or “未记录” for a document sent before it was recorded. */
export function deliveryLabel(method: DeliveryMethod | undefined, meta: MetaIndex): string {
  return method ? meta.label("deliveryMethods", method) : "未记录";
}
