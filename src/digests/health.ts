/**
 * The digest circuit breaker: once Slack says the token is dead, nothing more is posted until the bot is
 * restarted with a working token, and /healthz says why.
 */
export class DigestHealth {
  private outage: { code: string; since: string } | null = null;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  tripAuth(code: string): void {
    this.outage ??= { code, since: this.clock().toISOString() };
  }

  authFailure(): { code: string; since: string } | null {
    return this.outage;
  }
}
