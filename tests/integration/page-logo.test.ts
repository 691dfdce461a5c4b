// The logo upload on Admin → Settings: what is refused (and that nothing is
// stored then), what the public route serves and with which headers, the
// snapshot's hash that pages link, the audit entries, and removal.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/logo/[variant]/route";
import { prisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { logoHash, logoUploadSchema, removeLogo, saveLogo } from "@/lib/settings/logo";
import { createAdmin } from "../support/factories";
import { makePng } from "../support/png";

const light = makePng(160, 40, [255, 255, 255], [37, 99, 235]);
const dark = makePng(160, 40, [15, 23, 42], [147, 197, 253]);

function upload(variant: string, bytes: Buffer, name = "logo.png", type = "image/png") {
  return logoUploadSchema.safeParse({ variant, file: new File([new Uint8Array(bytes)], name, { type }) });
}

async function serve(path: string) {
  const url = new URL(path, "http://localhost:3000");
  const variant = url.pathname.split("/")[2]!;
  return GET(new NextRequest(url), { params: Promise.resolve({ variant }) });
}

async function snapshotLogo() {
  return (await buildPublicSnapshot(await readSnapshotVersion())).settings.logo;
}

let admin: Awaited<ReturnType<typeof createAdmin>>;

beforeAll(async () => {
  admin = await createAdmin();
});

const version = async () => BigInt((await readSnapshotVersion()).version);

describe("logo upload", () => {
  it("refuses what is not a small PNG or WebP image, stores nothing, and says why", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
    const refusals: [string, Buffer, string, string, RegExp][] = [
      ["an SVG, even with a PNG's name and type", svg, "logo.png", "image/png", /PNG or WebP image \(SVG is not accepted/],
      ["a JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(64)]), "logo.jpg", "image/jpeg", /PNG or WebP/],
      ["a PNG too small to read", makePng(8, 8, [0, 0, 0]), "logo.png", "image/png", /between 16 and 4096 pixels/],
      [
        "a PNG too wide",
        makePng(5000, 16, [0, 0, 0]),
        "logo.png",
        "image/png",
        /between 16 and 4096 pixels on each side \(this one is 5000×16\)/,
      ],
    ];
    for (const [what, bytes, name, type, message] of refusals) {
      const parsed = upload("light", bytes, name, type);
      expect(parsed.success, what).toBe(true);
      const refused = await saveLogo(admin, parsed.data!).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused, what).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).fieldErrors.file?.[0], what).toMatch(message);
    }

    const tooBig = upload("light", Buffer.concat([light, Buffer.alloc(512 * 1024)]));
    expect(tooBig.error?.issues.map((issue) => issue.message)).toEqual(["The logo must be at most 512 KB."]);
    expect(upload("light", Buffer.alloc(0)).error?.issues.map((issue) => issue.message)).toEqual(["Choose a PNG or WebP file."]);
    expect(upload("sepia", light).error?.issues.map((issue) => issue.path.join("."))).toEqual(["variant"]);

    expect(await prisma.pageLogo.count()).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: "settings.logo" } } })).toBe(0);
    expect((await serve("/logo/light")).status).toBe(404);
  });

  it("serves the uploaded variants with their type and nosniff, linked by hash from the snapshot, and removes them", async () => {
    await saveLogo(admin, upload("light", light).data!);
    await saveLogo(admin, upload("dark", dark).data!);
    expect(await snapshotLogo()).toEqual({ light: logoHash(light), dark: logoHash(dark) });

    const linked = await serve(`/logo/light?v=${logoHash(light)}`);
    expect(linked.status).toBe(200);
    expect(linked.headers.get("content-type")).toBe("image/png");
    expect(linked.headers.get("x-content-type-options")).toBe("nosniff");
    expect(linked.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await linked.arrayBuffer()).equals(light)).toBe(true);
    // Without the hash it is revalidated like a page (the front server adds its own lifetime).
    const bare = await serve("/logo/dark");
    expect(bare.headers.get("cache-control")).toBeNull();
    expect(Buffer.from(await bare.arrayBuffer()).equals(dark)).toBe(true);
    expect((await serve("/logo/sepia")).status).toBe(404);

    // A new upload replaces the variant; the audit log says from which hash to which.
    const newer = makePng(120, 60, [255, 255, 255], [220, 38, 38]);
    await saveLogo(admin, upload("light", newer).data!);
    expect((await snapshotLogo()).light).toBe(logoHash(newer));
    const replaced = await prisma.auditLog.findFirstOrThrow({
      where: { action: "settings.logo_uploaded" },
      orderBy: { createdAt: "desc" },
    });
    expect(replaced).toMatchObject({ actorId: admin.id, entityId: "logo.light", before: { hash: logoHash(light) } });
    expect(replaced.after).toMatchObject({ hash: logoHash(newer), contentType: "image/png", width: 120, height: 60 });

    await removeLogo(admin, { variant: "dark" });
    await removeLogo(admin, { variant: "dark" });
    expect(await snapshotLogo()).toEqual({ light: logoHash(newer), dark: null });
    expect((await serve("/logo/dark")).status).toBe(404);
    expect(await prisma.auditLog.count({ where: { action: "settings.logo_removed" } })).toBe(1);
  });

  it("bumps the public snapshot version, so every instance and the mirror pick the change up", async () => {
    const before = await version();
    await saveLogo(admin, upload("light", light).data!);
    const afterUpload = await version();
    expect(afterUpload).toBeGreaterThan(before);
    await removeLogo(admin, { variant: "light" });
    expect(await version()).toBeGreaterThan(afterUpload);
  });
});
