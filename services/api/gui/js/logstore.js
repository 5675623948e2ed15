// LogStore keeps one run's log lines in stream order, at most once each.
// Lines carry the stream sequence the server sends as the SSE id, so a
// reconnect that resumes from Last-Event-ID, or a replay, never repeats a
// line; the oldest lines go when the store is full.

export class LogStore {
  /** @param {{max?: number}} opts max lines kept (default 5000). */
  constructor({ max = 5000 } = {}) {
    this.max = max;
    this.reset('');
  }

  /** reset empties the store for the run runId. */
  reset(runId) {
    this.runId = runId;
    this.lines = [];
    this.lastSeq = 0;
    this.dropped = 0;
  }

  /**
   * add appends a line {seq, level, message, time}. It returns the number
   * of old lines evicted (>= 0) when the line was added, or -1 when it was
   * a repeat (seq not after the last one seen) and was ignored.
   */
  add(line) {
    const seq = Number(line.seq) || 0;
    if (seq > 0) {
      if (seq <= this.lastSeq) return -1;
      this.lastSeq = seq;
    }
    this.lines.push({
      seq,
      level: normLevel(line.level),
      message: String(line.message ?? ''),
      time: line.time || '',
    });
    let evicted = 0;
    while (this.lines.length > this.max) {
      this.lines.shift();
      this.dropped += 1;
      evicted += 1;
    }
    return evicted;
  }

  /** seen advances the last sequence for non-line events (progress, step). */
  seen(seq) {
    seq = Number(seq) || 0;
    if (seq <= this.lastSeq) return false;
    this.lastSeq = seq;
    return true;
  }
}

/** normLevel maps a level to debug, info, warn or error. */
export function normLevel(l) {
  const s = String(l || 'info').toLowerCase();
  if (s.startsWith('err') || s === 'fatal') return 'error';
  if (s.startsWith('warn')) return 'warn';
  if (s === 'debug' || s === 'trace') return 'debug';
  return 'info';
}
