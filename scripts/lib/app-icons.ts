import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** Blue of the French administration's charter: the colour icon's background and the manifest's accentColor. */
export const franceBlue = '#000091';

/** A point of the unit square the symbol is drawn in (0..1, y pointing down). */
type Point = readonly [number, number];

/** One stroke of the symbol, drawn with round ends: a polyline or a circle. */
type Stroke = { kind: 'polyline'; points: readonly Point[] } | { kind: 'circle'; center: Point; radius: number };

/** The one source of both icons: a « Q » whose ring holds a check mark, in strokes of one width. */
export const symbol: { strokeWidth: number; strokes: readonly Stroke[] } = {
  strokeWidth: 0.11,
  strokes: [
    { kind: 'circle', center: [0.47, 0.47], radius: 0.36 },
    { kind: 'polyline', points: [[0.3, 0.48], [0.43, 0.61], [0.65, 0.35]] },
    { kind: 'polyline', points: [[0.64, 0.64], [0.9, 0.9]] },
  ],
};

/** Distance from p to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  const [ex, ey] = [p[0] - a[0] - t * dx, p[1] - a[1] - t * dy];
  return Math.sqrt(ex * ex + ey * ey);
}

/** Distance from p to the centre line of a stroke. */
function strokeDistance(p: Point, stroke: Stroke): number {
  if (stroke.kind === 'circle') {
    const [dx, dy] = [p[0] - stroke.center[0], p[1] - stroke.center[1]];
    return Math.abs(Math.sqrt(dx * dx + dy * dy) - stroke.radius);
  }
  let best = Infinity;
  for (let i = 1; i < stroke.points.length; i += 1) {
    const [a, b] = [stroke.points[i - 1], stroke.points[i]];
    if (a && b) best = Math.min(best, segmentDistance(p, a, b));
  }
  return best;
}

/** Coverage (0..1) of the symbol drawn in a box of `size` pixels at (`offset`, `offset`), anti-aliased over one pixel. */
function coverage(x: number, y: number, offset: number, size: number): number {
  const p: Point = [(x + 0.5 - offset) / size, (y + 0.5 - offset) / size];
  const distance = Math.min(...symbol.strokes.map((stroke) => strokeDistance(p, stroke))) - symbol.strokeWidth / 2;
  return Math.max(0, Math.min(1, 0.5 - distance * size));
}

/** Draws a square RGBA image, one pixel at a time. */
function draw(side: number, pixel: (x: number, y: number) => readonly [number, number, number, number]): PNG {
  const png = new PNG({ width: side, height: side });
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) png.data.set(pixel(x, y), (y * side + x) * 4);
  }
  return png;
}

/** The 192×192 colour icon: the white symbol on a full-bleed, opaque French-administration blue (Teams rounds it). */
export function drawColorIcon(): PNG {
  const blue = [1, 3, 5].map((i) => parseInt(franceBlue.slice(i, i + 2), 16));
  return draw(192, (x, y) => {
    const a = coverage(x, y, 36, 120);
    const [r, g, b] = blue.map((c) => Math.round(c + (255 - c) * a));
    return [r ?? 0, g ?? 0, b ?? 0, 255];
  });
}

/** The 32×32 outline icon: the same symbol in white on transparent, anti-aliased through alpha only. */
export function drawOutlineIcon(): PNG {
  return draw(32, (x, y) => [255, 255, 255, Math.round(255 * coverage(x, y, 0, 32))]);
}

/** `npm run icons`: writes manifest/color.png and manifest/outline.png from the symbol above. */
function main(): void {
  const directory = path.resolve(__dirname, '..', '..', 'manifest');
  for (const [name, png] of [['color.png', drawColorIcon()], ['outline.png', drawOutlineIcon()]] as const) {
    writeFileSync(path.join(directory, name), PNG.sync.write(png, { colorType: 6 }));
    console.log(`${path.join('manifest', name)} : ${png.width}×${png.height}`);
  }
}

if (require.main === module) main();
