/** Text chunks as UTF-8 bytes, for a download streamed to a Response. */
export async function* utf8Chunks(chunks: AsyncIterable<string>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(chunk, "utf8");
}
