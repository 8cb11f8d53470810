import { appEnv } from '@/server/env';
import { DEMO_USER } from '@/server/db/seed';
import { realtimeClientConfig, type RealtimeClientConfig } from '@/server/realtime/client-config';
import { appVersion } from '@/server/version';

export type PublicAppInfo = {
  mode: 'embedded' | 'server';
  /** Only in the embedded default: the seeded account shown on the sign-in page. */
  demoUser?: { email: string; password: string };
  githubEnabled: boolean;
  realtime: RealtimeClientConfig;
  version: string;
};

/** What the browser may know about this deployment. Never includes a secret. */
export async function getPublicAppInfo(): Promise<PublicAppInfo> {
  const env = appEnv();
  const embedded = env.database.kind === 'embedded';
  return {
    mode: embedded ? 'embedded' : 'server',
    ...(embedded ? { demoUser: { email: DEMO_USER.email, password: DEMO_USER.password } } : {}),
    githubEnabled: Boolean(env.auth.github),
    realtime: realtimeClientConfig(env.realtime),
    version: appVersion(),
  };
}
