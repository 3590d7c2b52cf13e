import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the SMS sink received, as sent. */
export interface SunkSms {
  headers: Record<string, string | string[] | undefined>;
  /** The raw JSON body (the signature covers these bytes). */
  raw: string;
  body: {
    phone: string;
    templateId: string;
    signName: string;
    params: Record<string, string>;
    outId: string;
  };
}

export interface SmsSink {
  url: string;
  received: SunkSms[];
  /** The status the sink answers with (default 200). */
  status: number;
  stop(): Promise<void>;
}

/** A real HTTP server on a loopback port standing in for the SMS gateway's webhook. */
export async function startSmsSink(): Promise<SmsSink> {
  const sink: SmsSink = { url: "", received: [], status: 200, stop: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      sink.received.push({ headers: req.headers, raw, body: JSON.parse(raw) as SunkSms["body"] });
      res.statusCode = sink.status;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(sink.status === 200 ? { code: "OK" } : { code: "ERROR" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  sink.url = `http://127.0.0.1:${port}/sms`;
  sink.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
