// What every benchmark script reports with: the median of repeated measurements, and numbers
// formatted for the Markdown tables of BENCHMARKS.md.
export const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

export const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
