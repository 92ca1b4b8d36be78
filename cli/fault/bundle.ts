import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

/**
 * The writer as one plain JavaScript file for `node`: a SIGKILL test restarts it a hundred times and more,
 * and tsx compiling the data layer on every start costs about 0.8 s against 0.3 s for the bundle (measured;
 * docs/reliability.md). The native better-sqlite3 stays outside, loaded from this checkout by absolute path,
 * so the bundle runs from any directory. The process must run in the checkout (migrations are found from the
 * working directory, as for the CLI).
 */
export async function bundleWriter(root: string, outDir: string, name: "writer" | "opener" = "writer"): Promise<string> {
  const outfile = path.join(outDir, `${name}.mjs`);
  const nativeModule = createRequire(path.join(root, "package.json")).resolve("better-sqlite3");
  await build({
    entryPoints: [path.join(root, "cli", "fault", `${name}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Less to parse on each of the many starts; names stay, so a writer's stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
    alias: { "@": root, "server-only": path.join(root, "cli", "server-only-in-node.ts") },
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);" },
    plugins: [
      {
        name: "native-better-sqlite3",
        setup(builder) {
          builder.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: nativeModule, external: true }));
        },
      },
    ],
  });
  return outfile;
}
