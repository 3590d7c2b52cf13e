/** Minimal readers of the generated documents for assertions (no HTML or XML library needed). */

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

export interface HtmlTableView {
  headerText: string;
  text: string;
  /** Body rows: the label cells' texts and the figures, in order. */
  bodyRows: { labels: string[]; figures: number[] }[];
}

/** The table `<table id="…">` of a rendered page. */
export function htmlTable(html: string, id: string): HtmlTableView {
  const m = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html);
  if (!m?.[1]) throw new Error(`no table ${id}`);
  const table = m[1];
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  const bodyRows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => {
    const cells = [...(r[1] ?? "").matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)];
    return {
      labels: cells.filter((c) => !(c[1] ?? "").includes('class="num"')).map((c) => decode(c[2] ?? "")),
      figures: cells.filter((c) => (c[1] ?? "").includes('class="num"')).map((c) => Number(c[2])),
    };
  });
  const strip = (s: string) => decode(s.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");
  return { headerText: strip(head), text: strip(table), bodyRows };
}

export interface DocxTableView {
  xml: string;
  /** Each row's cells' texts (continuation cells of a vertical merge are empty). */
  rows: string[][];
}

/** The top-level tables of word/document.xml. */
export function docxTables(documentXml: string): DocxTableView[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => {
    const xml = t[1] ?? "";
    const rows = [...xml.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
        decode([...(c[1] ?? "").matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((x) => x[1]).join("")),
      ),
    );
    return { xml, rows };
  });
}

/** The texts of the body's paragraphs outside tables, in order (the runs of each joined). */
export function docxParagraphs(documentXml: string): string[] {
  const outside = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...outside.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)]
    .map((p) =>
      decode([...(p[1] ?? "").matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => t[1]).join("")),
    )
    .filter((text) => text !== "");
}
