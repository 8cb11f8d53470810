import { DriverAdapterError, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';

/**
 * A driver adapter that forwards to `inner` except for the methods given. Used to patch the
 * adapters' defects for the schema engine without forking them.
 */
export function overrideAdapter(
  inner: SqlDriverAdapter,
  overrides: Partial<Pick<SqlDriverAdapter, 'executeScript' | 'dispose'>>,
): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: (query) => inner.executeRaw(query),
    executeScript: overrides.executeScript ?? ((script) => inner.executeScript(script)),
    startTransaction: (isolationLevel) => inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: overrides.dispose ?? (() => inner.dispose()),
  };
}

/** Remembers what a factory opened so `close()` can release it even if the engine did not. */
export class OpenedResources {
  private readonly closers = new Set<() => Promise<void>>();

  /** Register `closer`; the returned function runs it once and forgets it. */
  track(closer: () => Promise<void>): () => Promise<void> {
    let done = false;
    const once = async () => {
      if (done) return;
      done = true;
      this.closers.delete(once);
      await closer();
    };
    this.closers.add(once);
    return once;
  }

  async closeAll(): Promise<void> {
    const pending = [...this.closers].reverse();
    const results = await Promise.allSettled(pending.map((close) => close()));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
}

type PostgresErrorFields = {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  detail?: unknown;
  column?: unknown;
  hint?: unknown;
};

/** PostgreSQL errors go to the engine as structured errors so it reports them like the CLI. */
export function toDriverAdapterError(error: unknown): unknown {
  const fields = (error ?? {}) as PostgresErrorFields;
  if (typeof fields.code !== 'string' || typeof fields.message !== 'string') return error;
  const optional = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return new DriverAdapterError({
    kind: 'postgres',
    code: fields.code,
    severity: optional(fields.severity) ?? 'ERROR',
    message: fields.message,
    detail: optional(fields.detail),
    column: optional(fields.column),
    hint: optional(fields.hint),
    originalCode: fields.code,
    originalMessage: fields.message,
  });
}
