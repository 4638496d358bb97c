import type { RenderedText } from '../core/records/brief-records.js';

/** A verified, rendered answer, as the engine keeps it for the same question on the same dataset version. */
export interface CachedBrief {
  text: RenderedText;
  model: string;
  ms: number;
}

/** Answers kept for an hour so a repeated question costs no model call; in memory, or shared by replicas. */
export interface AnswerCache {
  get(key: string, now: number, ttlMs: number): Promise<CachedBrief | undefined>;
  set(key: string, value: CachedBrief, now: number): Promise<void>;
}

const MAX_ENTRIES = 500;

export class MemoryAnswerCache implements AnswerCache {
  private readonly entries = new Map<string, { at: number; value: CachedBrief }>();

  async get(key: string, now: number, ttlMs: number): Promise<CachedBrief | undefined> {
    const hit = this.entries.get(key);
    return hit && now - hit.at < ttlMs ? hit.value : undefined;
  }

  async set(key: string, value: CachedBrief, now: number): Promise<void> {
    this.entries.set(key, { at: now, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Replicas: one row per question key (hashed: questions can be long), pruned after a day. */
