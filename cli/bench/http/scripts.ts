import { gzipSync } from "node:zlib";

/** Bytes as served and as gzip (level 6, what a compressing server sends). */
export type Size = { raw: number; gzip: number };

export type PageWeight = {
  path: string;
  html: Size;
  /** The script files the HTML references (`<script src>`), each fetched once. */
  files: { src: string; raw: number; gzip: number }[];
  filesTotal: Size;
  /** Inline scripts: React's payload for hydration and the bootstrap. */
  inline: Size;
  /** Everything the browser runs: files plus inline. */
  total: Size;
};

const size = (text: Buffer | string): Size => {
  const buffer = typeof text === "string" ? Buffer.from(text) : text;
  return { raw: buffer.length, gzip: gzipSync(buffer).length };
};

/** The JavaScript a page makes the browser load: every `<script src>` of its HTML, and its inline scripts. */
export async function pageWeight(url: string, path: string, cookie?: string): Promise<PageWeight> {
  const response = await fetch(`${url}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  const html = await response.text();
  const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => (match[1] ?? "").replace(/&amp;/g, "&")))];
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? "").join("\n");
  const files = [];
  for (const src of sources) {
    const file = await fetch(new URL(src, url));
    if (!file.ok) throw new Error(`${src}: HTTP ${file.status}`);
    const body = Buffer.from(await file.arrayBuffer());
    files.push({ src, ...size(body) });
  }
  const filesTotal = { raw: files.reduce((sum, file) => sum + file.raw, 0), gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
  const inlineSize = size(inline);
  return {
    path,
    html: size(html),
    files,
    filesTotal,
    inline: inlineSize,
    total: { raw: filesTotal.raw + inlineSize.raw, gzip: filesTotal.gzip + inlineSize.gzip },
  };
}
