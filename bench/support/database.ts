import { createDatabase, postgresInstalled, startCluster } from '../../tests/helpers/postgres-cluster.js';

/**
 * A fresh PostgreSQL database for a benchmark, on TEST_DATABASE_URL's server or a throwaway cluster
 * of the machine's; `drop` removes it (and the cluster). Exits with code 2 when neither can be had.
 */
export async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  let server = process.env.TEST_DATABASE_URL;
  let stop: (() => void) | undefined;
  if (!server) {
    const bins = postgresInstalled();
    if (!bins) {
      console.error('No PostgreSQL: set TEST_DATABASE_URL or install Debian\'s "postgresql" package.');
      process.exit(2);
    }
    const cluster = startCluster(bins);
    server = cluster.url;
    stop = cluster.stop;
  }
  const database = await createDatabase(server, 'bench');
  return {
    url: database.url,
    drop: async () => {
      await database.drop();
      stop?.();
    },
  };
}
