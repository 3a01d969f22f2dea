// buildApp(deps): the rating HTTP app (platform routes + the debug surface). Rating keeps no data of its own, so
// there is no reset route. Never listens: main.ts or the fleet does.
import { createPlatformApp, type App } from '@bss/server-kit';
import type { RatingDeps } from './deps.ts';
import { registerRatingRoutes } from './routes/rating.routes.ts';
import { createRatingService } from './services/rating.service.ts';

export async function buildApp(deps: RatingDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'Rating: rates each recorded usage against its offering’s allowances (usage.rated), once per record.',
  });
  registerRatingRoutes(app, createRatingService(deps));
  return app;
}
