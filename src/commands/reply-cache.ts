import type { Reply } from '../core/blocks/reply.js';

const MAX_ENTRIES = 1000;

/**
 * Rendered replies of pure commands (see CommandModule.pure), keyed by everything they depend on, including
 * the dataset version, so an edit is never answered from the cache. Oldest entries go first.
 */
export class ReplyCache {
  private readonly entries = new Map<string, Reply>();

  /** `capacity` 0 keeps nothing (what a benchmark of uncached answers needs). */
  constructor(private readonly capacity = MAX_ENTRIES) {}

  /** `hour` (since the epoch) bounds a reply's life: answers say what is overdue or out of date as of today. */
  static key(parts: {
    command: string;
    text: string;
    locale: string;
    focus: string;
    version: number;
    hour: number;
  }): string {
    return [parts.command, parts.locale, parts.focus, parts.version, parts.hour, parts.text.trim()].join('\u0000');
  }

  get(key: string): Reply | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, reply: Reply): void {
    if (this.capacity === 0) return;
    this.entries.set(key, reply);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
