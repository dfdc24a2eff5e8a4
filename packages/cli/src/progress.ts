import cliProgress from 'cli-progress';

/**
 * Reports a build's progress on standard error: a bar with rate and ETA on a terminal; elsewhere
 * (CI logs) a line at every tenth, for catalogs large enough to take a while.
 */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const LINES_FROM_GUIDES = 100;

export function buildProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY && !process.env.CI) return barProgress(stream);
  let shown = 0;
  return {
    update(done, total) {
      const tenth = Math.floor((done * 10) / total);
      if (total < LINES_FROM_GUIDES || tenth <= shown) return;
      shown = tenth;
      stream.write(`baihua: 已生成 ${done}/${total} 份指南\n`);
    },
    stop() {},
  };
}

/**
 * 「还要约 2 分 30 秒」: cli-progress would write 「2m30s」, and garble the time it cannot tell yet
 * (a string: '0' before the first estimate, 'INF' or 'NULL'). Beyond 10 seconds it rounds to
 * `roundTo` seconds, as cli-progress does, so that the line does not flicker.
 */
export function remainingTime(seconds: number | string, _options?: unknown, roundTo = 1): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '正在估算剩余时间';
  const total = seconds > 10 ? roundTo * Math.round(seconds / roundTo) : Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (hours) return `还要约 ${hours} 小时 ${minutes} 分`;
  if (minutes) return `还要约 ${minutes} 分 ${total % 60} 秒`;
  return `还要约 ${total} 秒`;
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '生成指南 [{bar}] {value}/{total} 份 | {rate} 份/秒 | {eta_formatted}',
      formatTime: remainingTime,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  // Rendering starts after the lint: the rate counts from the first guide rendered.
  let start: { time: number; done: number } | undefined;
  return {
    update(done, total) {
      if (!start) {
        start = { time: Date.now(), done };
        bar.start(total, done, { rate: '—' });
        return;
      }
      const seconds = Math.max((Date.now() - start.time) / 1000, 0.001);
      bar.update(done, { rate: ((done - start.done) / seconds).toFixed(0) });
    },
    stop() {
      if (start) bar.stop();
    },
  };
}
