// Reads where a printed page put its words and its drawings, from the PDF Chromium printed, with
// Mozilla's PDF.js: so a test can check that nothing printed covers a word (the QR code over the
// text, as it once did on every card). Boxes are in PDF points, y upwards, per page.
import { createRequire } from 'node:module';

// PDF.js 6 uses two functions Node 20 lacks; these stand in for them (same results, slower).
Promise.withResolvers ??= function () {
  let resolve;
  let reject;
  const promise = new Promise((yes, no) => { resolve = yes; reject = no; });
  return { promise, resolve, reject };
};
ArrayBuffer.prototype.transferToFixedLength ??= function (length = this.byteLength) {
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
  return copy;
};
const { getDocument, OPS } = await import(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));

const multiply = ([a, b, c, d, e, f], [g, h, i, j, k, l]) =>
  [a * g + b * i, a * h + b * j, c * g + d * i, c * h + d * j, e * g + f * i + k, e * h + f * j + l];

function transformBox(m, [x0, y0, x1, y1]) {
  const points = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].map(([x, y]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]);
  const xs = points.map(p => p[0]);
  const ys = points.map(p => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Per page: `words` ({ text, box }) and `drawings` (boxes of the filled or stroked paths: the QR code, list bullets). */
export async function printedLayout(pdf) {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const document = await task.promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const words = (await page.getTextContent()).items
      .filter(item => item.str.trim() !== '')
      .map(item => ({ text: item.str, box: [item.transform[4], item.transform[5], item.transform[4] + item.width, item.transform[5] + item.height] }));
    const drawings = [];
    const operators = await page.getOperatorList();
    let matrix = [1, 0, 0, 1, 0, 0];
    const saved = [];
    operators.fnArray.forEach((op, i) => {
      const args = operators.argsArray[i];
      if (op === OPS.save) saved.push(matrix);
      else if (op === OPS.restore) matrix = saved.pop() ?? matrix;
      else if (op === OPS.transform) matrix = multiply(args, matrix);
      // A path only clipped to (ended without painting) draws nothing.
      else if (op === OPS.constructPath && args[0] !== OPS.endPath && args[2]) drawings.push(transformBox(matrix, Array.from(args[2])));
    });
    pages.push({ words, drawings });
    page.cleanup();
  }
  await task.destroy();
  return pages;
}

/** Whether two boxes share more than `slack` points both ways (touching edges and rounding do not count). */
export function overlap([a0, b0, a1, b1], [c0, d0, c1, d1], slack = 0.5) {
  return Math.min(a1, c1) - Math.max(a0, c0) > slack && Math.min(b1, d1) - Math.max(b0, d0) > slack;
}
