import * as QRCode from 'qrcode';

/** The dark modules of a QR symbol, as read from `qrcode`'s BitMatrix. */
export interface QrModules {
  size: number;
  get(row: number, col: number): number;
}

/** One SVG path drawing every dark module as a 1×1 square (runs in a row merged), in module units. */
export function qrPath(modules: QrModules): string {
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}

/** The QR symbol for a link; medium error correction survives a projector's glare. */
export function qrFor(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, path: qrPath(modules) };
}
