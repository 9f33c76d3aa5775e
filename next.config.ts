import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "exceljs", "pg"],
  experimental: {
    // forbidden() answers direct URLs to pages a role may not use with a 403 page.
    authInterrupts: true,
    // Excel imports travel through server actions as base64 text.
    serverActions: { bodySizeLimit: "8mb" },
  },
  poweredByHeader: false,
};

export default nextConfig;
