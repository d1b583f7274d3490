// Progress on stderr: a redrawn bar when stderr is a terminal, one plain line per file
// otherwise (logs, CI, pipes). Nothing at all when quiet.
import { show } from './paths.ts';

export interface Progress {
  tick(file: string, status: string): void;
  note(line: string): void;
  done(): void;
}

export function progress(total: number, opts: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  let n = 0;
  if (opts.quiet) return { tick() {}, note() {}, done() {} };
  if (!stream.isTTY) {
    return {
      tick(file, status) {
        n++;
        stream.write(`ingest: ${n}/${total} ${status} ${show(file)}\n`);
      },
      note: (line) => void stream.write(`ingest: ${line}\n`),
      done() {},
    };
  }
  const width = 28;
  const draw = (label: string) => {
    const filled = total ? Math.round((n / total) * width) : width;
    const cols = Math.max(12, (stream.columns || 80) - width - 20);
    const name = show(label);
    const text = name.length > cols ? '…' + name.slice(-Math.max(1, cols - 1)) : name;
    stream.write(`\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${n}/${total} ${text}`);
  };
  return {
    tick(file) {
      n++;
      draw(file);
    },
    note(line) {
      stream.write(`\r\x1b[2K${line}\n`);
      draw('');
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
