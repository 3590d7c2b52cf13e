import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadSettings } from "../../../config/settings.ts";
import { isAppError } from "../../app-error.ts";
import { authorizeLedgerAccess } from "../../imports/authorize-ledger-access.ts";
import { formatImportSummary } from "../../imports/format-import-summary.ts";
import { importLedger } from "../../imports/import-ledger.ts";
import { ledgerImportActor } from "../../imports/ledger-import-actor.ts";
import { readLedgerWorkbook } from "../../imports/read-ledger-workbook.ts";
import { SYSTEM_ACTOR } from "../../services/actor.ts";
import { openCore } from "../../system/open-core.ts";
import { CliError } from "../cli-error.ts";

export const IMPORT_USAGE = `      ogi import 台账.xlsx --agency 机关代码 [--dry-run] [--amendment-reason 理由]
                                                    导入台账（--dry-run：只校验并给出导入后的表三）`;

const OPTIONS = {
  agency: { type: "string" },
  "dry-run": { type: "boolean" },
  "amendment-reason": { type: "string" },
} as const;

function parse(args: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [file, ...extra] = positionals;
    if (file === undefined) throw new CliError(`缺少台账文件。\n用法：\n${IMPORT_USAGE}`);
    if (extra.length > 0) throw new CliError(`多余的参数：${extra.join(" ")}\n用法：\n${IMPORT_USAGE}`);
    if (!values.agency?.trim()) throw new CliError(`缺少 --agency（机关代码）。\n用法：\n${IMPORT_USAGE}`);
    return {
      file,
      agency: values.agency.trim(),
      dryRun: values["dry-run"] === true,
      reason: values["amendment-reason"],
    };
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`参数有误：${(e as Error).message}\n用法：\n${IMPORT_USAGE}`);
  }
}

/** Prints `进度：done/total` at 0 and every further tenth. */
function progressPrinter(out: (line: string) => void) {
  let shown = -1;
  return (done: number, total: number) => {
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    if (tenth === shown) return;
    shown = tenth;
    out(`进度：${done}/${total}`);
  };
}

/**
 * `ogi import 台账.xlsx --agency CODE [--dry-run]`: the ledger import as the system (a system
 * administrator's rights; the log names the actor “system”). Exit 0 when every row passed, 1 when
 * any row has an error (then nothing is written) or the file is refused, 2 for a usage error.
 */
export async function runImportCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { file, agency: code, dryRun, reason } = parse(args);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CliError(`无法读取文件“${file}”：${(e as Error).message}`, 1);
  }
  const core = await openCore(loadSettings(), {});
  try {
    const sheet = await readLedgerWorkbook(bytes);
    const agency = await authorizeLedgerAccess(core.database.db, SYSTEM_ACTOR, code);
    out(`台账 ${file} → ${agency.name}（${agency.code}）${dryRun ? "：校验，不写入" : "：正式导入"}`);
    const result = await importLedger(
      { applications: core.applications, calendars: core.calendars },
      {
        agency,
        actor: ledgerImportActor(SYSTEM_ACTOR, agency),
        sheet,
        dryRun,
        amendmentReason: reason,
        onProgress: progressPrinter(out),
      },
    );
    for (const line of formatImportSummary(result, dryRun)) out(line);
    return result.errors.length > 0 ? 1 : 0;
  } catch (e) {
    if (isAppError(e)) throw new CliError(e.message, 1);
    throw e;
  } finally {
    await core.close();
  }
}
