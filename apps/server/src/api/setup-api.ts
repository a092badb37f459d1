import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupApiDocs } from './api-docs';

/** Largest JSON body accepted (a report file sent back for verification is the biggest). */
export const JSON_BODY_LIMIT = '1mb';

/**
 * What the REST API needs of the application itself, called once right after `NestFactory.create`:
 * a bounded JSON body parser (replacing Nest's default one) and the OpenAPI docs.
 */
export function setupApi(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  setupApiDocs(app);
}
