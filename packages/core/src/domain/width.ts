/**
 * Full-width digits (０–９) as half-width ones. NFKC maps each full-width character to its
 * half-width form; it is applied to the digits alone because on a whole text it would also turn
 * the full-width punctuation Chinese uses （，：） into ASCII.
 */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => digit.normalize('NFKC'));
}
