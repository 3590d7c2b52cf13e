import { createHmac } from "node:crypto";

/**
 * The SMS gateway interface (issue 12): one HTTP webhook in the shape the common Chinese SMS
 * services take (a template id and its parameters, the signature name), in front of whichever
 * service the deployment contracts. The request:
 *
 *   POST SMS_WEBHOOK_URL
 *   Content-Type: application/json
 *   X-Timestamp: <milliseconds since 1970>
 *   X-Signature: hex(HMAC-SHA256(SMS_WEBHOOK_SECRET, `${X-Timestamp}.${body}`))   (with a secret)
 *   {"phone":"13800138000","templateId":"OGI_SUPPLEMENT","signName":"政务公开",
 *    "params":{"agency":"…","trackingNo":"…",…},"outId":"ogi-notice-42"}
 *
 * `outId` is the same for every attempt of one notice (the services' idempotency field). Any
 * answer but 2xx is a failure; the relay retries it with backoff.
 */
export interface SmsMessage {
  /** The applicant's mobile number, 11 digits. */
  phone: string;
  templateId: string;
  params: Record<string, string>;
  /** The same for every attempt of one message. */
  outId: string;
}

export interface SmsGateway {
  /** Rejects with an `SmsError` when the gateway did not accept the message. */
  send(message: SmsMessage): Promise<void>;
}

/** A failed SMS: its `code` (`http_503`, `timeout`, `network`) carries no personal data. */
export class SmsError extends Error {
  constructor(readonly code: string) {
    super(`SMS gateway: ${code}`);
    this.name = "SmsError";
  }
}

export interface SmsWebhookOptions {
  url: string;
  /** HMAC key; without it the request carries no X-Signature. */
  secret?: string | undefined;
  signName: string;
  /** Milliseconds before the request is abandoned. Default: 10000. */
  timeoutMs?: number;
}

/** The signature of one request, as the gateway recomputes it. */
export function signSmsRequest(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function createSmsWebhook(options: SmsWebhookOptions): SmsGateway {
  return {
    async send(message) {
      const body = JSON.stringify({
        phone: message.phone,
        templateId: message.templateId,
        signName: options.signName,
        params: message.params,
        outId: message.outId,
      });
      const timestamp = String(Date.now());
      const headers: Record<string, string> = {
        "content-type": "application/json; charset=utf-8",
        "x-timestamp": timestamp,
      };
      if (options.secret) headers["x-signature"] = signSmsRequest(options.secret, timestamp, body);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: "POST",
          headers,
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (err) {
        const name = (err as { name?: string }).name;
        throw new SmsError(name === "TimeoutError" || name === "AbortError" ? "timeout" : "network");
      }
      // read the answer so the connection is released; its words are not kept (they may echo the phone)
      await response.arrayBuffer().catch(() => undefined);
      if (response.status < 200 || response.status > 299) throw new SmsError(`http_${response.status}`);
    },
  };
}

/** The 11-digit mainland mobile number in a phone field, or undefined (a landline gets no SMS). */
export function mobileNumberOf(phone: unknown): string | undefined {
  if (typeof phone !== "string") return undefined;
  const m = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(phone.replace(/[\s-]/g, ""));
  return m?.[1];
}
