import busboy from "busboy";
import type { Request, Response } from "express";
import { AppError } from "../../app-error.ts";
import { type SpooledFile, spoolUpload } from "../../documents/spool-upload.ts";

/** One file of a multipart body, received in full on local disk (see spoolUpload). */
export interface ReceivedFile {
  /** The form field it came in. */
  field: string;
  /** The name the client sent (UTF-8). */
  fileName: string;
  /** The media type the client declared (not trusted). */
  declaredType: string;
  spooled: SpooledFile;
}

export interface MultipartOptions {
  /** The form fields that may carry a file (others are a 400). */
  fileFields: readonly string[];
  /** How many files at most (default 1). */
  maxFiles?: number;
  /** Largest file, bytes; a larger one is a 413 with `tooLargeMessage`. */
  maxFileBytes: number;
  tooLargeMessage: string;
  /** Where files are spooled. */
  tmpDir?: string | undefined;
  /** Largest text field, bytes (default 10,000; a request's 5,000 characters need 15,000). */
  maxFieldBytes?: number;
}

export interface MultipartBody {
  /** The text fields (the last value of each). */
  fields: Record<string, string>;
  files: ReceivedFile[];
  /** Removes every spooled file (call it once done, stored or not). */
  dispose(): Promise<void>;
}

/** Text fields are short (a kind, a number); the multipart framing adds little. */
const FIELD_BYTES = 10_000;
const OVERHEAD_BYTES = 64 * 1024;

function badRequest(message: string): AppError {
  return new AppError("bad_request", { message });
}

/**
 * Reads a multipart/form-data body with busboy, streaming each file to a temporary file (never
 * held in memory). A too large body or file is a 413 once the rest has been read and dropped
 * (so the client sees the answer, not a reset connection); on any error every spooled file is
 * removed before the error is thrown. The caller stores the files, then calls `dispose`.
 */
export function readMultipartUpload(
  req: Request,
  res: Response,
  options: MultipartOptions,
): Promise<MultipartBody> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "multipart/form-data") {
    throw badRequest(
      `请以 multipart/form-data 表单上传文件（字段 ${options.fileFields.join("、")}），收到的 Content-Type 为“${type || "（无）"}”`,
    );
  }
  const maxFiles = options.maxFiles ?? 1;
  const tooLarge = () => {
    res.setHeader("Connection", "close");
    return new AppError("payload_too_large", { message: options.tooLargeMessage });
  };
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxFiles * options.maxFileBytes + OVERHEAD_BYTES + (options.maxFieldBytes ?? 0)) {
    req.resume();
    throw tooLarge();
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const pending: Promise<ReceivedFile | null>[] = [];
    let failure: AppError | undefined;
    const fail = (e: AppError) => {
      failure ??= e;
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: "utf8",
        limits: {
          files: maxFiles,
          fields: 20,
          parts: maxFiles + 20,
          fieldSize: options.maxFieldBytes ?? FIELD_BYTES,
          fileSize: options.maxFileBytes + 1,
        },
      });
    } catch {
      reject(badRequest("multipart/form-data 请求缺少 boundary 参数，无法读取上传的文件"));
      return;
    }
    const disposeAll = async (files: (ReceivedFile | null)[]) => {
      await Promise.all(files.map((f) => f?.spooled.dispose()));
    };
    parser.on("file", (field, stream, info) => {
      if (!options.fileFields.includes(field)) {
        fail(badRequest(`表单字段“${field}”不能是文件；文件请放在字段 ${options.fileFields.join("、")} 中`));
        stream.resume();
        return;
      }
      const spooling = spoolUpload(stream, {
        maxBytes: options.maxFileBytes,
        tooLargeMessage: options.tooLargeMessage,
        tmpDir: options.tmpDir,
      }).then(
        (spooled) => ({ field, fileName: info.filename ?? "", declaredType: info.mimeType, spooled }),
        (error: unknown) => {
          fail(
            error instanceof AppError && error.code === "payload_too_large"
              ? tooLarge()
              : (error as AppError),
          );
          return null;
        },
      );
      pending.push(spooling);
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(badRequest(`表单字段“${name}”过长`));
      fields[name] = value;
    });
    parser.on("filesLimit", () => fail(badRequest(`一次最多上传 ${maxFiles} 个文件`)));
    parser.on("fieldsLimit", () => fail(badRequest("表单字段过多")));
    parser.on("partsLimit", () => fail(badRequest("表单字段过多")));
    parser.on("error", async () => {
      req.unpipe(parser);
      res.setHeader("Connection", "close");
      await disposeAll(await Promise.all(pending));
      reject(badRequest("上传的表单格式有误（multipart 数据不完整或已损坏），请重新上传"));
    });
    parser.on("close", async () => {
      const files = await Promise.all(pending);
      const received = files.filter((f): f is ReceivedFile => f !== null);
      if (failure) {
        await disposeAll(files);
        reject(failure);
        return;
      }
      resolve({ fields, files: received, dispose: () => disposeAll(received) });
    });
    req.on("aborted", () => parser.destroy());
    req.pipe(parser);
  });
}
