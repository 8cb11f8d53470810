import { NonRetriableError, RetryAfterError } from 'inngest';
import { DELIVERY_RETRIES } from '@/server/alerts/delivery-service';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';
import { deliveryRequested, notificationCreated } from '../events';

/**
 * A notification for a user with channels: record one delivery per eligible channel, wait out
 * the user's quiet hours, then fan out one event per delivery so each channel retries on its
 * own and a failing one never holds up the others.
 */
export const planDeliveries = inngest.createFunction(
  {
    id: 'alerts-plan-deliveries',
    name: 'Plan outbound deliveries of a notification',
    triggers: [{ event: notificationCreated }],
    retries: 3,
  },
  async ({ event, step }) => {
    const plan = await step.run('plan', async () => {
      const services = await getServices();
      const result = await callService(() =>
        services.alerts.delivery.plan(event.data.notificationId),
      );
      return { deliveryIds: result.deliveryIds, deferUntil: result.deferUntil?.toISOString() };
    });
    if (plan.deliveryIds.length === 0) return { deliveries: 0 };
    if (plan.deferUntil) {
      await step.sleepUntil('quiet-hours', plan.deferUntil);
      await step.run('release', async () => {
        const services = await getServices();
        await services.alerts.delivery.release(plan.deliveryIds);
      });
    }
    await step.sendEvent(
      'fan-out',
      plan.deliveryIds.map((deliveryId) => deliveryRequested.create({ deliveryId })),
    );
    return { deliveries: plan.deliveryIds.length, deferredUntil: plan.deferUntil ?? null };
  },
);

/** Send one delivery; retryable failures come back with backoff (or the channel's Retry-After). */
export const deliverNotification = inngest.createFunction(
  {
    id: 'alerts-deliver',
    name: 'Deliver a notification to one channel',
    triggers: [{ event: deliveryRequested }],
    retries: DELIVERY_RETRIES,
    concurrency: { limit: 10 },
  },
  async ({ event, attempt }) => {
    const services = await getServices();
    const outcome = await callService(() =>
      services.alerts.delivery.attempt(event.data.deliveryId, attempt),
    );
    if (outcome.status === 'retry') {
      const message = `delivery ${event.data.deliveryId}: ${outcome.reason}`;
      if (outcome.retryAfterMs) throw new RetryAfterError(message, outcome.retryAfterMs);
      throw new Error(message);
    }
    if (outcome.status === 'failed') {
      // Recorded with its reason for the user; Inngest shows the run as failed too.
      throw new NonRetriableError(`delivery ${event.data.deliveryId}: ${outcome.reason}`);
    }
    return outcome;
  },
);
