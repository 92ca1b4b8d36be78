/**
 * The floor of the public site: a page with the same root and public layouts as every public page, the
 * same proxy (CSP nonce) and the same dynamic rendering, but nothing of its own. It is never part of the
 * app: `npm run bench` copies it into the private build it makes (app/(public)/bench-bare/page.tsx of
 * that copy) and serves it beside the real pages. It reads nothing, so it can show nothing.
 */
export default function BenchBarePage() {
  return <h1>公开</h1>;
}
