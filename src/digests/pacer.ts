/** Keeps posts to one channel at least `gapMs` apart (Slack allows about one message a second per channel). */
export class Pacer {
  private readonly next = new Map<string, number>();

  constructor(private readonly gapMs: number) {}

  async wait(channel: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next.get(channel) ?? 0);
    this.next.set(channel, at + this.gapMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}
