import JSZip from "jszip";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The text of every paragraph of a DOCX's body, in order (runs joined, empty paragraphs left
 * out): read from word/document.xml as Word would, independently of how the letter was made.
 */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => (m[1] as string).replace(/&(\w+);/g, (all, name: string) => ENTITIES[name] ?? all))
        .join(""),
    )
    .filter((text) => text !== "");
}
