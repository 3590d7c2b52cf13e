// The security suite's records of issue 12: an online application confirmed into a town case
// whose receipt is issued (its PDF frozen), one left pending with a file, a document of the
// town's first case. Through the public portal, the staff's queue and the documents API.
import type { Kysely } from "kysely";
import type { Database } from "../../../src/db/schema.ts";
import { documentsDb } from "../../../src/documents/document-tables.ts";
import type { RunningSystem } from "../../../src/system/start-system.ts";
import { PROBE_APPLICANT } from "./personal-data.ts";
import type { RawRequest, RawResponse, SecurityFixture, SecurityUser } from "./security-system.ts";

export type PortalFixture = Pick<
  SecurityFixture,
  "queryCode" | "verify" | "submissionId" | "documentId" | "submissionDocumentId"
>;

type Api = <T = Record<string, unknown>>(
  as: SecurityUser,
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

const BOUNDARY = "ogi-probe-boundary";
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const FORM = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };

function part(name: string, value: string): Buffer {
  return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
}

/** A PNG in `field`, closing the form. */
function filePart(field: string): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="envelope.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

export async function makePortalFixture(
  api: Api,
  send: (req: RawRequest) => Promise<RawResponse>,
  system: RunningSystem,
  /** The town's first case, which gets the document. */
  applicationId: string,
): Promise<PortalFixture> {
  const applicant = { ...PROBE_APPLICANT, idType: "other" };
  const expect = (what: string, r: { status: number; text: string }, status: number) => {
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text}`);
    return JSON.parse(r.text) as Record<string, unknown>;
  };
  const submitted = expect(
    "submit online",
    await send({
      method: "POST",
      path: "/api/v1/public/applications",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agencyCode: "town", applicant, description: "探测：网上申请的信息" }),
    }),
    201,
  );
  const queue = async () =>
    (
      await api<{ items: { id: string; documents: { id: string }[] }[] }>(
        "clerk",
        "GET",
        "/api/v1/online-submissions",
      )
    ).body.items;
  const first = (await queue())[0]?.id;
  const confirmed = await api<{ id: string }>(
    "clerk",
    "POST",
    `/api/v1/online-submissions/${first}/confirm`,
    {},
  );
  if (confirmed.status !== 201)
    throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  const issued = await api("clerk", "POST", `/api/v1/applications/${confirmed.body.id}/letters/receipt`, {});
  if (issued.status !== 201)
    throw new Error(`issue the receipt: ${issued.status} ${JSON.stringify(issued.body)}`);
  await waitForFrozenReceipt(system.core.database.db, confirmed.body.id);

  expect(
    "submit online with a file",
    await send({
      method: "POST",
      path: "/api/v1/public/applications",
      headers: FORM,
      body: Buffer.concat([
        part("agencyCode", "town"),
        part("applicant", JSON.stringify(applicant)),
        part("description", "探测：附带文件的网上申请"),
        filePart("files"),
      ]),
    }),
    201,
  );
  const pending = (await queue())[0];

  const token = await system.core.accounts.issueToken(
    await userId(system.core.database.db, "clerk"),
    "bearer",
    60,
  );
  const uploaded = expect(
    "upload a document",
    await send({
      method: "POST",
      path: `/api/v1/applications/${applicationId}/documents`,
      headers: { authorization: `Bearer ${token.token}`, ...FORM },
      body: Buffer.concat([part("kind", "envelope"), filePart("file")]),
    }),
    201,
  );
  return {
    queryCode: submitted.queryCode as string,
    verify: PROBE_APPLICANT.phone.slice(-4),
    submissionId: pending?.id ?? "",
    documentId: uploaded.id as string,
    submissionDocumentId: pending?.documents[0]?.id ?? "",
  };
}

/** The receipt's PDF is frozen after the issue's commit (LibreOffice): waits for it, up to 120 s. */
async function waitForFrozenReceipt(db: Kysely<Database>, caseId: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const frozen = await documentsDb(db)
      .selectFrom("documents")
      .select("id")
      .where("owner_id", "=", caseId)
      .where("letter_key", "=", "receipt")
      .executeTakeFirst();
    if (frozen) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the receipt's PDF was not frozen within 120 s");
}

async function userId(db: Kysely<Database>, username: string): Promise<number> {
  return (
    await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow()
  ).id;
}
