/** Headers of a file download: a plain ASCII name for old clients and the Chinese one (RFC 6266), never cached. */
export function attachment(file: { filename: string; displayName: string; contentType: string }): HeadersInit {
  return {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.displayName)}`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
