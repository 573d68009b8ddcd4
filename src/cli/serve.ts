// `bulwark serve`: start the service on PORT with data under BULWARK_DATA_DIR, print the first
// admin key once if none exists, and shut down cleanly (flushing the audit log) on SIGINT/SIGTERM.

import { loadConfig } from '../config.js';
import { buildApp } from '../http/index.js';
import { createService, ensureAdminKey } from '../service/index.js';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const service = await createService(config);
  const app = await buildApp(service);
  const { created } = await ensureAdminKey(service);
  if (created) {
    process.stdout.write(
      `\n  Bulwark created the first admin API key. It is shown only this once; store it now:\n\n` +
      `    ${created}\n\n  Use it as "Authorization: Bearer <key>". Only its hash is kept.\n\n`,
    );
  }
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ address, dataDir: config.dataDir, database: service.db.dialect }, 'Bulwark is serving');

  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
