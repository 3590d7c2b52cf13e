import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerWorkbookRow } from "../../src/imports/write-ledger-workbook.ts";
import { ledgerFile } from "./support/ledger-api.ts";

const BIN = fileURLToPath(new URL("../../bin/ogi.mjs", import.meta.url));
/** Each command opens the embedded database from disk: seconds each on a small, busy machine. */
const COMMAND_TIMEOUT = 180_000;

const ROWS: LedgerWorkbookRow[] = [
  {
    编号: "C-1",
    收到日期: "2025-03-03",
    申请方式: "网络申请",
    申请人类型: "自然人",
    申请人: "甲",
    申请内容: "文件一",
    答复日期: "2025-03-10",
    答复结果: "予以公开",
    承办人: "张三",
  },
  {
    编号: "C-2",
    收到日期: "2025-03-03",
    申请方式: "当面申请",
    申请人类型: "商业企业",
    申请人: "乙",
    申请内容: "文件二",
    补正告知日: "2025-03-04",
    答复日期: "2025-03-26",
    答复结果: "逾期不补正",
  },
  {
    编号: "C-3",
    收到日期: "2025-12-29",
    申请方式: "网络申请",
    申请人类型: "科研机构",
    申请人: "丙",
    申请内容: "文件三",
  },
];

describe("ogi import (run as a process on an embedded database)", () => {
  let dir: string;
  const ogi = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL")),
          // the embedded database under a folder of its own, and a fixed today (2026-03-20)
          OGI_DATA_DIR: join(dir, "data"),
          OGI_FAKE_NOW: "2026-03-20T02:00:00Z",
          LOG_LEVEL: "warn",
          TZ: "America/Los_Angeles",
        },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString("utf8");
      });
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString("utf8");
      });
      child.once("error", reject);
      child.once("close", (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ogi-import-cli-"));
    writeFileSync(join(dir, "good.xlsx"), await ledgerFile(ROWS));
    writeFileSync(
      join(dir, "bad.xlsx"),
      await ledgerFile([...ROWS, { ...ROWS[0], 编号: "C-4", 答复结果: "属于国家机密" }]),
    );
    expect(
      (await ogi("agency", "add", "--code", "town", "--name", "某镇人民政府", "--kind", "township")).code,
    ).toBe(0);
    const user = await ogi(
      "user",
      "add",
      "--username",
      "zhang",
      "--password",
      "password-123",
      "--name",
      "张三",
      "--agency",
      "town",
      "--roles",
      "handler",
    );
    expect(user.code, user.stderr).toBe(0);
  }, 2 * COMMAND_TIMEOUT);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    "--dry-run lists every error with its row and column, the tables, and exits 1",
    async () => {
      const r = await ogi("import", join(dir, "bad.xlsx"), "--agency", "town", "--dry-run");
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain("：校验，不写入");
      expect(r.stdout).toContain("进度：0/4");
      expect(r.stdout).toContain("进度：4/4");
      expect(r.stdout).toContain("校验完成（未写入）：共 4 行，可导入 3 行，错误 1 处");
      expect(r.stdout).toMatch(/第 5 行“答复结果”：“属于国家机密”不是表三的办理结果。是否为“属于国家秘密”？/);
      expect(r.stdout).toContain("  2025年：");
      expect(r.stdout).toContain("一、本年新收政府信息公开申请数量：3（自然人 1，商业企业 1，科研机构 1）");
    },
    COMMAND_TIMEOUT,
  );

  it(
    "imports a clean ledger, prints table 三 per year, and exits 0; a second import is refused by 编号",
    async () => {
      const r = await ogi("import", join(dir, "good.xlsx"), "--agency", "town");
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("导入完成：共 3 行，已导入 3 行");
      expect(r.stdout).toContain(
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请：1（商业企业 1）",
      );
      expect(r.stdout).toContain("  2026年：");
      expect(r.stdout).toContain("二、上年结转政府信息公开申请数量：1（科研机构 1）");
      const again = await ogi("import", join(dir, "good.xlsx"), "--agency", "town");
      expect(again.code).toBe(1);
      expect(again.stdout).toContain("未导入：共 3 行，有 3 处错误，全部未写入");
      expect(again.stdout).toContain("第 2 行“编号”：编号“C-1”已是本机关已导入的申请");
    },
    2 * COMMAND_TIMEOUT,
  );

  it("explains usage mistakes in Chinese", async () => {
    const none = await ogi("import");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("缺少台账文件");
    const noAgency = await ogi("import", join(dir, "good.xlsx"));
    expect(noAgency.code).toBe(2);
    expect(noAgency.stderr).toContain("缺少 --agency");
    const missing = await ogi("import", join(dir, "nope.xlsx"), "--agency", "town");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("无法读取文件");
  });
});
