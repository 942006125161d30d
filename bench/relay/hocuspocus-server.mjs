import { Server } from '@hocuspocus/server';

/** Hocuspocus as in its minimal example: no extensions, documents live in memory only. */
const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
});

await server.listen();
process.stdout.write(`hocuspocus ready on ${server.address.port}\n`);

const stop = () => {
  server.destroy().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
