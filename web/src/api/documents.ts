/**
 * Case documents (issue 12): GET/POST /api/v1/applications/:id/documents and the download of one.
 */
import type { DocumentKind } from "@domain/document-kinds.ts";
import { ApiError, api, csrfHeader, responseError } from "./client.ts";
import type { components } from "./generated/openapi.ts";

/** A case document as listed (its kind is one of DocumentKind). */
export type CaseDocument = components["schemas"]["CaseDocument"];

const base = (applicationId: string) => `/api/v1/applications/${encodeURIComponent(applicationId)}/documents`;

export const listDocuments = (applicationId: string, signal?: AbortSignal) =>
  api.get<CaseDocument[]>(base(applicationId), undefined, signal);

export const documentUrl = (applicationId: string, documentId: string) =>
  `${base(applicationId)}/${encodeURIComponent(documentId)}`;

/** Uploads one file as multipart/form-data (the browser streams it); the server's message on refusal. */
export async function uploadDocument(
  applicationId: string,
  kind: DocumentKind,
  file: File,
): Promise<CaseDocument> {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch(base(applicationId), {
      method: "POST",
      headers: { Accept: "application/json", ...csrfHeader() },
      credentials: "same-origin",
      body: form,
    });
  } catch {
    throw new ApiError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!res.ok) throw await responseError(res);
  return (await res.json()) as CaseDocument;
}
