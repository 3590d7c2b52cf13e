import { UnrecoverableError } from "bullmq";

/**
 * A job that must never be retried (malformed data, a job kind this version does not know):
 * BullMQ fails it at once. Every other error is retried with backoff.
 */
export class PermanentJobError extends UnrecoverableError {
  override readonly name = "PermanentJobError";
}
