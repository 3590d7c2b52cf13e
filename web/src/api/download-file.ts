import { ApiError, responseError } from "./client.ts";

/** `attachment; filename*=UTF-8''%E5%8F%B0…` or `filename="…"` → the name, else null. */
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || null;
}

/**
 * Fetches a file of the API with the session cookie and hands it to the browser as a download.
 * Unlike a plain `<a download>` link, a refusal (403, 404) or a network failure becomes an
 * ApiError with a Chinese message instead of a saved error page.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "无法连接服务器，请检查网络后重试");
  }
  if (!res.ok) throw await responseError(res);
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get("content-disposition")) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns; free it once the download has surely started.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
