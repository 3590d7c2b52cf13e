import type { FileHandle } from "node:fs/promises";
import { AppError } from "../app-error.ts";
import { ACCEPTED_TYPES_TEXT, type DocumentType } from "../domain/document-kinds.ts";

/** How many bytes of the start of a file the type is read from. */
export const HEAD_BYTES = 16;

const EXECUTABLES: readonly { magic: number[]; name: string }[] = [
  { magic: [0x4d, 0x5a], name: "Windows 可执行程序（EXE/DLL）" },
  { magic: [0x7f, 0x45, 0x4c, 0x46], name: "Linux 可执行程序（ELF）" },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], name: "macOS 可执行程序（Mach-O）" },
  { magic: [0xce, 0xfa, 0xed, 0xfe], name: "macOS 可执行程序（Mach-O）" },
  { magic: [0xca, 0xfe, 0xba, 0xbe], name: "可执行程序（Mach-O 或 Java 类文件）" },
  { magic: [0x23, 0x21], name: "脚本程序（#!）" },
];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return magic.length <= head.length && magic.every((b, i) => head[i] === b);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function refused(message: string): AppError {
  return new AppError("invalid_input", { message, details: [{ field: "file", message }] });
}

/**
 * The type of a file from its content: PDF, JPEG and PNG by their signatures; OFD, DOCX and
 * XLSX are ZIP packages told apart by their entries (OFD.xml; [Content_Types].xml with word/ or
 * xl/). Never from the file's name. An executable or script, an empty file, or anything else is
 * a 422 a clerk can act on. `zipEntries` lists a ZIP's entry names (read only for a ZIP).
 */
export async function detectDocumentType(
  head: Uint8Array,
  size: number,
  zipEntries: () => Promise<readonly string[]>,
): Promise<DocumentType> {
  if (size === 0) throw refused("文件为空（0 字节），请选择有内容的文件重新上传");
  const executable = EXECUTABLES.find((e) => startsWith(head, e.magic));
  if (executable) {
    throw refused(
      `该文件实际是${executable.name}，不是文档或图片，已拒绝（文件类型按内容判断，与文件名无关）；可上传的类型：${ACCEPTED_TYPES_TEXT}`,
    );
  }
  if (startsWith(head, PDF)) return "application/pdf";
  if (startsWith(head, PNG)) return "image/png";
  if (startsWith(head, JPEG)) return "image/jpeg";
  if (startsWith(head, ZIP)) {
    const names = await zipEntries();
    const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
    const under = (dir: string) => names.some((n) => n.startsWith(dir));
    if (has("OFD.xml")) return "application/ofd";
    if (has("[Content_Types].xml") && under("word/")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (has("[Content_Types].xml") && under("xl/")) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    throw refused(
      `该文件是 ZIP 压缩包，但不是 OFD、DOCX 或 XLSX 文档，不能上传；请解压后分别上传其中的文档（可上传的类型：${ACCEPTED_TYPES_TEXT}）`,
    );
  }
  throw refused(
    `无法识别该文件的类型（按内容判断，与文件名无关），不能上传；可上传的类型：${ACCEPTED_TYPES_TEXT}。如为其他格式，请先转换为 PDF`,
  );
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
/** A central directory larger than this is not read (no office document has one). */
const MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Where the central directory is (offset, size), from the end record (ZIP64 too); null if none. */
async function findDirectory(
  file: FileHandle,
  size: number,
): Promise<{ offset: number; size: number } | null> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(file, size - tailLength, tailLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    let dirSize = tail.readUInt32LE(i + 12);
    let dirOffset = tail.readUInt32LE(i + 16);
    if ((dirSize === 0xffffffff || dirOffset === 0xffffffff) && i >= 20) {
      if (tail.readUInt32LE(i - 20) !== ZIP64_LOCATOR) return null;
      const record = await readAt(file, Number(tail.readBigUInt64LE(i - 12)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return null;
      dirSize = Number(record.readBigUInt64LE(40));
      dirOffset = Number(record.readBigUInt64LE(48));
    }
    return { offset: dirOffset, size: dirSize };
  }
  return null;
}

/** The entry names of a ZIP file from its central directory (empty when it has none readable). */
export async function readZipEntryNames(file: FileHandle, size: number): Promise<string[]> {
  const dir = await findDirectory(file, size);
  if (!dir || dir.size > MAX_DIRECTORY_BYTES || dir.offset + dir.size > size) return [];
  const data = await readAt(file, dir.offset, dir.size);
  const names: string[] = [];
  let p = 0;
  while (p + 46 <= data.length && data.readUInt32LE(p) === CENTRAL_ENTRY) {
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    names.push(data.subarray(p + 46, p + 46 + nameLength).toString("utf8"));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
