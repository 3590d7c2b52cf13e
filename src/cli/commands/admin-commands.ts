import { parseArgs } from "node:util";
import { loadSettings } from "../../../config/settings.ts";
import { isAppError } from "../../app-error.ts";
import { DEMO_PASSWORD } from "../../demo/demo-agencies.ts";
import { loadDemo } from "../../demo/load-demo.ts";
import { ROLES, type Role } from "../../domain/roles.ts";
import { AGENCY_KINDS, type AgencyKindId } from "../../domain/vocabulary.ts";
import { skipNoticeBacklog } from "../../notices/collect-notices.ts";
import { SYSTEM_ACTOR } from "../../services/actor.ts";
import { makeAppealService } from "../../services/appeal-service.ts";
import { bootstrapAdmin, type Core, openCore, todayOf } from "../../system/open-core.ts";
import { CliError } from "../cli-error.ts";

export const ADMIN_USAGE = `      ogi migrate                                   建立或升级数据库
      ogi agency add --code 代码 --name 名称 --kind government|department|township [--parent 上级代码]
      ogi user add --username 用户名 --password 密码 --name 姓名 --agency 机关代码 --roles intake,handler,...
                   [--email 邮箱]
      ogi demo                                      载入示范数据（临猗县及所属机关、2021年以来的申请）`;

async function withCore<T>(fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore(loadSettings(), {});
  try {
    return await fn(core);
  } catch (e) {
    if (isAppError(e)) throw new CliError(e.message);
    throw e;
  } finally {
    await core.close();
  }
}

type ParseOptions = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

function parse(args: string[], options: ParseOptions) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | undefined
    >;
  } catch (e) {
    throw new CliError(`参数有误：${(e as Error).message}\n${ADMIN_USAGE}`);
  }
}

function required(values: Record<string, string | undefined>, key: string, label: string): string {
  const v = values[key]?.trim();
  if (!v) throw new CliError(`缺少 --${key}（${label}）\n${ADMIN_USAGE}`);
  return v;
}

export async function runMigrateCommand(_args: string[], out: (l: string) => void): Promise<number> {
  await withCore(async (core) => {
    const line = await bootstrapAdmin(core);
    if (line) out(line);
  });
  out("数据库已是最新结构");
  return 0;
}

export async function runAgencyCommand(args: string[], out: (l: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new CliError(`用法：\n${ADMIN_USAGE}`);
  const v = parse(rest, {
    code: { type: "string" },
    name: { type: "string" },
    kind: { type: "string" },
    parent: { type: "string" },
  });
  const kind = required(v, "kind", "机关类型");
  if (!(AGENCY_KINDS as readonly string[]).includes(kind))
    throw new CliError(`--kind 应为 ${AGENCY_KINDS.join("、")} 之一，收到“${kind}”`);
  const input = {
    code: required(v, "code", "机关代码"),
    name: required(v, "name", "机关名称"),
    kind: kind as AgencyKindId,
    parentCode: v.parent,
  };
  await withCore((core) => core.accounts.createAgency(input));
  out(`已添加机关 ${input.code}（${input.name}）`);
  return 0;
}

export async function runUserCommand(args: string[], out: (l: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new CliError(`用法：\n${ADMIN_USAGE}`);
  const v = parse(rest, {
    username: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
    agency: { type: "string" },
    roles: { type: "string" },
    email: { type: "string" },
  });
  const roles = required(v, "roles", "角色")
    .split(",")
    .map((r) => r.trim());
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length > 0) throw new CliError(`未知角色：${bad.join("、")}；可用角色：${ROLES.join("、")}`);
  const password = required(v, "password", "密码");
  if (password.length < 8) throw new CliError("密码至少 8 位");
  // The operator at the server grants any role; the account audit names the system as the actor.
  const user = await withCore((core) =>
    core.accounts.createUser(
      {
        username: required(v, "username", "用户名"),
        password,
        displayName: required(v, "name", "姓名"),
        agencyCode: required(v, "agency", "机关代码"),
        roles: roles as Role[],
        email: v.email,
      },
      SYSTEM_ACTOR,
    ),
  );
  out(`已添加用户 ${user.username}（${user.displayName}，${user.agencyName}）`);
  return 0;
}

export async function runDemoCommand(_args: string[], out: (l: string) => void): Promise<number> {
  await withCore(async (core) => {
    const line = await bootstrapAdmin(core);
    if (line) out(line);
    const summary = await loadDemo({
      accounts: core.accounts,
      applications: core.applications,
      reports: core.reports,
      appeals: makeAppealService({ db: core.database.db, applications: core.applications, now: core.now }),
      calendar: await core.calendars.get(),
      today: todayOf(core),
    });
    // the demo's history is nobody's: no notice of it ever goes out
    if (summary)
      await skipNoticeBacklog({
        db: core.database.db,
        calendars: core.calendars,
        now: core.now,
        recentWorkdays: 0,
      });
    if (!summary) out("示范数据已存在（机关 lyx），未重复载入");
    else
      out(
        `已载入示范数据：${summary.agencies} 个机关、${summary.users} 个用户、${summary.applications} 件申请；示范用户密码：${DEMO_PASSWORD}（如 myz-clerk、myz-handler、myz-approver、myz-admin、lyx-supervisor）`,
      );
  });
  return 0;
}
