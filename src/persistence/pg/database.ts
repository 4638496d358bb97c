import pg from 'pg';
import type { Logger } from '../../core/logger.js';
import { DatabaseUnavailableError, isSchemaMissing, isUnavailable, redactUrl } from './pg-errors.js';

export { DatabaseUnavailableError, isSchemaMissing, isUnavailable, redactUrl } from './pg-errors.js';

/**
 * A pool of connections to PostgreSQL, with transactions and LISTEN. Connections lost while the server restarts
 * are dropped from the pool; the next query opens a new one.
 */
export class Database {
  readonly pool: pg.Pool;
  /** Called when a query finds the database or its tables gone, so they can be made again once it is back. */
  onSchemaMissing: (() => void) | undefined;
  /** How many queries have failed for unavailability: a health answer older than the last failure is stale. */
  unavailableCount = 0;

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
    return this.checkedOut(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }, options.closeAfter === true);
  }

  /**
   * Runs `work` on a connection that is closed afterwards: the driver keeps a buffer as large as the largest
   * message a connection received, and a 65 MB dataset row should not stay resident in an idle pool.
   */
  once<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.checkedOut(work, true);
  }

  /**
   * A pooled connection for `work`. While it is checked out the pool does not listen for its errors, and an
   * unheard 'error' (the server restarting between two queries) would end the process; so it is heard here,
   * and a connection that failed is discarded instead of going back to the pool.
   */
  private async checkedOut<T>(work: (client: pg.PoolClient) => Promise<T>, discard: boolean): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.translate(error);
    }
    let failed: Error | undefined;
    const onError = (error: Error) => {
      failed = error;
    };
    client.on('error', onError);
    try {
      return await work(client);
    } catch (error) {
      throw this.translate(failed && !isUnavailable(error) ? failed : error);
    } finally {
      client.removeListener('error', onError);
      client.release(failed ?? discard);
    }
  }

  /**
   * A dedicated connection for LISTEN. `onLost` is called once when it drops (an error and the end of the socket
   * both say so), so the caller can listen again; the dead connection is closed, never leaked.
   */
  async listen(channel: string, onNotify: (payload: string) => void, onLost: () => void): Promise<() => Promise<void>> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    let done = false;
    const close = () => {
      done = true;
      return client.end().catch(() => undefined);
    };
    const lost = () => {
      if (done) return;
      void close();
      onLost();
    };
    client.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    // Stays attached for the client's life: errors after `close` are expected and must not go unheard.
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await close();
      throw this.translate(error);
    }
    return async () => {
      await close();
    };
  }

  private translate(error: unknown): unknown {
    if (!isUnavailable(error)) return error;
    this.unavailableCount += 1;
    if (isSchemaMissing(error)) this.onSchemaMissing?.();
    const reason = (error as { code?: string }).code ?? 'connection';
    return new DatabaseUnavailableError(`PostgreSQL at ${redactUrl(this.url)} is unavailable (${reason})`, reason);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
