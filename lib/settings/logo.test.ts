import { describe, expect, it } from "vitest";
import { makePng } from "../../tests/support/png";
import { logoProblem, readLogoImage } from "./logo";

const webpLossless = (width: number, height: number) => {
  const bytes = Buffer.alloc(30);
  bytes.write("RIFF", 0, "latin1");
  bytes.write("WEBPVP8L", 8, "latin1");
  bytes[20] = 0x2f;
  const w = width - 1;
  const h = height - 1;
  bytes.writeUInt32LE((w & 0x3fff) | ((h & 0x3fff) << 14), 21);
  return bytes;
};

describe("readLogoImage", () => {
  it("reads a PNG's type and size from its header", () => {
    expect(readLogoImage(makePng(120, 40, [0, 0, 0]))).toEqual({ contentType: "image/png", width: 120, height: 40 });
  });

  it("reads a lossless WebP's size", () => {
    expect(readLogoImage(webpLossless(300, 77))).toEqual({ contentType: "image/webp", width: 300, height: 77 });
  });

  it("refuses SVG, JPEG and text, whatever the file is called", () => {
    expect(readLogoImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(readLogoImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(40)]))).toBeNull();
    expect(readLogoImage(Buffer.from("PNG but not really"))).toBeNull();
  });
});

describe("logoProblem", () => {
  it("accepts a sensible logo", () => {
    const png = makePng(200, 50, [10, 20, 30]);
    expect(logoProblem(png, readLogoImage(png))).toBeNull();
  });

  it("names what is wrong", () => {
    expect(logoProblem(Buffer.from("<svg/>"), null)).toMatch(/PNG or WebP/);
    const tiny = makePng(8, 8, [0, 0, 0]);
    expect(logoProblem(tiny, readLogoImage(tiny))).toMatch(/between 16 and 4096 pixels.*8×8/);
    expect(logoProblem(Buffer.alloc(512 * 1024 + 1), null)).toMatch(/at most 512 KB/);
  });
});
