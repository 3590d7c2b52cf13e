import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../src/db/schema.ts";
import type { Mailer, OutgoingMail } from "../../src/mail/create-mailer.ts";
import type { Db } from "../../src/services/case-store.ts";

export interface NotificationOnce {
  /** `sent_notifications.notification_key`: the job id, or `digest-<agency>-<date>`. */
  key: string;
  applicationId: string | null;
  mail: OutgoingMail;
  /** Runs in the same transaction, after the send (e.g. settling the deadline row). */
  alongside?: (trx: Transaction<Database>) => Promise<unknown>;
}

/**
 * Sends a mail once per key, across workers and retries. In ONE transaction: claim the key
 * (a concurrent claim waits on the primary key and then finds it taken), send, run `alongside`.
 * A failed send rolls the claim back, so the job's retry sends it. Only a crash between the
 * SMTP server's acceptance and the commit can send it twice; a lost mail is worse than that.
 * Resolves true when this call sent it, false when it had been sent already.
 */
export async function sendNotificationOnce(
  db: Kysely<Database>,
  mailer: Mailer,
  n: NotificationOnce,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const isSent = await sendNotificationIn(trx, mailer, n);
    // Also when another worker sent it: its transaction settled the same row, so this is a no-op.
    await n.alongside?.(trx);
    return isSent;
  });
}

/** sendNotificationOnce's claim and send, inside the caller's transaction `trx`. */
export async function sendNotificationIn(
  trx: Db,
  mailer: Mailer,
  n: Omit<NotificationOnce, "alongside">,
): Promise<boolean> {
  const claimed = await trx
    .insertInto("sent_notifications")
    .values({
      notification_key: n.key,
      application_id: n.applicationId,
      recipients: [...n.mail.to, ...(n.mail.cc ?? []).map((a) => `cc:${a}`)].join(", "),
      subject: n.mail.subject,
    })
    .onConflict((oc) => oc.column("notification_key").doNothing())
    .returning("notification_key")
    .executeTakeFirst();
  if (claimed) await mailer.send(n.mail);
  return claimed !== undefined;
}
