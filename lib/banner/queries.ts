import { prisma, type Prisma } from "../db";
import type { BannerSeverity } from "./constants";
import type { BannerVersionView } from "./visibility";

const select = {
  id: true,
  version: true,
  isCleared: true,
  message: true,
  severity: true,
  linkUrl: true,
  linkLabel: true,
  startsAt: true,
  endsAt: true,
  incidentId: true,
  incident: { select: { title: true } },
  createdAt: true,
  author: { select: { name: true } },
} satisfies Prisma.BannerVersionSelect;

type Row = Prisma.BannerVersionGetPayload<{ select: typeof select }>;

function toView(row: Row): BannerVersionView {
  const { author, severity, incident, ...rest } = row;
  return {
    ...rest,
    severity: severity ? (severity.toLowerCase() as BannerSeverity) : null,
    authorName: author?.name ?? null,
    incidentTitle: incident?.title ?? null,
  };
}

export async function findCurrentBanner(): Promise<BannerVersionView | null> {
  const row = await prisma.bannerVersion.findFirst({ orderBy: { version: "desc" }, select });
  return row ? toView(row) : null;
}

/** Every version, newest first. */
export async function listBannerVersions(limit = 200): Promise<BannerVersionView[]> {
  const rows = await prisma.bannerVersion.findMany({ orderBy: { version: "desc" }, take: limit, select });
  return rows.map(toView);
}
