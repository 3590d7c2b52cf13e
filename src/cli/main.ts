import { formatErrorForCli } from "../log-safe-error.ts";
import { CliError } from "./cli-error.ts";
import {
  ADMIN_USAGE,
  runAgencyCommand,
  runDemoCommand,
  runMigrateCommand,
  runUserCommand,
} from "./commands/admin-commands.ts";
import { CALENDAR_USAGE, runCalendarCommand } from "./commands/calendar-command.ts";
import { DEADLINE_USAGE, runDeadlineCommand } from "./commands/deadline-command.ts";
import { IMPORT_USAGE, runImportCommand } from "./commands/import-command.ts";
import { runServeCommand, runStartCommand, START_USAGE } from "./commands/start-command.ts";
import { runWorkerCommand, WORKER_USAGE } from "./commands/worker-command.ts";

type Command = (args: string[], out: (line: string) => void) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  calendar: runCalendarCommand,
  deadline: runDeadlineCommand,
  migrate: runMigrateCommand,
  agency: runAgencyCommand,
  user: runUserCommand,
  demo: runDemoCommand,
  import: runImportCommand,
  start: runStartCommand,
  serve: runServeCommand,
  worker: runWorkerCommand,
};

const USAGE = `ogi：政府信息公开申请办理系统

命令：
${CALENDAR_USAGE}
${DEADLINE_USAGE}
${ADMIN_USAGE}
${IMPORT_USAGE}
${START_USAGE}
${WORKER_USAGE}`;

/** Runs one command; returns the exit code. Usage errors print in Chinese and exit 2. */
export async function main(
  argv: string[],
  out = (l: string) => console.log(l),
  err = (l: string) => console.error(l),
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`未知命令“${name}”。\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, out);
  } catch (e) {
    if (e instanceof CliError) {
      err(e.message);
      return e.exitCode;
    }
    // not Node's dump of the error: a database error carries the query's parameters (personal data)
    err(`命令执行失败：${formatErrorForCli(e)}`);
    return 1;
  }
}
