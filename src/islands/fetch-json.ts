/**
 * Fetches a JSON data file, stored gzip-compressed or not. GitHub Pages sends a `.gz` file as
 * it is (application/gzip), so the browser decompresses it here; a server that sends it with
 * `Content-Encoding: gzip` instead has the browser decode it already, and bytes that do not
 * start with gzip's magic number are parsed as they are. Shared by the page and the search worker.
 */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text =
    bytes[0] === 0x1f && bytes[1] === 0x8b
      ? await new Response(
          new Response(bytes).body?.pipeThrough(new DecompressionStream('gzip')),
        ).text()
      : new TextDecoder().decode(bytes);
  return JSON.parse(text) as T;
}
