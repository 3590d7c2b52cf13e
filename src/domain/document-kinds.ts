/**
 * The kinds of a case document (issue 12) and the file types accepted, with their Chinese
 * labels: one vocabulary for the API, the store and the web UI.
 */

/** Kinds staff upload by hand; an issued letter's PDF is made by the system when it is issued. */
export const UPLOADABLE_DOCUMENT_KINDS = [
  "application_scan",
  "envelope",
  "id_copy",
  "supplement",
  "consultation_answer",
  "delivery_receipt",
  "other",
] as const;

export const DOCUMENT_KINDS = [...UPLOADABLE_DOCUMENT_KINDS, "issued_letter"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  application_scan: "申请书扫描件",
  envelope: "信封",
  id_copy: "身份证明复印件",
  supplement: "补正材料",
  consultation_answer: "征求意见答复",
  issued_letter: "已出具文书（PDF）",
  delivery_receipt: "送达回证",
  other: "其他材料",
};

/** The types a document may have, decided from its content (never from its name). */
export const DOCUMENT_TYPES = {
  "application/pdf": { label: "PDF", extension: ".pdf" },
  "image/jpeg": { label: "JPEG 图片", extension: ".jpg" },
  "image/png": { label: "PNG 图片", extension: ".png" },
  "application/ofd": { label: "OFD", extension: ".ofd" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    label: "Word（DOCX）",
    extension: ".docx",
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    label: "Excel（XLSX）",
    extension: ".xlsx",
  },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

export function isDocumentKind(value: unknown): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly unknown[]).includes(value);
}

/** The accepted types named for a clerk: PDF、JPEG 图片、…. */
export const ACCEPTED_TYPES_TEXT = Object.values(DOCUMENT_TYPES)
  .map((t) => t.label)
  .join("、");
