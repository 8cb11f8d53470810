import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest';
import { appEnv } from '@/server/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Inngest Cloud (or an Inngest dev server with INNGEST_DEV=1) registers and invokes the functions
// here. The SDK reads INNGEST_SIGNING_KEY itself and refuses unsigned requests in cloud mode.
const handlers = serve({ client: inngest, functions });

type RouteContext = { params: Promise<Record<string, string>> };

/** In the local default the same functions run in-process, so there is nothing to serve. */
function runsLocally(): boolean {
  return appEnv().jobs.runner === 'local' && !process.env.INNGEST_DEV;
}

function localRunnerAnswer(status: number): Response {
  return Response.json(
    {
      mode: 'local',
      message:
        'Jobs run in this process (JOBS_RUNNER=local). Set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY to use Inngest Cloud, or INNGEST_DEV=1 for an Inngest dev server.',
      functions: functions.map((fn) => fn.id()),
    },
    { status },
  );
}

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  return runsLocally() ? localRunnerAnswer(200) : handlers.GET(request as never, context);
}

export async function POST(request: Request, context: RouteContext): Promise<Response> {
  return runsLocally() ? localRunnerAnswer(409) : handlers.POST(request as never, context);
}

export async function PUT(request: Request, context: RouteContext): Promise<Response> {
  return runsLocally() ? localRunnerAnswer(409) : handlers.PUT(request as never, context);
}
