import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { it } from 'vitest';

/**
 * How the property tests run. `pnpm test` uses a fixed seed and a few hundred examples per
 * property, so a failure there is reproducible; `pnpm fuzz` sets these variables for long runs:
 *
 * - `BAIHUA_FUZZ_SEED`: a number, or `random` (default: the fixed seed below)
 * - `BAIHUA_FUZZ_RUNS`: examples per property (default: each property's own count)
 * - `BAIHUA_FUZZ_PATH`: with the seed, replays one counterexample (fast-check's `path`)
 */
const FIXED_SEED = 20261206;

const fuzzing = process.env.BAIHUA_FUZZ_RUNS !== undefined || process.env.BAIHUA_FUZZ_SEED !== undefined;

function seedFromEnvironment(): number {
  const setting = process.env.BAIHUA_FUZZ_SEED;
  if (setting === undefined || setting === '') return FIXED_SEED;
  if (setting === 'random') return Math.floor(Math.random() * 0x7fffffff);
  const seed = Number(setting);
  if (!Number.isInteger(seed)) throw new Error(`BAIHUA_FUZZ_SEED must be an integer or "random", not ${setting}`);
  return seed;
}

const seed = seedFromEnvironment();
const runsSetting = process.env.BAIHUA_FUZZ_RUNS ? Number(process.env.BAIHUA_FUZZ_RUNS) : undefined;
const replayPath = process.env.BAIHUA_FUZZ_PATH || undefined;

/**
 * The vitest timeout of a property test. It is a last resort only: vitest cannot interrupt
 * synchronous code, so it reports an overrun only after the property returns, and never a hang.
 * The hang guard below bounds each example; long fuzz runs have no overall limit.
 */
const PROPERTY_TIMEOUT_MS = fuzzing ? 0 : 600_000;

/**
 * One example (a parse, a lint, a fix loop or a render of one input of at most 128 KiB) that runs
 * longer than this is taken for a hang. Measured examples take milliseconds to a second; the
 * bound is far above that so that a busy machine never trips it, and still stops a runaway.
 */
const EXAMPLE_LIMIT_MS = 30_000;

/** The largest input the hang guard keeps for the report (guides are refused above 128 KiB). */
const KEPT_INPUT_BYTES = 256 * 1024;

/**
 * A watchdog thread for one property. The property runs on the main thread, which a hang blocks
 * for good (vitest's timeout never fires then); the watchdog sees no progress for
 * `EXAMPLE_LIMIT_MS`, saves the input that hung, says where, and kills the test process, so the
 * run fails instead of hanging CI.
 */
class HangGuard {
  // [0]: even while idle, odd while an example runs (bumped on each start and end); [1]: input length
  readonly #state = new Int32Array(new SharedArrayBuffer(8));
  readonly #input = new Uint8Array(new SharedArrayBuffer(KEPT_INPUT_BYTES));
  readonly #worker: Worker;
  slowest = { ms: 0, bytes: 0 };

  constructor(property: string) {
    const reportPath = join(tmpdir(), `baihua-fuzz-hang-${process.pid}.bin`);
    const message = `\n[hang guard] property "${property}" (seed ${seed}): one example ran over ${EXAMPLE_LIMIT_MS / 1000} s. Its input is saved in ${reportPath}; lint it with pnpm baihua lint --stdin --stdin-filename guide.md < ${reportPath}\n`;
    this.#worker = new Worker(
      `
      const { workerData } = require('node:worker_threads');
      const { writeFileSync, writeSync } = require('node:fs');
      const { state, input, limitMs, reportPath, message } = workerData;
      for (;;) {
        const seen = Atomics.load(state, 0);
        if (seen % 2 === 0) { Atomics.wait(state, 0, seen); continue; }
        if (Atomics.wait(state, 0, seen, limitMs) !== 'timed-out') continue;
        writeFileSync(reportPath, input.subarray(0, Atomics.load(state, 1)));
        writeSync(2, message);
        process.kill(process.pid, 'SIGKILL');
      }
      `,
      {
        eval: true,
        workerData: { state: this.#state, input: this.#input, limitMs: EXAMPLE_LIMIT_MS, reportPath, message },
      },
    );
    this.#worker.unref();
  }

  run<T>(input: Uint8Array, example: () => T): T {
    const kept = input.subarray(0, KEPT_INPUT_BYTES);
    this.#input.set(kept);
    Atomics.store(this.#state, 1, kept.length);
    this.#bump();
    const started = performance.now();
    try {
      return example();
    } finally {
      const ms = performance.now() - started;
      if (ms > this.slowest.ms) this.slowest = { ms, bytes: input.length };
      this.#bump();
    }
  }

  #bump(): void {
    Atomics.add(this.#state, 0, 1);
    Atomics.notify(this.#state, 0);
  }

  stop(): void {
    void this.#worker.terminate();
  }
}

interface PropertyOptions {
  /** examples in `pnpm test` (fuzz runs take BAIHUA_FUZZ_RUNS) */
  runs: number;
  /**
   * checks that the examples were what the property needs (that fixes fired, that some guides
   * rendered), given how many ran; skipped when one counterexample is replayed
   */
  after?: (runs: number) => void;
}

/**
 * Checks `predicate` (which throws on failure, as `expect` does) on examples of `arbitrary`, each
 * under the hang guard. `bytesOf` gives the bytes the hang guard saves if an example hangs. On
 * failure the error names the seed and path and the command that replays the shrunk counterexample.
 */
function checkProperty<T>(
  name: string,
  file: string,
  arbitrary: fc.Arbitrary<T>,
  bytesOf: (value: T) => Uint8Array,
  predicate: (value: T) => void,
  options: PropertyOptions,
): void {
  const guard = new HangGuard(name);
  const numRuns = runsSetting ?? options.runs;
  try {
    const details = fc.check(
      fc.property(arbitrary, (value) => guard.run(bytesOf(value), () => predicate(value))),
      { seed, numRuns, ...(replayPath && { path: replayPath, endOnFailure: true }) },
    );
    if (fuzzing) {
      console.log(
        `${name}: ${details.numRuns} examples, seed ${seed}; slowest example ${Math.round(guard.slowest.ms)} ms (${guard.slowest.bytes} bytes)`,
      );
    }
    if (!details.failed && !replayPath) options.after?.(details.numRuns);
    if (details.failed) {
      const replay = `Replay: BAIHUA_FUZZ_SEED=${details.seed} BAIHUA_FUZZ_PATH=${details.counterexamplePath ?? ''} npx vitest run ${file} -t '${name}'`;
      throw new Error(`${replay}\n\n${fc.defaultReportMessage(details) ?? ''}`, { cause: details.errorInstance });
    }
  } finally {
    guard.stop();
  }
}

/** A vitest test of one property (see `checkProperty`). */
export function propertyTest<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  bytesOf: (value: T) => Uint8Array,
  predicate: (value: T) => void,
  options: PropertyOptions,
): void {
  it(
    name,
    ({ task }) =>
      checkProperty(name, relative(process.cwd(), task.file.filepath), arbitrary, bytesOf, predicate, options),
    PROPERTY_TIMEOUT_MS,
  );
}
