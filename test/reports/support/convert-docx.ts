import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ENSURE = fileURLToPath(new URL("../../../scripts/ensure-system-packages.sh", import.meta.url));
/** Artefacts kept after the run (gitignored). */
export const ARTEFACTS = fileURLToPath(new URL("../../../test-results/report/", import.meta.url));

/**
 * DOCX → PDF with LibreOffice (a private profile, so parallel runs do not share one) → PNG pages
 * at 60 dpi with pdftoppm. The PDF and PNGs are kept under test-results/report/<name>*.
 */
export async function convertDocx(docx: Buffer, name: string): Promise<{ pages: number; images: string[] }> {
  await run("bash", [ENSURE, "documents"]);
  const dir = mkdtempSync(join(tmpdir(), "ogi-docx-"));
  try {
    const input = join(dir, `${name}.docx`);
    writeFileSync(input, docx);
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        input,
      ],
      {
        timeout: 150_000,
      },
    );
    const pdf = join(dir, `${name}.pdf`);
    await run("pdftoppm", ["-png", "-r", "60", pdf, join(dir, name)]);
    mkdirSync(ARTEFACTS, { recursive: true });
    for (const old of readdirSync(ARTEFACTS).filter((f) => f.startsWith(`${name}-`) || f === `${name}.pdf`)) {
      rmSync(join(ARTEFACTS, old));
    }
    copyFileSync(pdf, join(ARTEFACTS, `${name}.pdf`));
    const images = readdirSync(dir)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
      .sort();
    for (const image of images) copyFileSync(join(dir, image), join(ARTEFACTS, image));
    return { pages: images.length, images: images.map((i) => join(ARTEFACTS, i)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
