/**
 * A second process for the embedded-database lock tests (tests/integration/db/embedded.int.test.ts):
 *   node --import tsx tests/helpers/embedded-db-child.ts <mode> <dataDir>
 * Modes:
 *   count  open it with Prisma and print {"ok":true,"users":<n>}
 *   hold   open it, print {"ok":true,"ready":true}, and stay up until signalled
 * Failures print {"ok":false,"name","message"} and exit 1.
 */
export {};

const [mode, dataDir] = process.argv.slice(2);
const print = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);

try {
  if (!dataDir) throw new Error('usage: embedded-db-child.ts <count|hold> <dataDir>');
  if (mode === 'count') {
    const { createDatabase } = await import('@/server/db/client');
    const db = await createDatabase({ kind: 'embedded', dataDir });
    print({ ok: true, users: await db.prisma.user.count() });
    await db.close();
  } else if (mode === 'hold') {
    // Imported per mode: the Prisma client (behind client.ts) is slow to load and not needed here.
    const { openEmbeddedDatabase } = await import('@/server/db/embedded');
    await openEmbeddedDatabase(dataDir);
    print({ ok: true, ready: true });
    // Keeps the process alive; only a signal ends it (the exit hooks must then release the lock).
    setInterval(() => {}, 60_000);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  print({ ok: false, name, message });
  process.exitCode = 1;
}
