// better-auth owns passwords, sessions and sign-in rate limiting; Candor adds
// roles (users.role) and writes operators through lib/auth's own functions.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { prisma } from "../db";
import { getEnv, secretKey } from "../env";
import { recordAudit } from "../audit/record-audit";
import { CLIENT_IP_HEADER } from "./client-ip";

const SIGN_IN_LIMIT = { window: 60, max: 6 };

const SESSION_SECONDS = 60 * 60 * 24 * 7;

function createAuth() {
  const env = getEnv();
  const localOrigins = [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
  return betterAuth({
    appName: "Candor",
    baseURL: env.PUBLIC_URL,
    secret: secretKey("sessions", env),
    trustedOrigins: [env.PUBLIC_URL, ...localOrigins],
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    user: { additionalFields: { role: { type: "string", input: false, required: false } } },
    session: { expiresIn: SESSION_SECONDS, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 120,
      customRules: { "/sign-in/email": SIGN_IN_LIMIT },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: env.PUBLIC_URL.startsWith("https://"),
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { id: true, email: true } });
            if (!user) return;
            await recordAudit(prisma, user, {
              action: "operator.signed_in",
              entityType: "operator",
              entityId: user.id,
              after: { ipAddress: session.ipAddress ?? null, userAgent: session.userAgent ?? null },
            });
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

let instance: Auth | undefined;

export function getAuth(): Auth {
  instance ??= createAuth();
  return instance;
}
