import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { AppError } from "../app-error.ts";

const run = promisify(execFile);

/** DOCX bytes → PDF bytes. */
export type DocxToPdf = (docx: Buffer) => Promise<Buffer>;

export interface SofficeOptions {
  /** The LibreOffice program (default `soffice` on the PATH). */
  command?: string;
  /** Milliseconds one conversion may take (default 120 000: the first start of a profile is slow). */
  timeoutMs?: number;
  /** Where the working folders go (default: the system's temporary folder). */
  tmpDir?: string;
}

/** The message when LibreOffice is not installed: what to install, in one line. */
export const SOFFICE_MISSING =
  "未安装 LibreOffice（soffice），已出具的文书暂不能转为 PDF 存档（文书本身已出具，DOCX 可下载）：请系统管理员安装（Debian：apt-get install libreoffice-writer-nogui），转换将自动补做";

/**
 * Converts with LibreOffice headless. One user profile per converter, reused (a fresh profile
 * costs about 2 s per conversion), so its conversions run one at a time: two soffice processes
 * cannot share a profile. The profile is removed when the process exits. A missing `soffice` is a
 * 503 saying what to install; a failed conversion a 500. The PDF is checked to start with %PDF.
 */
export function makeSofficeConverter(options: SofficeOptions = {}): DocxToPdf {
  const root = options.tmpDir ?? tmpdir();
  const profile = join(root, `ogi-soffice-profile-${process.pid}-${randomBytes(4).toString("hex")}`);
  process.once("exit", () => rmSync(profile, { recursive: true, force: true }));
  let queue: Promise<unknown> = Promise.resolve();
  const convertOne = async (docx: Buffer): Promise<Buffer> => {
    const dir = await mkdtemp(join(root, "ogi-pdf-"));
    try {
      const input = join(dir, "letter.docx");
      await writeFile(input, docx);
      try {
        await run(
          options.command ?? "soffice",
          [
            `-env:UserInstallation=file://${profile}`,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            input,
          ],
          { timeout: options.timeoutMs ?? 120_000 },
        );
      } catch (error) {
        if ((error as { code?: unknown }).code === "ENOENT") {
          throw new AppError("unavailable", { message: SOFFICE_MISSING, cause: error });
        }
        throw new AppError("internal", { message: "LibreOffice 转换文书为 PDF 失败", cause: error });
      }
      // soffice exits 0 even when it wrote nothing (an unreadable input): the file is the proof
      const pdf = await readFile(join(dir, "letter.pdf")).catch(() => undefined);
      if (pdf?.subarray(0, 5).toString("latin1") !== "%PDF-") {
        throw new AppError("internal", { message: "LibreOffice 未生成 PDF 文件" });
      }
      return pdf;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  return (docx) => {
    const result = queue.then(() => convertOne(docx));
    // the next conversion waits for this one, whatever its outcome (the caller sees the error)
    queue = result.catch(() => undefined);
    return result;
  };
}
