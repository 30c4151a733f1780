// Progress for long commands: a bar with rate and ETA on a terminal (cli-progress),
// one plain line every few seconds otherwise (logs, CI), so output stays readable.
import cliProgress from "cli-progress";

export type ProgressReporter = {
  update: (done: number, total: number) => void;
  /** A message that must not be lost in the bar (a failure). */
  log: (message: string) => void;
  stop: () => void;
};

export function createProgress(
  label: string,
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressReporter {
  const started = Date.now();
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
        stream,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let startedBar = false;
    return {
      update(done, total) {
        const rate = (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
        if (!startedBar) {
          bar.start(total, done, { rate });
          startedBar = true;
        } else {
          bar.setTotal(total);
          bar.update(done, { rate });
        }
      },
      log(message) {
        // Clear the bar's line first so the message is not drawn over it.
        if (startedBar) stream.write("\r\x1b[2K");
        stream.write(`${message}\n`);
        if (startedBar) bar.render();
      },
      stop() {
        if (startedBar) bar.stop();
      },
    };
  }
  let lastLine = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - lastLine < 2000 && done < total) return;
      lastLine = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 0.001);
      const eta = rate > 0 && total > done ? ` ETA ${Math.ceil((total - done) / rate)} s` : "";
      stream.write(`${label}: ${done}/${total} ${unit} (${rate.toFixed(1)} ${unit}/s)${eta}\n`);
    },
    log(message) {
      stream.write(`${message}\n`);
    },
    stop() {},
  };
}
