// A tiny RGBA raster for the card PNG: filled rectangles, anti-aliased text from the bundled TTF
// (glyph outlines from fontkit, filled by a scanline rasteriser), and a PNG encoder on node:zlib.
import { deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';

export type Rgb = readonly [number, number, number];

export function hexColor(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

type Edge = { x0: number; y0: number; x1: number; y1: number; dir: 1 | -1 };

/** Vertical samples per pixel row; horizontal coverage is computed exactly per span. */
const SUBSAMPLES = 5;

export class PngCanvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  private blend(x: number, y: number, color: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const at = (y * this.width + x) * 4;
    const a = Math.min(1, alpha);
    const dst = this.pixels;
    const outAlpha = a + ((dst[at + 3] ?? 0) / 255) * (1 - a);
    for (let channel = 0; channel < 3; channel += 1) {
      const below = (dst[at + channel] ?? 0) * ((dst[at + 3] ?? 0) / 255) * (1 - a);
      dst[at + channel] = outAlpha === 0 ? 0 : Math.round(((color[channel] ?? 0) * a + below) / outAlpha);
    }
    dst[at + 3] = Math.round(outAlpha * 255);
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    if ([x, y, width, height].every(Number.isInteger)) {
      for (let row = Math.max(0, y); row < Math.min(this.height, y + height); row += 1) {
        for (let column = Math.max(0, x); column < Math.min(this.width, x + width); column += 1)
          this.blend(column, row, color, 1);
      }
      return;
    }
    this.fillPolygons(
      [
        [
          [x, y],
          [x + width, y],
          [x + width, y + height],
          [x, y + height],
        ],
      ],
      color,
    );
  }

  fillRoundedRect(x: number, y: number, width: number, height: number, radius: number, color: Rgb): void {
    const points: Array<[number, number]> = [];
    const corner = (cx: number, cy: number, start: number): void => {
      for (let step = 0; step <= 8; step += 1) {
        const angle = start + (step / 8) * (Math.PI / 2);
        points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
      }
    };
    corner(x + width - radius, y + radius, -Math.PI / 2);
    corner(x + width - radius, y + height - radius, 0);
    corner(x + radius, y + height - radius, Math.PI / 2);
    corner(x + radius, y + radius, Math.PI);
    this.fillPolygons([points], color);
  }

  /** Fills closed polygons with the non-zero winding rule, anti-aliased. */
  fillPolygons(polygons: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, color: Rgb): void {
    const edges: Edge[] = [];
    let minY = Infinity;
    let maxY = -Infinity;
    let minX = Infinity;
    let maxX = -Infinity;
    for (const polygon of polygons) {
      for (let index = 0; index < polygon.length; index += 1) {
        const [x0, y0] = polygon[index]!;
        const [x1, y1] = polygon[(index + 1) % polygon.length]!;
        if (y0 === y1) continue;
        edges.push(y0 < y1 ? { x0, y0, x1, y1, dir: 1 } : { x0: x1, y0: y1, x1: x0, y1: y0, dir: -1 });
        minY = Math.min(minY, y0, y1);
        maxY = Math.max(maxY, y0, y1);
        minX = Math.min(minX, x0, x1);
        maxX = Math.max(maxX, x0, x1);
      }
    }
    if (edges.length === 0) return;
    const coverage = new Float32Array(this.width + 1);
    for (let row = Math.max(0, Math.floor(minY)); row < Math.min(this.height, Math.ceil(maxY)); row += 1) {
      coverage.fill(0, Math.max(0, Math.floor(minX)), Math.min(this.width + 1, Math.ceil(maxX) + 2));
      let touched = false;
      for (let sample = 0; sample < SUBSAMPLES; sample += 1) {
        const sy = row + (sample + 0.5) / SUBSAMPLES;
        const crossings: Array<{ x: number; dir: number }> = [];
        for (const edge of edges) {
          if (sy < edge.y0 || sy >= edge.y1) continue;
          crossings.push({
            x: edge.x0 + ((sy - edge.y0) / (edge.y1 - edge.y0)) * (edge.x1 - edge.x0),
            dir: edge.dir,
          });
        }
        crossings.sort((a, b) => a.x - b.x);
        let winding = 0;
        for (let index = 0; index < crossings.length - 1; index += 1) {
          winding += crossings[index]!.dir;
          if (winding === 0) continue;
          this.addSpan(coverage, crossings[index]!.x, crossings[index + 1]!.x, 1 / SUBSAMPLES);
          touched = true;
        }
      }
      if (!touched) continue;
      const fromX = Math.max(0, Math.floor(minX));
      const toX = Math.min(this.width, Math.ceil(maxX) + 1);
      for (let x = fromX; x < toX; x += 1) if (coverage[x]! > 0) this.blend(x, row, color, coverage[x]!);
    }
  }

  private addSpan(coverage: Float32Array, from: number, to: number, weight: number): void {
    const start = Math.max(0, from);
    const end = Math.min(this.width, to);
    if (end <= start) return;
    const first = Math.floor(start);
    const last = Math.floor(end);
    if (first === last) {
      coverage[first] = (coverage[first] ?? 0) + (end - start) * weight;
      return;
    }
    coverage[first] = (coverage[first] ?? 0) + (first + 1 - start) * weight;
    for (let x = first + 1; x < last; x += 1) coverage[x] = (coverage[x] ?? 0) + weight;
    if (last < this.width) coverage[last] = (coverage[last] ?? 0) + (end - last) * weight;
  }

  /** Width of text in pixels at a size in pixels. */
  static measure(font: Font, text: string, sizePx: number): number {
    return (font.layout(text).advanceWidth * sizePx) / font.unitsPerEm;
  }

  /** Draws text with its top (the font's ascent) at y, like pdfkit. Returns the width drawn. */
  text(font: Font, text: string, x: number, y: number, sizePx: number, color: Rgb): number {
    const scale = sizePx / font.unitsPerEm;
    const baseline = y + font.ascent * scale;
    const run = font.layout(text);
    const polygons: Array<Array<[number, number]>> = [];
    let penX = x;
    run.glyphs.forEach((glyph, index) => {
      const position = run.positions[index]!;
      const originX = penX + position.xOffset * scale;
      const originY = baseline - position.yOffset * scale;
      const map = (gx: number, gy: number): [number, number] => [originX + gx * scale, originY - gy * scale];
      let current: Array<[number, number]> = [];
      let last: [number, number] = [0, 0];
      for (const { command, args } of glyph.path.commands) {
        const a = args as [number, number, number, number, number, number];
        if (command === 'moveTo') {
          if (current.length > 1) polygons.push(current);
          last = map(a[0], a[1]);
          current = [last];
        } else if (command === 'lineTo') {
          last = map(a[0], a[1]);
          current.push(last);
        } else if (command === 'quadraticCurveTo') {
          const [cx, cy] = map(a[0], a[1]);
          const end = map(a[2], a[3]);
          for (let step = 1; step <= 6; step += 1) {
            const t = step / 6;
            const u = 1 - t;
            current.push([
              u * u * last[0] + 2 * u * t * cx + t * t * end[0],
              u * u * last[1] + 2 * u * t * cy + t * t * end[1],
            ]);
          }
          last = end;
        } else if (command === 'bezierCurveTo') {
          const [c1x, c1y] = map(a[0], a[1]);
          const [c2x, c2y] = map(a[2], a[3]);
          const end = map(a[4], a[5]);
          for (let step = 1; step <= 8; step += 1) {
            const t = step / 8;
            const u = 1 - t;
            current.push([
              u * u * u * last[0] + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * end[0],
              u * u * u * last[1] + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * end[1],
            ]);
          }
          last = end;
        } else if (current.length > 1) {
          polygons.push(current);
          current = [];
        }
      }
      if (current.length > 1) polygons.push(current);
      penX += position.xAdvance * scale;
    });
    this.fillPolygons(polygons, color);
    return penX - x;
  }

  toPng(): Buffer {
    const stride = this.width * 4 + 1;
    const raw = Buffer.alloc(stride * this.height);
    for (let y = 0; y < this.height; y += 1) {
      raw[y * stride] = 0; // filter: none
      Buffer.from(this.pixels.buffer, y * this.width * 4, this.width * 4).copy(raw, y * stride + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 255]! ^ (crc >>> 8)) >>> 0;
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
