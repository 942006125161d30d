import type { SamleConfig } from '../config.js';
import type { Storage } from '../storage/contracts/types.js';
import { PostgresStorage } from '../storage/postgres/PostgresStorage.js';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js';

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
