import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import nodemailer from "nodemailer";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivatePostgres } from "../../src/runtime/private-postgres.ts";
import { startPrivateRedis } from "../../src/runtime/private-redis.ts";
import { freshPostgresUrl, freshQueuePrefix, freshRedisUrl, redisUrl } from "./services.ts";
import { type SmtpSink, startSmtpSink } from "./smtp-sink.ts";

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The real user id a process runs as, from /proc. */
function uidOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("Uid:"));
  return Number(line?.split(/\s+/)[1]);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("private Redis", () => {
  it("starts on loopback with noeviction, answers, and stops with its port closed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ogi-redis-test-"));
    try {
      const redis = await startPrivateRedis({ dataDir });
      expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
      const client = new Redis(redis.url);
      expect(await client.ping()).toBe("PONG");
      expect(await client.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
      expect(await client.config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
      expect(await client.config("GET", "bind")).toEqual(["bind", "127.0.0.1"]);
      await client.set("答复期限", "2026-03-12");
      expect(await client.get("答复期限")).toBe("2026-03-12");
      client.disconnect();

      await redis.stop();
      expect(isProcessAlive(redis.pid)).toBe(false);
      expect(await isPortOpen(redis.port)).toBe(false);
      await redis.stop(); // idempotent
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("gives each caller of the run's shared Redis its own database and queue prefix", async () => {
    const [a, b] = await Promise.all([freshRedisUrl(), freshRedisUrl()]);
    expect(a).not.toBe(b);
    expect(a.startsWith(`${redisUrl()}/`)).toBe(true);
    expect(freshQueuePrefix()).not.toBe(freshQueuePrefix());

    const clientA = new Redis(a);
    const clientB = new Redis(b);
    await clientA.set("k", "a");
    expect(await clientB.get("k")).toBeNull();
    expect(await clientA.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
    clientA.disconnect();
    clientB.disconnect();
  });
});

describe("private PostgreSQL", () => {
  it("the run's cluster runs as a non-root user, on loopback, tuned for tests", async () => {
    const url = await freshPostgresUrl();
    const [row] = await query<Record<string, string>>(
      url,
      `select pg_backend_pid()::text as pid, current_setting('data_directory') as data_directory,
              current_setting('listen_addresses') as listen, current_setting('fsync') as fsync,
              current_setting('server_encoding') as encoding`,
    );
    expect(row).toMatchObject({ listen: "127.0.0.1", fsync: "off", encoding: "UTF8" });
    // the backend of a closed connection may already be gone: ask about the postmaster
    const postmasterPid = Number(
      readFileSync(`${String(row?.data_directory)}/postmaster.pid`, "utf8").split("\n")[0],
    );
    expect(uidOf(postmasterPid)).not.toBe(0);
    expect(statSync(String(row?.data_directory)).uid).not.toBe(0);
  });

  it("freshPostgresUrl gives independent databases", async () => {
    const [a, b] = await Promise.all([freshPostgresUrl(), freshPostgresUrl()]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/t_[0-9a-f]{10}$/);
    await query(a, "create table cases (id int primary key, subject text)");
    await query(a, "insert into cases values (1, '政府信息公开申请')");
    expect(await query(a, "select subject from cases")).toEqual([{ subject: "政府信息公开申请" }]);
    expect(await query(b, "select to_regclass('cases') as t")).toEqual([{ t: null }]);
  });

  it("a cluster of its own: createDatabase, then stop() closes the port and removes the folder", async () => {
    const baseDir = mkdtempSync(join(tmpdir(), "ogi-pg-test-"));
    const postgres = await startPrivatePostgres({ baseDir });
    try {
      expect(uidOf(postgres.pid)).toBe(process.getuid?.() === 0 ? statSync(baseDir).uid : process.getuid?.());
      expect(uidOf(postgres.pid)).not.toBe(0);
      const [one, two] = await Promise.all([postgres.createDatabase("one"), postgres.createDatabase("two")]);
      expect([one, two]).toEqual([
        `postgres://postgres@127.0.0.1:${postgres.port}/one`,
        `postgres://postgres@127.0.0.1:${postgres.port}/two`,
      ]);
      await query(one, "create table t (x int)");
      expect(await query(two, "select to_regclass('t') as t")).toEqual([{ t: null }]);
      await expect(postgres.createDatabase("Robert'); drop")).rejects.toThrow(/invalid database name/);
    } finally {
      await postgres.stop();
    }
    expect(await isPortOpen(postgres.port)).toBe(false);
    expect(existsSync(baseDir)).toBe(false);
  });
});

describe("SMTP sink", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
  });

  it("receives a mail sent with nodemailer and decodes its Chinese subject", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: sink.port,
      secure: false,
      auth: { user: "ogi", pass: "any password" },
    });
    const subject = "【提醒】答复期限 2026-03-12";
    await transport.sendMail({
      from: "政府信息公开办公室 <ogi@example.gov.cn>",
      to: ["clerk@example.gov.cn", "head@example.gov.cn"],
      subject,
      text: "申请编号 2026-0001 的答复期限为 2026-03-12（星期四）。",
    });
    transport.close();

    const mail = await sink.waitFor((m) => m.subject.startsWith("【提醒】"), 5000);
    expect(mail.subject).toBe(subject);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m); // it really was RFC 2047-encoded on the wire
    expect(mail.from).toBe("ogi@example.gov.cn");
    expect(mail.to).toEqual(["clerk@example.gov.cn", "head@example.gov.cn"]);
    expect(mail.text.trim()).toBe("申请编号 2026-0001 的答复期限为 2026-03-12（星期四）。");
    expect(sink.messages).toHaveLength(1);
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
  });

  it("waitFor rejects with the subjects it saw when no mail matches", async () => {
    await expect(sink.waitFor((m) => m.subject === "never", 100)).rejects.toThrow(/【提醒】答复期限/);
  });
});
