// Every feature's routes, mounted once. A feature adds one line here.
import type { ServiceContext } from '../services/service-context';
import type { App } from './app';
import { alertRoutes } from '../routes/alert-routes';
import { authRoutes } from '../routes/auth-routes';
import { claimRoutes } from '../routes/claim-routes';
import { claimStaffRoutesPlugin } from '../routes/claim-routes-staff';
import { devRoutes } from '../routes/dev-routes';
import { employerRoutes } from '../routes/employer-routes';
import { employerPortalRoutes } from '../routes/employer-portal-routes';
import { healthRoutes } from '../routes/health-routes';
import { notificationRoutes } from '../routes/notification-routes';
import { paymentRoutes } from '../routes/payment-routes';
import { portalRoutes } from '../routes/portal-routes';
import { securityRoutes } from '../routes/security-routes';
import { smsRoutes } from '../routes/sms-routes';
import { staffConsoleRoutes } from '../routes/staff-routes';

export async function registerRoutes(app: App, ctx: ServiceContext): Promise<void> {
  await app.register(async (api) => {
    healthRoutes(api, ctx);
    await smsRoutes(api, ctx);
    authRoutes(api, ctx);
    securityRoutes(api, ctx);
    devRoutes(api, ctx);
    await portalRoutes(api, ctx);
    await staffConsoleRoutes(api, ctx);
    notificationRoutes(api, ctx);
    alertRoutes(api, ctx);
    await employerRoutes(api, ctx);
    employerPortalRoutes(api, ctx);
    await paymentRoutes(api, ctx);
    await claimRoutes(api, ctx);
    await claimStaffRoutesPlugin(api, ctx);
  });
}
