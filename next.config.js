/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// The ledger import takes files up to GONGKAI_IMPORT_MAX_MB (checked with a Chinese message in lib/env.ts and
// by the import itself); the upload's request body may be that large, plus the form around it.
const importMaxMb = Number.parseInt(process.env.GONGKAI_IMPORT_MAX_MB ?? "", 10) || 50;
const uploadLimit = `${importMaxMb + 2}mb`;

const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["better-sqlite3", "exceljs"],
  experimental: {
    serverActions: { bodySizeLimit: uploadLimit },
    proxyClientMaxBodySize: uploadLimit,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Static files skip the proxy; give them a policy too (they never need to run inline code).
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
