import { getServices } from '@/server/services';

/** The daily reports service the process wired (server/alerts/service.ts). */
export async function reportsService() {
  return (await getServices()).alerts.reports;
}
