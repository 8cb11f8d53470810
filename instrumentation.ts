/** Runs once per server process (next dev / next start / serverless cold start). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('@/server/boot');
  await startServer();
}
