/** RFC 6266: an ASCII `filename` for old clients, the Chinese name in `filename*` (RFC 5987 encoding). */
export function contentDisposition(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^A-Za-z0-9._-]/g, "_")}"; filename*=UTF-8''${encoded}`;
}

/**
 * Headers of a file download. Staff files are never stored by a browser or a shared cache (the default); a
 * published report says how long it may be kept.
 */
export function attachment(file: { filename: string; displayName: string; contentType: string }, cacheControl = "no-store"): HeadersInit {
  return {
    "content-type": file.contentType,
    "content-disposition": contentDisposition(file.filename, file.displayName),
    "cache-control": cacheControl,
    "x-content-type-options": "nosniff",
  };
}
