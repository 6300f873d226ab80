import JSZip from 'jszip';

/**
 * The number format given to text cells that look like a formula ('@' is
 * Excel's built-in Text format, id 49). It makes those cells share a style of
 * their own, which markQuotePrefixed then marks: exceljs cannot write the
 * quotePrefix attribute itself.
 */
export const QUOTE_PREFIX_FORMAT = '@';
const TEXT_FORMAT_ID = '49';

/**
 * Adds quotePrefix="1" to every cell style with the Text format: what Excel
 * stores when someone types '=1+2. Excel and LibreOffice then show =1+2 as
 * text, and keep it text when the cell is edited, with no apostrophe in the value.
 */
export async function markQuotePrefixed(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file('xl/styles.xml');
  if (!file) throw new Error('The workbook has no styles part');
  const styles = await file.async('string');
  const marked = styles.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, (xfs) =>
    xfs.replace(/<xf\b([^>]*?)(\/?)>/g, (xf, attrs: string, close: string) =>
      new RegExp(`\\bnumFmtId="${TEXT_FORMAT_ID}"`).test(attrs) && !/\bquotePrefix=/.test(attrs)
        ? `<xf${attrs} quotePrefix="1"${close}>`
        : xf,
    ),
  );
  if (marked === styles) throw new Error('No Text-format cell style to mark as quote-prefixed');
  zip.file('xl/styles.xml', marked);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
