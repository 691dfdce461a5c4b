// The page's logo: uploaded on Admin → Settings, kept in PostgreSQL (so every
// instance and the static mirror serve the same bytes), served at
// /logo/light and /logo/dark. Only PNG and WebP are accepted: raster images
// cannot carry scripts, so no SVG sanitiser is needed and none can be fooled.
import { createHash } from "node:crypto";
import { z } from "zod";
import { prisma, type TransactionClient } from "../db";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { ValidationError } from "../errors";

export const LOGO_VARIANTS = ["light", "dark"] as const;
export type LogoVariant = (typeof LOGO_VARIANTS)[number];
export const MAX_LOGO_BYTES = 512 * 1024;
export const MIN_LOGO_SIDE = 16;
export const MAX_LOGO_SIDE = 4096;

export interface LogoImage {
  contentType: "image/png" | "image/webp";
  width: number;
  height: number;
}

/** The hashes the public pages link the logo by (null: no logo of that variant). */
export interface LogoHashes {
  light: string | null;
  dark: string | null;
}

export const logoVariantSchema = z.enum(LOGO_VARIANTS, "Choose the light or the dark logo.");

export const logoUploadSchema = z.object({
  variant: logoVariantSchema,
  file: z
    .custom<File>((value) => value instanceof File && value.size > 0, "Choose a PNG or WebP file.")
    .refine((file) => file.size <= MAX_LOGO_BYTES, `The logo must be at most ${MAX_LOGO_BYTES / 1024} KB.`),
});

export const logoRemovalSchema = z.object({ variant: logoVariantSchema });

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image's type and size read from its header, or null when it is not a PNG or WebP image. Pure. */
export function readLogoImage(bytes: Buffer): LogoImage | null {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString("latin1", 12, 16) === "IHDR") {
    return { contentType: "image/png", width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 30 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") {
    const chunk = bytes.toString("latin1", 12, 16);
    if (chunk === "VP8 " && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
      return { contentType: "image/webp", width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
    }
    if (chunk === "VP8L" && bytes[20] === 0x2f) {
      const [b0, b1, b2, b3] = [bytes[21]!, bytes[22]!, bytes[23]!, bytes[24]!];
      return {
        contentType: "image/webp",
        width: 1 + (((b1 & 0x3f) << 8) | b0),
        height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)),
      };
    }
    if (chunk === "VP8X") return { contentType: "image/webp", width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  }
  return null;
}

/** The reason a file cannot be the logo, or null. Pure. */
export function logoProblem(bytes: Buffer, image: LogoImage | null): string | null {
  if (bytes.length > MAX_LOGO_BYTES) return `The logo must be at most ${MAX_LOGO_BYTES / 1024} KB.`;
  if (!image) return "The logo must be a PNG or WebP image (SVG is not accepted: export it as PNG).";
  const sides = [image.width, image.height];
  if (sides.some((side) => side < MIN_LOGO_SIDE || side > MAX_LOGO_SIDE))
    return `The logo must be between ${MIN_LOGO_SIDE} and ${MAX_LOGO_SIDE} pixels on each side (this one is ${image.width}×${image.height}).`;
  return null;
}

export const logoHash = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** Stores the uploaded logo (replacing the variant's previous one) and records it in the audit log. */
export async function saveLogo(actor: AuditActor, input: z.infer<typeof logoUploadSchema>): Promise<void> {
  const bytes = Buffer.from(await input.file.arrayBuffer());
  const image = readLogoImage(bytes);
  const problem = logoProblem(bytes, image);
  if (problem || !image) throw new ValidationError("The logo was not uploaded.", { file: [problem ?? "Unreadable image."] });
  const data = { contentType: image.contentType, data: bytes, hash: logoHash(bytes), width: image.width, height: image.height };
  await prisma.$transaction(async (tx) => {
    const before = await tx.pageLogo.findUnique({ where: { variant: input.variant }, select: { hash: true } });
    await tx.pageLogo.upsert({ where: { variant: input.variant }, create: { variant: input.variant, ...data }, update: data });
    await recordAudit(tx, actor, {
      action: "settings.logo_uploaded",
      entityType: "settings",
      entityId: `logo.${input.variant}`,
      before: before ? { hash: before.hash } : null,
      after: { hash: data.hash, contentType: data.contentType, width: data.width, height: data.height, bytes: bytes.length },
    });
  });
}

/** Removes a variant's logo (nothing happens when there is none). */
export async function removeLogo(actor: AuditActor, input: z.infer<typeof logoRemovalSchema>): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.pageLogo.findUnique({ where: { variant: input.variant }, select: { hash: true } });
    if (!before) return;
    await tx.pageLogo.delete({ where: { variant: input.variant } });
    await recordAudit(tx, actor, {
      action: "settings.logo_removed",
      entityType: "settings",
      entityId: `logo.${input.variant}`,
      before: { hash: before.hash },
      after: null,
    });
  });
}

export async function getLogoHashes(db: TransactionClient = prisma): Promise<LogoHashes> {
  const rows = await db.pageLogo.findMany({ select: { variant: true, hash: true } });
  const hashOf = (variant: LogoVariant) => rows.find((row) => row.variant === variant)?.hash ?? null;
  return { light: hashOf("light"), dark: hashOf("dark") };
}

/** The stored image of a variant, for the public route. */
export async function getLogoFile(variant: LogoVariant): Promise<{ contentType: string; data: Uint8Array; hash: string } | null> {
  return prisma.pageLogo.findUnique({ where: { variant }, select: { contentType: true, data: true, hash: true } });
}
