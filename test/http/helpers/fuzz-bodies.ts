/**
 * Malformed request bodies for the fuzz test: a valid body with one to three mutations that each
 * make it invalid (a required field gone, a wrong type, an unknown key, a bad or future date, an
 * unknown enum value, a text over its limit), or junk at the top level.
 */
import fc from "fast-check";

export type Field =
  /** `untrimmed`: blanks are valid text (passwords). */
  | { key: string; kind: "text"; max: number; required?: boolean; min?: number; untrimmed?: boolean }
  | { key: string; kind: "date"; past?: boolean; required?: boolean }
  | { key: string; kind: "enum"; values: readonly string[]; required?: boolean }
  | { key: string; kind: "int"; min: number; max: number; required?: boolean }
  | { key: string; kind: "money"; required?: boolean }
  | { key: string; kind: "bool"; required?: boolean }
  | {
      key: string;
      kind: "list";
      of: "text" | "date" | "enum";
      values?: readonly string[];
      required?: boolean;
    }
  | { key: string; kind: "object"; fields: Field[]; required?: boolean };

type Body = Record<string, unknown>;
type Mutation = (body: Body) => void;

const BAD_DATES = [
  "2026-02-30",
  "2026-13-01",
  "2026-00-10",
  "26-03-01",
  "2026/03/01",
  "2026-3-1",
  "",
  "明天",
  "1899-12-31",
];
const FUTURE_DATES = ["2026-03-21", "2026-12-31", "2027-01-04", "2199-12-31"];
const OTHER_TYPES = {
  string: [0, 42, true, false, null, [], ["x"], {}, { a: 1 }],
  number: ["1", "", true, null, [], {}, [1]],
  boolean: ["true", 1, 0, null, [], {}],
  array: ["x", 1, true, null, {}, { 0: "x" }],
  object: ["x", 1, true, null, [], [{}]],
} satisfies Record<string, unknown[]>;

function typeOf(f: Field): keyof typeof OTHER_TYPES {
  if (f.kind === "int" || f.kind === "money") return "number";
  if (f.kind === "bool") return "boolean";
  if (f.kind === "list") return "array";
  if (f.kind === "object") return "object";
  return "string";
}

/** The object holding the path's last key; undefined once an earlier mutation replaced a parent. */
function parentOf(body: Body, path: readonly string[]): Body | undefined {
  let node: unknown = body;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return undefined;
    node = (node as Body)[key];
  }
  return typeof node === "object" && node !== null && !Array.isArray(node) ? (node as Body) : undefined;
}

// When a parent was already replaced or removed, the body is invalid already: leave it so.
function setAt(body: Body, path: readonly string[], value: unknown) {
  const parent = parentOf(body, path);
  if (parent) parent[path.at(-1) as string] = value;
}

function deleteAt(body: Body, path: readonly string[]) {
  const parent = parentOf(body, path);
  if (parent) delete parent[path.at(-1) as string];
}

const set = (path: readonly string[]) => (value: unknown) => (body: Body) => setAt(body, path, value);

function unknownString(values: readonly string[]) {
  return fc.string({ maxLength: 30 }).filter((s) => !values.includes(s));
}

function valueMutations(f: Field, path: string[]): fc.Arbitrary<Mutation>[] {
  const to = set(path);
  switch (f.kind) {
    case "text": {
      const muts = [fc.integer({ min: 1, max: 300 }).map((n) => to("字".repeat(f.max + n)))];
      if (f.required) muts.push(fc.constantFrom(...(f.untrimmed ? [""] : ["", "   ", "\n\t"])).map(to));
      if (f.min && f.min > 1) muts.push(fc.constant(to("x".repeat(f.min - 1))));
      return muts;
    }
    case "date":
      return [fc.constantFrom(...BAD_DATES, ...(f.past ? FUTURE_DATES : [])).map(to)];
    case "enum":
      return [unknownString(f.values).map(to)];
    case "int":
      return [fc.constantFrom(f.min - 1, f.max + 1, f.min + 0.5, -1_000_000).map(to)];
    case "money":
      return [fc.constantFrom(0, -1, -0.01, 1.001, 2_000_000, 1e308).map(to)];
    case "bool":
      return [];
    case "list": {
      const bad =
        f.of === "date"
          ? fc.constantFrom(...BAD_DATES)
          : f.of === "enum"
            ? unknownString(f.values ?? [])
            : fc.constantFrom("", "字".repeat(2001), 7);
      const muts = [bad.map((b) => to([b])), fc.constant(to([null]))];
      if (f.required && f.of !== "date") muts.push(fc.constant(to([])));
      return muts;
    }
    case "object":
      return [
        ...f.fields.flatMap((sub) => fieldMutations(sub, [...path, sub.key])),
        fc.string({ minLength: 1, maxLength: 12 }).map((k) => set([...path, `x_${k}`])(1)),
      ];
  }
}

function fieldMutations(f: Field, path: string[]): fc.Arbitrary<Mutation>[] {
  const muts = [fc.constantFrom(...OTHER_TYPES[typeOf(f)]).map(set(path)), ...valueMutations(f, path)];
  if (f.required) muts.push(fc.constant((body: Body) => deleteAt(body, path)));
  return muts;
}

/** One to three mutations of `valid()`, each making the body invalid. */
export function mutatedBody(valid: () => Body, fields: Field[]): fc.Arbitrary<Body> {
  const unknownKey = fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((k) => !fields.some((f) => f.key === k) && k !== "__proto__")
    .map((k) => (body: Body) => {
      body[k] = "typo";
    });
  const mutation = fc.oneof(unknownKey, ...fields.flatMap((f) => fieldMutations(f, [f.key])));
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((muts) => {
    const body = structuredClone(valid());
    for (const m of muts) m(body);
    return body;
  });
}

/** What goes on the wire: a JSON value, or raw text that may not be JSON at all. */
export type WireBody = { json: unknown } | { raw: string };

/** Junk at the top level: arrays, null, numbers, strings, random objects, broken JSON. */
export const junkBody: fc.Arbitrary<WireBody> = fc.oneof(
  fc
    .oneof(
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      fc.constant(null),
      fc.double(),
      fc.integer(),
      fc.string({ maxLength: 20 }),
      fc.boolean(),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
    )
    .map((json) => ({ json })),
  fc.string({ maxLength: 40 }).map((raw) => ({ raw: `{${raw}` })),
);

/** Mostly mutated valid bodies, some junk. */
export function malformedBody(valid: () => Body, fields: Field[]): fc.Arbitrary<WireBody> {
  return fc.oneof(
    { weight: 5, arbitrary: mutatedBody(valid, fields).map((json) => ({ json })) },
    { weight: 1, arbitrary: junkBody },
  );
}
