import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Node-only packages stay outside the server bundle; chinese-days too, because its ES build sits in a
  // package marked "type": "commonjs", which Turbopack refuses (Node loads its CommonJS build instead).
  serverExternalPackages: ["@node-rs/argon2", "exceljs", "pg", "pino", "pg-copy-streams", "@aws-sdk/client-s3", "@aws-sdk/lib-storage", "chinese-days"],
  experimental: {
    // forbidden() answers direct URLs to pages a role may not use with a 403 page.
    authInterrupts: true,
    // Excel imports (base64 text) and attachments (form data, up to 20 MB) travel through server actions.
    serverActions: { bodySizeLimit: "25mb" },
  },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
