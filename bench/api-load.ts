/**
 * bench:api's client, in a process of its own so that the server's CPU is the server's: 32
 * keep-alive connections (http.Agent), each working through its cases' consultation pairs in
 * order. Told by the parent over IPC what to run; answers latencies (ms) and body bytes.
 */
import http from "node:http";

export interface LoadRequest {
  base: string;
  token: string;
  /** One list of case ids per client. */
  casesByClient: string[][];
  pairsPerCase: number;
  minimal: boolean;
}

export interface LoadReply {
  latencies: number[];
  bytes: number[];
  seconds: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(
  url: URL,
  token: string,
  body: string,
  minimal: boolean,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
          ...(minimal ? { prefer: "return=minimal" } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function run(r: LoadRequest): Promise<LoadReply> {
  const latencies: number[] = [];
  const bytes: number[] = [];
  const started = performance.now();
  await Promise.all(
    r.casesByClient.map(async (ids) => {
      for (const id of ids) {
        const url = new URL(`/api/v1/applications/${id}/actions`, r.base);
        for (let p = 1; p <= r.pairsPerCase; p++) {
          for (const body of [
            { type: "start_consultation", on: "2026-03-04", party: "third_party", name: "第三方" },
            { type: "end_consultation", on: "2026-03-04", consultationId: `c${p}` },
          ]) {
            const t = performance.now();
            const res = await post(url, r.token, JSON.stringify(body), r.minimal);
            latencies.push(performance.now() - t);
            if (res.status !== 200) throw new Error(`action failed: ${res.status} ${res.text}`);
            bytes.push(Buffer.byteLength(res.text));
          }
        }
      }
    }),
  );
  return { latencies, bytes, seconds: (performance.now() - started) / 1000 };
}

process.on("message", (message: LoadRequest) => {
  run(message).then(
    (reply) => process.send?.(reply),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
