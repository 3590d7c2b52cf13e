import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/ogi.mjs", import.meta.url));
function ogi(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, TZ: "America/Los_Angeles" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("ogi command (run as a process, in a time zone west of UTC)", () => {
  it("deadline --json prints the reply deadline of the calendar-cn.md example", () => {
    const r = ogi("deadline", "--received", "2026-02-06", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { dueOn: string; provisional: boolean; explanation: string[] };
    expect(json.dueOn).toBe("2026-03-12");
    expect(json.provisional).toBe(false);
    expect(json.explanation.at(-1)).toBe("答复期限：2026-03-12（星期四）");
  });

  it("deadline takes supplements, consultations, fees and extensions", () => {
    const r = ogi(
      "deadline",
      "--received=2026-03-02",
      "--supplement-received=2026-03-04",
      "--consultation=2026-03-05..2026-03-09",
      "--consultation=2026-03-06..2026-03-11",
      "--fee=2026-03-16..2026-03-18",
      "--extend=3",
      "--json",
    );
    expect(r.code).toBe(0);
    // from 03-04: 20 + 3 WD, minus merged (03-05, 03-11] = 4 WD and (03-16, 03-18] = 2 WD → 29 WD after 03-04
    expect(JSON.parse(r.stdout).dueOn).toBe("2026-04-15");
  });

  it("calendar --json classifies a day with its reason", () => {
    const r = ogi("calendar", "2026-02-14", "--json");
    expect(JSON.parse(r.stdout)).toEqual({
      date: "2026-02-14",
      workday: true,
      provisional: false,
      reason: "春节调休上班（星期六）",
    });
    const p = JSON.parse(ogi("calendar", "2027-01-01", "--json").stdout);
    expect(p).toMatchObject({ date: "2027-01-01", workday: false, provisional: true });
  });

  it.each([
    [["deadline"], "缺少 --received"],
    [["deadline", "--received", "2026-02-30"], "不是有效日期"],
    [["deadline", "--received", "2026-03-02", "--extend", "21"], "1 到 20"],
    [["deadline", "--received", "2026-03-02", "--consultation", "2026-03-09..2026-03-05"], "早于开始日期"],
    [["deadline", "--received", "2026-03-02", "--bogus"], "参数有误"],
    [["calendar", "昨天"], "不是有效日期"],
    [["frobnicate"], "未知命令"],
  ])("ogi %j fails with a clear Chinese message", (args, message) => {
    const r = ogi(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });
});
