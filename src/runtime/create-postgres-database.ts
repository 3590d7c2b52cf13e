import pg from "pg";

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates an empty database on the server of `adminUrl` (a superuser URL) and returns the same
 * URL pointing at it. The name is lower-case letters, digits and `_`, at most 63 characters.
 */
export async function createPostgresDatabase(adminUrl: string, name: string): Promise<string> {
  if (!DATABASE_NAME.test(name)) {
    throw new Error(`createPostgresDatabase: invalid database name ${JSON.stringify(name)}`);
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // The name is checked above: an identifier cannot be a query parameter.
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
