import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The app version from package.json, plus the commit when the host provides one. */
export function appVersion(): string {
  if (cached) return cached;
  let version = 'unknown';
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'));
    version = typeof pkg.version === 'string' ? pkg.version : version;
  } catch {
    // Not fatal: health still answers, with "unknown".
  }
  const commit = process.env.VERCEL_GIT_COMMIT_SHA ?? process.env.SOURCE_COMMIT;
  cached = commit ? `${version}+${commit.slice(0, 7)}` : version;
  return cached;
}
