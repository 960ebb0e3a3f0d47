/**
 * What a long command is doing, for people watching a terminal: a status line, and an elapsed
 * time for work that reports no progress of its own. Both stay silent when stderr is not a TTY,
 * so pipes, --json output and tests see nothing extra.
 */
export interface Activity {
  stop(): void;
}

/** Writes `line` on a TTY only. */
export function statusLine(stream: NodeJS.WriteStream = process.stderr): (line: string) => void {
  return (line) => {
    if (stream.isTTY) stream.write(`${line}\n`);
  };
}

/** After `delayMs`, shows "label… 3 s" and updates it each second until stopped; then clears it. */
export function startActivity(label: string, stream: NodeJS.WriteStream = process.stderr, delayMs = 1_000): Activity {
  if (!stream.isTTY) return { stop: () => {} };
  const started = Date.now();
  let drawn = false;
  const draw = (): void => {
    stream.write(`\r${label}… ${Math.round((Date.now() - started) / 1000)} s`);
    drawn = true;
  };
  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    draw();
    timer = setInterval(draw, 1_000);
    timer.unref();
  }, delayMs);
  first.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      // Erase the line so the command's own output starts on a clean one.
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
