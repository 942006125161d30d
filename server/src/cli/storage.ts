import type { SamleConfig } from '../config.js';
import { PostgresStorage } from '../storage/PostgresStorage.js';
import { SqliteStorage } from '../storage/SqliteStorage.js';
import type { Storage } from '../storage/types.js';

/** The storage the server would use with the same environment (migrations run, as at start). */
export async function openStorage(config: SamleConfig): Promise<Storage> {
  if (config.databaseUrl) {
    return PostgresStorage.open({
      connectionString: config.databaseUrl,
      ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    });
  }
  return new SqliteStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
}
