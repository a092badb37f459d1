import { Client } from 'pg';

/**
 * The right to run one projection: a session-level advisory lock held on a connection of its own.
 * PostgreSQL frees it when that session ends, however it ends (close, crash, `pg_terminate_backend`,
 * a dead network noticed by the heartbeat), so another process can take over. The connection does
 * nothing else, so nothing else can break it.
 */
export class ProjectionLock {
  private client: Client | undefined;
  private held = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly lostListeners = new Set<() => void>();

  constructor(
    private readonly connectionString: string,
    private readonly key: bigint,
    private readonly heartbeatMs: number,
  ) {}

  isHeld(): boolean {
    return this.held;
  }

  /** Takes the lock if it is free; true when this process holds it (already or now). */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = await this.connected();
    const result = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS got', [this.key.toString()]);
    if (result.rows[0].got && this.client === client) {
      this.held = true;
      this.heartbeat = setInterval(() => {
        client.query('SELECT 1').catch(() => this.drop(client));
      }, this.heartbeatMs);
      this.heartbeat.unref();
    }
    return this.held;
  }

  /** Calls `listener` when the held lock is lost (its session ended); returns the unsubscribe. */
  whenLost(listener: () => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** Releases the lock (if held) and ends the connection. */
  async release(): Promise<void> {
    const client = this.client;
    const held = this.held;
    this.forget();
    if (!client) return;
    if (held) await client.query('SELECT pg_advisory_unlock($1::bigint)', [this.key.toString()]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }

  private async connected(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.connectionString, application_name: 'taizhang-read-model-lock' });
    // Without listeners an error on an idle connection would end the process.
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  /** The session of `client` is gone (or unusable): whatever it held is free now. */
  private drop(client: Client): void {
    if (this.client !== client) return;
    const wasHeld = this.held;
    this.forget();
    client.end().catch(() => undefined);
    if (wasHeld) for (const listener of [...this.lostListeners]) listener();
  }

  private forget(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.client = undefined;
    this.held = false;
  }
}
