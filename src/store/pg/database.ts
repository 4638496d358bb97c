import pg from 'pg';
import type { Logger } from '../../logger.js';

/** The connection string without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable connection string)';
  }
}

/** Connection errors a request can meet while PostgreSQL restarts or is unreachable. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006'].includes(
      code,
    ) || /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  );
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * A pool of connections to PostgreSQL, with transactions and LISTEN. Connections lost while the server restarts
 * are dropped from the pool; the next query opens a new one.
 */
export class Database {
  readonly pool: pg.Pool;

  constructor(
    readonly url: string,
    private readonly logger: Logger,
    options: { max?: number } = {},
  ) {
    // allowExitOnIdle: a CLI run ends when its work does, without waiting for idle connections to time out.
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      connectionTimeoutMillis: 5_000,
      allowExitOnIdle: true,
    });
    this.pool.on('error', (error) => this.logger.warn('idle PostgreSQL connection lost', { error: error.message }));
  }

  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * Runs `work` in one transaction on one connection; rolls back if it throws. `closeAfter` drops the connection
   * afterwards (see `once`).
   */
  async transaction<T>(
    work: (client: pg.PoolClient) => Promise<T>,
    options: { closeAfter?: boolean } = {},
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.translate(error);
    }
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.translate(error);
    } finally {
      client.release(options.closeAfter === true);
    }
  }

  /**
   * Runs `work` on a connection that is closed afterwards: the driver keeps a buffer as large as the largest
   * message a connection received, and a 65 MB dataset row should not stay resident in an idle pool.
   */
  async once<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.translate(error);
    }
    try {
      return await work(client);
    } catch (error) {
      throw this.translate(error);
    } finally {
      client.release(true);
    }
  }

  /** A dedicated connection for LISTEN; `onLost` is called when it drops so the caller can listen again. */
  async listen(channel: string, onNotify: (payload: string) => void, onLost: () => void): Promise<() => Promise<void>> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    client.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    client.on('error', () => onLost());
    client.on('end', () => onLost());
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      await client.end().catch(() => undefined);
    };
  }

  private translate(error: unknown): unknown {
    if (isUnavailable(error)) {
      return new DatabaseUnavailableError(
        `PostgreSQL at ${redactUrl(this.url)} is unavailable (${(error as { code?: string }).code ?? 'connection'})`,
      );
    }
    return error;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
