// Runs the baihua CLI in this process and reports its peak memory on stderr as JSON, so the
// benchmark can read the peak RSS of a whole `baihua lint` run without platform tools.
import { main } from '../../packages/cli/dist/index.js';

const started = performance.now();
const exitCode = await main(process.argv.slice(2), { stdout: () => {}, stderr: (text) => process.stderr.write(text) });
process.stderr.write(
  `${JSON.stringify({ exitCode, ms: performance.now() - started, maxRssKiB: process.resourceUsage().maxRSS })}\n`,
);
