/**
 * What `bench/portal.bench.ts` needs besides its figures: varied valid applicants (居民身份证 and
 * 统一社会信用代码 whose check characters the domain's own validators pick), a small PNG, the
 * multipart body, loopback source addresses, one POST over a keep-alive agent, the server child.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { crc32, deflateSync } from "node:zlib";
import { isResidentIdNumber, isUnifiedSocialCreditCode } from "../src/domain/identity-numbers.ts";
import type { Applicant } from "../src/services/application-types.ts";

/** A small seeded generator (mulberry32), so two runs send the same applicants. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;
const digits = (random: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join("");

const AREAS = ["110105", "310104", "440106", "330106", "510107", "420106", "320102", "610113", "370102"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"];
const GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "建华"];
const ORG_TYPES = [
  "commercial_enterprise",
  "research_institution",
  "social_welfare_org",
  "legal_service_org",
  "other_org",
] as const;
const ORG_NAMES = [
  "恒信建材有限公司",
  "城乡发展研究院",
  "阳光助残服务中心",
  "明理律师事务所",
  "青禾农业合作社",
];
const SUBJECTS = [
  "农村危房改造补助资金的发放名单",
  "征收土地的批准文件和补偿安置方案",
  "道路拓宽工程的环境影响评价报告",
  "城镇老旧小区改造项目的招标文件",
  "最低生活保障对象的审核标准",
  "河道整治工程的预算和决算",
];
const DELIVERY = ["纸质文本邮寄", "当面领取", "电子邮件", "网上下载"];

/** A 居民身份证号码: the check character is the one of eleven that the domain's validator accepts. */
export function residentId(random: () => number): string {
  const year = 1950 + Math.floor(random() * 56);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
  const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
  const body = `${pick(random, AREAS)}${year}${month}${day}${digits(random, 3)}`;
  const id = [..."0123456789X"].map((c) => body + c).find((s) => isResidentIdNumber(s));
  if (!id) throw new Error(`no check character fits ${body}`);
  return id;
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A 统一社会信用代码 (企业 91…): the check character is the one the domain's validator accepts. */
export function unifiedSocialCreditCode(random: () => number): string {
  const serial = Array.from({ length: 9 }, () => pick(random, [...USCC_CHARS])).join("");
  const body = `91${pick(random, AREAS)}${serial}`;
  const code = [...USCC_CHARS].map((c) => body + c).find((s) => isUnifiedSocialCreditCode(s));
  if (!code) throw new Error(`no check character fits ${body}`);
  return code;
}

const personName = (random: () => number) => pick(random, SURNAMES) + pick(random, GIVEN);
const mobile = (random: () => number) => `1${pick(random, ["3", "5", "7", "8", "9"])}${digits(random, 9)}`;

/** The n-th applicant: three in four natural persons, the others organisations of every kind. */
export function applicantOf(random: () => number, n: number): Applicant {
  const phone = mobile(random);
  const email = random() < 0.5 ? `applicant${n}@example.cn` : undefined;
  if (random() < 0.75) {
    return {
      type: "natural_person",
      name: personName(random),
      idType: "resident_id",
      idNumber: residentId(random),
      phone,
      ...(email ? { email } : {}),
    } as Applicant;
  }
  return {
    type: pick(random, ORG_TYPES),
    name: `${pick(random, ["海淀", "浦东", "天河", "西湖", "锦江"])}${pick(random, ORG_NAMES)}`,
    idType: "uscc",
    idNumber: unifiedSocialCreditCode(random),
    legalRepresentative: personName(random),
    contactPerson: personName(random),
    phone,
    ...(email ? { email } : {}),
  } as Applicant;
}

/** What an applicant asks for (varied) and how to receive it. */
export function requestOf(random: () => number, n: number): { description: string; deliveryForm: string } {
  return {
    description: `${2020 + (n % 6)}年本镇${pick(random, SUBJECTS)}`,
    deliveryForm: pick(random, DELIVERY),
  };
}

/** An 8×8 RGB PNG of one colour (`n` picks it), about 80 bytes: a valid image the sniffer accepts. */
export function smallPng(n: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const row = Buffer.from([
    0,
    ...Array.from({ length: 8 }, () => [n & 255, (n >> 8) & 255, (n >> 16) & 255]).flat(),
  ]);
  const pixels = Buffer.concat(Array.from({ length: 8 }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A multipart/form-data body: text fields, then files under one field name. */
export function multipartBody(
  fields: Record<string, string>,
  files: { field: string; name: string; type: string; content: Buffer }[],
): { body: Buffer; contentType: string } {
  const boundary = `----ogi-bench-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Loopback source addresses, each used for at most `quota` requests: 127.1.0.1, 127.1.0.2, …
 * (Linux routes all of 127/8 to lo). A new address is a new keep-alive connection.
 */
export function makeAddresses(quota: number): () => () => string {
  let next = 0;
  const take = () => {
    const i = next++;
    return `127.${1 + Math.floor(i / (254 * 256))}.${Math.floor(i / 254) % 256}.${1 + (i % 254)}`;
  };
  return () => {
    let address = take();
    let used = 0;
    return () => {
      if (used === quota) {
        address = take();
        used = 0;
      }
      used++;
      return address;
    };
  };
}

export interface Reply {
  status: number;
  text: string;
}

/** One POST on a keep-alive agent from a loopback source address; a socket error is status 0. */
export function post(
  agent: http.Agent,
  url: string,
  localAddress: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<Reply> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        localAddress,
        headers: { "content-length": String(body.length), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", (e) => resolve({ status: 0, text: String(e) }));
      },
    );
    req.on("error", (e) => resolve({ status: 0, text: String(e) }));
    req.end(body);
  });
}

/** What the server child answers over IPC. */
export interface ServerCounts {
  onlineSubmissions: number;
  applications: number;
  documents: number;
}

/** The API server as a child process (bench/portal-bench-server.ts), once it printed its URL. */
export function startServerChild(
  settings: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      new URL("./portal-bench-server.ts", import.meta.url).pathname,
      JSON.stringify(settings),
    ],
    { stdio: ["ignore", "pipe", "pipe", "ipc"] },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`the server exited ${code} before it was ready:\n${output}`)),
    );
  });
}

/** Asks the server child for its row counts. */
export function askCounts(child: ChildProcess): Promise<ServerCounts> {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m as ServerCounts));
    child.send("counts");
  });
}

/** Asks the server child to stop its system and exit. */
export function stopServerChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    if (child.connected) child.send("stop");
    else child.kill("SIGTERM");
  });
}
