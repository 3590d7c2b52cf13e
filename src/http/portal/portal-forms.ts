import type { Request, Response } from "express";
import { AppError } from "../../app-error.ts";
import type { PortalFile } from "../../portal/portal-service.ts";
import { type MultipartBody, readMultipartUpload } from "../documents/read-multipart-upload.ts";
import type { PortalLimits } from "./portal-guard.ts";

/** Text fields of a public form: a request of 5,000 Chinese characters is 15,000 bytes. */
const FORM_FIELD_BYTES = 32 * 1024;

export function isFormRequest(req: Request): boolean {
  return (req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** Answers before a form is read (429, 404): the rest is read and dropped, then the connection closed. */
export function dropBody(req: Request, res: Response): void {
  res.setHeader("Connection", "close");
  req.resume();
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** The applicant's form: text fields and the files under `files`, each spooled to disk. */
export async function readPortalForm(
  req: Request,
  res: Response,
  limits: PortalLimits,
  tmpDir: string | undefined,
): Promise<MultipartBody & { portalFiles: PortalFile[] }> {
  const form = await readMultipartUpload(req, res, {
    fileFields: ["files"],
    maxFiles: limits.maxFiles,
    maxFileBytes: limits.maxFileBytes,
    maxFieldBytes: FORM_FIELD_BYTES,
    tooLargeMessage: `文件过大：每个文件不超过 ${megabytes(limits.maxFileBytes)}，最多 ${limits.maxFiles} 个、合计不超过 ${megabytes(limits.maxFilesBytes)}。扫描件请降低分辨率后再上传`,
    tmpDir,
  });
  const total = form.files.reduce((n, f) => n + f.spooled.size, 0);
  if (total > limits.maxFilesBytes) {
    await form.dispose();
    throw new AppError("payload_too_large", {
      message: `附件合计过大（上限 ${megabytes(limits.maxFilesBytes)}）：请减少或压缩文件后重新提交`,
    });
  }
  return {
    ...form,
    portalFiles: form.files.map((f) => ({
      fileName: f.fileName,
      declaredType: f.declaredType,
      spooled: f.spooled,
    })),
  };
}

/** The submission's fields of a form: `applicant` is a JSON object in a text field. */
export function submissionFields(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  if (fields.applicant !== undefined) {
    try {
      out.applicant = JSON.parse(fields.applicant) as unknown;
    } catch {
      throw new AppError("invalid_input", {
        message: "字段 applicant：应为 JSON 对象（申请人信息）",
        details: [{ field: "applicant", message: "应为 JSON 对象" }],
      });
    }
  }
  return out;
}
