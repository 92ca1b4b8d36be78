import fs from "node:fs";
import { Readable } from "node:stream";
import type { LedgerFileSource } from "./read-ledger-file";

const CHUNK = 64 * 1024;

/** Bytes already in memory (an upload), handed to the readers in chunks as a file stream would. */
export function bufferSource(name: string, bytes: Uint8Array): LedgerFileSource {
  return {
    name,
    size: bytes.byteLength,
    head: bytes.subarray(0, 8),
    open: (start = 0, end = bytes.byteLength) =>
      Readable.from(
        (function* chunks() {
          for (let offset = start; offset < end; offset += CHUNK) yield Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(CHUNK, end - offset));
        })(),
      ),
  };
}

/** A file on disk, streamed; its size is known before anything is read, so a limit can refuse it first. */
export function fileSource(path: string): LedgerFileSource {
  const size = fs.statSync(path).size;
  const head = Buffer.alloc(Math.min(8, size));
  const fd = fs.openSync(path, "r");
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return {
    name: path,
    size,
    head,
    // createReadStream's `end` is inclusive and cannot describe an empty range.
    open: (start = 0, end = size) => (end > start ? fs.createReadStream(path, { highWaterMark: CHUNK, start, end: end - 1 }) : Readable.from([])),
  };
}
