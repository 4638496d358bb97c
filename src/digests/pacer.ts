/**
 * Keeps posts to one channel at least `gapMs` apart (Slack allows about one message a second per channel). Posts
 * to a channel take turns, and the gap counts from the moment the previous one was answered, since a request may
 * wait in the client's queue before it reaches Slack.
 */
export class Pacer {
  private readonly next = new Map<string, number>();
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(private readonly gapMs: number) {}

  run<T>(channel: string, post: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(channel) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const wait = (this.next.get(channel) ?? 0) - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await post();
      } finally {
        this.next.set(channel, Date.now() + this.gapMs);
      }
    });
    const settled = turn.catch(() => undefined);
    this.turns.set(channel, settled);
    void settled.then(() => {
      if (this.turns.get(channel) === settled) this.turns.delete(channel);
    });
    return turn;
  }
}
