/**
 * The typography of generated text, the same as the guides' own (GB/T 15834 as the example
 * guides apply it): a number runs into its Chinese unit with no space (10个工作日, 20元, 最多1次,
 * 1份), and a clause set in brackets drops the full stop it ends with (（周末和法定节假日休息）).
 * Every string Baihua composes for a citizen goes through these two functions.
 */

/** A number and its Chinese unit: 10个工作日, 20元, 1份. */
export function quantity(value: number, unit: string): string {
  return `${value}${unit}`;
}

/** A clause as it reads inside brackets or before more text: without its closing full stop. */
export function clause(text: string): string {
  return text.replace(/[。．.]+$/u, '');
}

/** A clause inserted in full-width brackets: （周末和法定节假日休息）. */
export function bracketed(text: string): string {
  return `（${clause(text)}）`;
}
