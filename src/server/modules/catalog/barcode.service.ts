import bwipjs from 'bwip-js';
import { DomainError } from '../../platform/errors.js';

export type BarcodeType = 'code128' | 'ean13' | 'qrcode';

/** Renders a barcode or QR code as PNG with bwip-js; bad input (an EAN of the wrong length…) is a 400. */
export async function renderBarcode(text: string, type: BarcodeType, scale = 3): Promise<Buffer> {
  try {
    return await bwipjs.toBuffer({
      bcid: type,
      text,
      scale,
      ...(type === 'qrcode' ? {} : { height: 12, includetext: true, textxalign: 'center' as const }),
    });
  } catch (err) {
    const reason = String((err as Error).message ?? err).replace(/^bwipp\.\w+#\d+:\s*/, '');
    throw new DomainError('BARCODE_INVALID', { reason }, [{ field: 'text', message: reason }]);
  }
}
