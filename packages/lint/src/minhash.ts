/**
 * Near-duplicate detection for catalog/near-duplicate: a MinHash signature of a guide's word
 * shingles, small enough to keep for every guide of a catalog (128 × 4 bytes), and LSH banding to
 * find candidate pairs without comparing every guide with every other.
 *
 * Classic MinHash (Broder 1997): 128 hash functions, each keeping its smallest value over the
 * shingles; the share of equal values estimates the Jaccard similarity of the shingle sets
 * (standard error about 0.035 at 0.8). One-permutation hashing costs less but was measured too
 * noisy on guides of a few hundred words (a copy with one address changed scored 0.80).
 */
export const SIGNATURE_SIZE = 128;
/** Words per shingle: three words keep word order without making every edit change every shingle. */
const SHINGLE_WORDS = 3;
/** Bands of `ROWS` values: a pair at similarity s becomes a candidate with probability 1 − (1 − s⁴)³², 0.98 at s = 0.5. */
const ROWS = 4;
/** The lowest threshold banding finds reliably. */
export const MIN_THRESHOLD = 0.5;

/** murmur3's finalizer: a fast, well-mixed 32-bit hash of a 32-bit value. */
function mix(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of a word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) h = Math.imul(h ^ word.charCodeAt(index), 0x01000193);
  return h >>> 0;
}

/** The hash functions: odd multipliers and offsets, fixed so that signatures are stable across runs and caches. */
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, index) => mix(index * 2 + 1) | 1);
const OFFSETS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, index) => mix(index * 2 + 2));

/** The signature of a sequence of words, or undefined when there are too few to compare. */
export function signature(words: string[]): Uint32Array | undefined {
  if (words.length < SHINGLE_WORDS) return undefined;
  const hashes = words.map(hashWord);
  const shingles = new Set<number>();
  for (let index = 0; index + SHINGLE_WORDS <= hashes.length; index++) {
    shingles.add(mix(mix(mix(hashes[index]!) ^ hashes[index + 1]!) ^ hashes[index + 2]!));
  }
  const minimums = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let index = 0; index < SIGNATURE_SIZE; index++) {
      // (a·x + b) mod 2³², its high bits folded down: a cheap, well-spread hash per function.
      let h = (Math.imul(MULTIPLIERS[index]!, shingle) + OFFSETS[index]!) | 0;
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < minimums[index]!) minimums[index] = h;
    }
  }
  return minimums;
}

/** The share of hash functions where two signatures agree: an estimate of the Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let index = 0; index < SIGNATURE_SIZE; index++) if (a[index] === b[index]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * Pairs of signatures that agree on all bins of at least one band. `group` names signatures that
 * are not compared with each other (the same service in different places), so a band shared by
 * hundreds of county copies of one service costs one pass, not a pair each.
 */
export function candidatePairs(
  signatures: Array<Uint32Array | undefined>,
  group: (index: number) => string | undefined,
): Array<[number, number]> {
  const { pairs, addPair } = pairCollector(signatures.length);
  for (let band = 0; band < SIGNATURE_SIZE / ROWS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((signature, index) => {
      if (!signature) return;
      let key = '';
      for (let row = 0; row < ROWS; row++) key += `${signature[band * ROWS + row]!.toString(36)},`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      // Members of one group are never paired: split the bucket by group, pair across groups.
      const byGroup = new Map<string | number, number[]>();
      for (const index of bucket) {
        const name = group(index) ?? index;
        const members = byGroup.get(name);
        if (members) members.push(index);
        else byGroup.set(name, [index]);
      }
      const groups = [...byGroup.values()];
      for (let g = 0; g < groups.length; g++) {
        for (let h = g + 1; h < groups.length; h++) {
          for (const first of groups[g]!) {
            for (const second of groups[h]!) {
              addPair(first, second);
            }
          }
        }
      }
    }
  }
  return pairs;
}

/**
 * The pairs of `candidatePairs` that include one of `focus`, found by comparing the bands of each
 * signature in `focus` with every other signature's: when a few guides are reported on among many
 * (the guide being edited, one file linted in its catalog), this costs a fraction of bucketing the
 * bands of the whole catalog.
 */
export function candidatePairsWith(
  signatures: Array<Uint32Array | undefined>,
  focus: number[],
  group: (index: number) => string | undefined,
): Array<[number, number]> {
  const { pairs, addPair } = pairCollector(signatures.length);
  for (const first of focus) {
    const mine = signatures[first];
    if (!mine) continue;
    const myGroup = group(first) ?? first;
    signatures.forEach((other, second) => {
      if (!other || second === first || (group(second) ?? second) === myGroup || !shareBand(mine, other)) return;
      addPair(first, second);
    });
  }
  return pairs;
}

/** Whether two signatures agree on all bins of at least one band. */
function shareBand(a: Uint32Array, b: Uint32Array): boolean {
  for (let start = 0; start < SIGNATURE_SIZE; start += ROWS) {
    let row = 0;
    while (row < ROWS && a[start + row] === b[start + row]) row++;
    if (row === ROWS) return true;
  }
  return false;
}

export function encodeSignature(signature: Uint32Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64');
}

export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Pairs of indexes, each recorded once whichever way round it is met, lower index first. */
function pairCollector(count: number): { pairs: Array<[number, number]>; addPair(a: number, b: number): void } {
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  return {
    pairs,
    addPair(a, b) {
      const [low, high] = a < b ? [a, b] : [b, a];
      const key = low * count + high;
      if (seen.has(key)) return;
      seen.add(key);
      pairs.push([low, high]);
    },
  };
}
