import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePairs, candidatePairsWith, SIGNATURE_SIZE } from '../src/minhash.js';

const sorted = (pairs: Array<[number, number]>) => pairs.map(([a, b]) => `${a}-${b}`).sort();

describe('candidatePairsWith', () => {
  it('finds exactly the candidate pairs that include a guide in focus', () => {
    // Few distinct values, so that bands agree often; some guides in the same group, some unsigned.
    const signature = fc.option(
      fc
        .uint32Array({ minLength: SIGNATURE_SIZE, maxLength: SIGNATURE_SIZE })
        .map((values) => values.map((value) => value % 3)),
      { freq: 8 },
    );
    const guides = fc.array(fc.record({ signature, group: fc.option(fc.constantFrom('a', 'b')) }), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(guides, fc.array(fc.nat(), { maxLength: 4 }), (catalog, picks) => {
        const signatures = catalog.map((guide) => guide.signature ?? undefined);
        const group = (index: number) => catalog[index]!.group ?? undefined;
        const focus = [...new Set(picks.map((pick) => pick % catalog.length))];
        const expected = candidatePairs(signatures, group).filter(([a, b]) => focus.includes(a) || focus.includes(b));
        expect(sorted(candidatePairsWith(signatures, focus, group))).toEqual(sorted(expected));
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});
