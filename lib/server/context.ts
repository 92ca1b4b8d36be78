import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { AccessError, type DenyReason } from "./errors";
import { nextRequestSource } from "./next-source";

/**
 * Where the caller of the data layer comes from. In the web app it is the signed session cookie; the
 * CLI acts as the system user; tests stand in for either. The data layer asks the source, never the
 * framework, so the same checks run everywhere. Outside `withSource` the caller is the web request.
 */
export type RequestSource =
  | { kind: "session"; sessionId(): Promise<string | null>; deny(reason: DenyReason): never }
  | { kind: "system" };

const storage = new AsyncLocalStorage<RequestSource>();
export function withSource<T>(source: RequestSource, work: () => Promise<T>): Promise<T> {
  return storage.run(source, work);
}

/**
 * A caller outside a web request (the demo, tests, the CLI's benchmark and fault tools) acting as this session:
 * a refusal throws AccessError.
 */
export function sessionSource(sessionId: string | null): RequestSource {
  return {
    kind: "session",
    sessionId: async () => sessionId,
    deny(reason) {
      throw new AccessError(reason);
    },
  };
}

export function currentSource(): RequestSource {
  return storage.getStore() ?? nextRequestSource;
}

export function deny(reason: DenyReason): never {
  const source = currentSource();
  if (source.kind === "session") source.deny(reason);
  throw new AccessError(reason);
}
