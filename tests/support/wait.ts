// Waiting for an event, not for a time: text that arrives in pieces (a child's output, a logger's
// lines) with a promise per pattern, and an HTTP endpoint asked until its answer holds. Neither has
// a deadline of its own: the test's timeout bounds the wait, so a loaded machine only makes it
// longer, never wrong.
import { setTimeout as sleep } from 'node:timers/promises';

interface Waiter {
  pattern: RegExp;
  resolve: (match: RegExpExecArray) => void;
  reject: (err: Error) => void;
}

export class WatchedText {
  private text = '';
  private ended: string | undefined;
  private readonly waiters = new Set<Waiter>();

  append(piece: string): void {
    this.text += piece;
    for (const w of this.waiters) {
      const match = w.pattern.exec(this.text);
      if (!match) continue;
      this.waiters.delete(w);
      w.resolve(match);
    }
  }

  /** No more text will come (the child exited): every wait still open fails, saying `why`, with the text so far. */
  end(why: string): void {
    this.ended = why;
    for (const w of this.waiters) w.reject(this.missing(w.pattern));
    this.waiters.clear();
  }

  toString(): string {
    return this.text;
  }

  /** The first match of `pattern` in the text so far, or in what arrives later. */
  match(pattern: RegExp): Promise<RegExpExecArray> {
    const match = pattern.exec(this.text);
    if (match) return Promise.resolve(match);
    if (this.ended !== undefined) return Promise.reject(this.missing(pattern));
    return new Promise((resolve, reject) => this.waiters.add({ pattern, resolve, reject }));
  }

  private missing(pattern: RegExp): Error {
    return new Error(`${this.ended} before ${pattern} appeared in:\n${this.text.slice(-4000)}`);
  }
}

/** GET `url` until `ok` holds for the answer's text, a pause between tries; resolves with that text. */
export async function fetchUntil(url: string, ok: (text: string) => boolean, pauseMs = 100): Promise<string> {
  for (;;) {
    const text = await (await fetch(url)).text();
    if (ok(text)) return text;
    await sleep(pauseMs);
  }
}
