import type { ThreadState } from '../../core/records/thread-records.js';

/** What an assistant thread remembers between turns: the figures it used and Slack's thread context. */
export type { ThreadState };

const MAX_THREADS = 5000;
const TTL_MS = 7 * 24 * 3600_000;

/**
 * Per-thread memory in process: bounded (oldest threads go first) and expiring, so a busy workspace cannot grow
 * it without limit. It is lost on restart; a follow-up after a restart is answered as a new question.
 */
export class ThreadMemory {
  private readonly threads = new Map<string, { at: number; state: ThreadState }>();

  constructor(private readonly clock: () => number = Date.now) {}

  get(channelId: string, threadTs: string): ThreadState | undefined {
    const key = `${channelId}:${threadTs}`;
    const entry = this.threads.get(key);
    if (!entry) return undefined;
    if (this.clock() - entry.at > TTL_MS) {
      this.threads.delete(key);
      return undefined;
    }
    return entry.state;
  }

  update(channelId: string, threadTs: string, change: Partial<ThreadState>): void {
    const key = `${channelId}:${threadTs}`;
    const state = { figureIds: [], context: {}, ...this.get(channelId, threadTs), ...change };
    this.threads.delete(key);
    this.threads.set(key, { at: this.clock(), state });
    if (this.threads.size > MAX_THREADS) this.threads.delete(this.threads.keys().next().value as string);
  }

  get size(): number {
    return this.threads.size;
  }
}

/** Thread state wherever it is kept: this process's memory, or PostgreSQL shared by replicas. */
export interface ThreadStates {
  get(channelId: string, threadTs: string): Promise<ThreadState | undefined>;
  update(channelId: string, threadTs: string, change: Partial<ThreadState>): Promise<void>;
}

export function inMemory(memory: ThreadMemory = new ThreadMemory()): ThreadStates {
  return {
    get: async (channelId, threadTs) => memory.get(channelId, threadTs),
    update: async (channelId, threadTs, change) => memory.update(channelId, threadTs, change),
  };
}
