import net from 'node:net';

/**
 * A TCP proxy a test controls, to make a real server (PostgreSQL) unreachable for one
 * instance without stopping it for anyone else: `refuse()` drops every connection and
 * turns new ones away (as a stopped server), `blackhole()` holds connections without
 * passing a byte (as a cut network), `restore()` forwards again.
 */
export class TcpProxy {
  private mode: 'forward' | 'refuse' | 'blackhole' = 'forward';
  private readonly pairs = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = net.createServer((client) => proxy?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy without a port');
    proxy = new TcpProxy(server, address.port);
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  refuse(): void {
    this.mode = 'refuse';
    this.dropAll();
  }

  blackhole(): void {
    this.mode = 'blackhole';
    for (const socket of this.pairs) socket.pause();
  }

  restore(): void {
    // Held connections stay dead (as after a real cut): the clients must notice and reconnect.
    if (this.mode === 'blackhole') this.dropAll();
    this.mode = 'forward';
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private dropAll(): void {
    for (const socket of this.pairs) socket.destroy();
    this.pairs.clear();
  }

  private accept(client: net.Socket, target: { host: string; port: number }): void {
    if (this.mode === 'refuse') {
      client.destroy();
      return;
    }
    this.pairs.add(client);
    client.on('close', () => this.pairs.delete(client));
    client.on('error', () => client.destroy());
    if (this.mode === 'blackhole') {
      client.pause();
      return;
    }
    const upstream = net.connect(target);
    this.pairs.add(upstream);
    upstream.on('close', () => {
      this.pairs.delete(upstream);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('error', () => upstream.destroy());
    client.on('data', (chunk) => {
      if (this.mode === 'forward') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (this.mode === 'forward') client.write(chunk);
    });
  }
}
