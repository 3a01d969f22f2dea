// buildApp(deps): the provisioning simulator's HTTP app (platform routes + task, fault-injection and TMF640
// routes). Never listens: main.ts or the fleet does, and tests inject or listen on port 0.
import { createPlatformApp, type App } from '@bss/server-kit';
import type { ProvisioningDeps } from './deps.ts';
import { registerFaultRuleRoutes } from './routes/fault-rule.routes.ts';
import { registerTaskRoutes } from './routes/task.routes.ts';
import { registerTmf640Routes } from './routes/tmf640.routes.ts';
import { createFaultRuleService } from './services/fault-rule.service.ts';
import { resetProvisioningData } from './services/reset.service.ts';
import { createTaskOperator } from './services/task-operator.service.ts';
import { createTaskQuery } from './services/task-query.ts';

export async function buildApp(deps: ProvisioningDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'Provisioning simulator (TMF640): runs the network tasks of service orders, with operator fault injection and fallout actions.',
    reset: resetProvisioningData,
  });
  const query = createTaskQuery(deps);
  registerTaskRoutes(app, deps, query, createTaskOperator(deps));
  registerFaultRuleRoutes(app, createFaultRuleService(deps));
  registerTmf640Routes(app, deps, query);
  return app;
}
