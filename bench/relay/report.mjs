import { median, round } from './stats.mjs';

/**
 * Turns the raw results into one side-by-side Markdown table (readable in a
 * terminal, pasteable into docs/performance.md) and checks Samle's targets.
 */
const fmt = (value, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : String(round(value, digits));

function steadyRows(label, pick) {
  return [
    [
      `${label} fan-out latency p50 / p95 / p99 (ms)`,
      (r) => r && `${fmt(r.latencyMs.p50)} / ${fmt(r.latencyMs.p95)} / ${fmt(r.latencyMs.p99)}`,
    ],
    [`${label} server CPU per delivered update (µs)`, (r) => r && fmt(r.serverCpuPerDeliveryUs, 2)],
    [
      `${label} … of which user / kernel (µs)`,
      (r) =>
        r?.serverUserSystemPerDeliveryUs &&
        `${fmt(r.serverUserSystemPerDeliveryUs[0], 2)} / ${fmt(r.serverUserSystemPerDeliveryUs[1], 2)}`,
    ],
    [`${label} frames sent per delivered update (Samle)`, (r) => r?.framesPerDelivery && fmt(r.framesPerDelivery, 2)],
    [
      `${label} updates in/s; delivered (of expected)`,
      (r) => r && `${fmt(r.rateIn, 0)}; ${r.delivered} (${fmt(r.completeness * 100, 2)} %)`,
    ],
    [
      `${label} server / load-generator core use`,
      (r) => r && `${fmt(r.serverCoreUse, 2)} / ${fmt(r.loadgenCoreUse, 2)}`,
    ],
    [`${label} client errors`, (r) => r && String(r.errors)],
  ].map(([name, get]) => [name, (result) => get(pick(result))]);
}

const ROWS = [
  ...steadyRows('(a)', (r) => r.a),
  ...steadyRows('(b)', (r) => r.b),
  ['(c) server memory held per loaded 5,000-note board, after full GCs (MiB)', (r) => r.c && fmt(r.c.memPerBoardMiB)],
  [
    '(c) … as a multiple of its encoded size',
    (r) => r.c && `${fmt(r.c.memPerEncodedByte)}× of ${fmt(r.c.encodedBytes / 1e6, 2)} MB`,
  ],
  [
    '(c) RSS growth per board after full GCs (MiB; also counts pages V8 and malloc keep)',
    (r) => r.c && `${fmt(r.c.rssPerBoardMiB)} (${fmt(r.c.rssPerEncodedByte)}×)`,
  ],
  ['(c) fresh client holds full state (ms, median)', (r) => r.c && fmt(r.c.fullStateMs)],
  [
    '(c) Samle after restart: MiB held / RSS MiB per board / cold join ms',
    (r) =>
      r.c?.cold &&
      `${fmt(r.c.cold.memPerBoardMiB)} / ${fmt(r.c.cold.rssPerBoardMiB)} / ${fmt(r.c.cold.coldFullStateMs)}`,
  ],
  ['(d) max sustained updates/s in (p99 ≤ 100 ms)', (r) => r.d && fmt(r.d.sustainedUpdatesPerSecond, 0)],
  ['(d) what ended the ramp', (r) => r.d?.stoppedBy],
];

/**
 * One result from a scenario's rounds: each reported figure is its median over the rounds
 * that did not fail (deliveries and completeness: the worst round; errors: all rounds).
 */
export function combineRuns(runs) {
  const ok = runs.filter((run) => run && !run.failed);
  if (ok.length === 0) return runs[0] ?? { failed: true, error: 'not run' };
  if (ok.length === 1) return ok[0];
  const mid = (get) => {
    const values = ok.map(get).filter((v) => typeof v === 'number' && Number.isFinite(v));
    return values.length ? round(median(values), 2) : null;
  };
  const first = ok[0];
  if (!first.latencyMs) return { ...first, rounds: ok.length };
  return {
    ...first,
    rounds: ok.length,
    latencyMs: {
      ...first.latencyMs,
      p50: mid((r) => r.latencyMs.p50),
      p95: mid((r) => r.latencyMs.p95),
      p99: mid((r) => r.latencyMs.p99),
    },
    serverCpuPerDeliveryUs: mid((r) => r.serverCpuPerDeliveryUs),
    serverUserSystemPerDeliveryUs: first.serverUserSystemPerDeliveryUs && [
      mid((r) => r.serverUserSystemPerDeliveryUs?.[0]),
      mid((r) => r.serverUserSystemPerDeliveryUs?.[1]),
    ],
    framesPerDelivery: mid((r) => r.framesPerDelivery),
    rateIn: mid((r) => r.rateIn),
    serverCoreUse: mid((r) => r.serverCoreUse),
    loadgenCoreUse: mid((r) => r.loadgenCoreUse),
    delivered: Math.min(...ok.map((r) => r.delivered)),
    completeness: Math.min(...ok.map((r) => r.completeness)),
    errors: ok.reduce((sum, r) => sum + r.errors, 0),
  };
}

export function resultTable(results) {
  const kinds = Object.keys(results.servers);
  const header = ['', ...kinds.map((k) => `${results.servers[k].label} ${results.servers[k].version}`)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const [name, get] of ROWS) {
    const cells = kinds.map((k) => {
      const scenario = results.servers[k].scenarios;
      try {
        return get(scenario) ?? (scenario.failed ? 'failed' : '–');
      } catch {
        return '–';
      }
    });
    if (cells.every((c) => c === '–')) continue;
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * Samle's targets from issue #19, each against the better of the two peers measured in the
 * same run (memory: against the board's own encoded size).
 */
export function targetTable(results) {
  const samle = results.servers.samle?.scenarios;
  const peers = ['reference', 'hocuspocus'].map((k) => results.servers[k]?.scenarios).filter(Boolean);
  if (!samle) return 'Targets need Samle in the run.';
  const best = (get) => {
    const values = peers.map(get).filter((v) => typeof v === 'number' && Number.isFinite(v));
    return values.length ? Math.min(...values) : Number.NaN;
  };
  const targets = [
    ['(b) plenum p99 latency', (s) => s.b?.latencyMs?.p99, 1.0, 'ms'],
    ['(b) plenum CPU per delivered update', (s) => s.b?.serverCpuPerDeliveryUs, 0.6, 'µs'],
    ['(a) workshop p50 latency', (s) => s.a?.latencyMs?.p50, 1.5, 'ms'],
    ['(a) workshop p99 latency', (s) => s.a?.latencyMs?.p99, 1.0, 'ms'],
  ];
  const lines = ['| target | Samle | against | limit | ratio | met? |', '|---|---|---|---|---|---|'];
  const verdict = (mine, limit) =>
    Number.isFinite(mine) && Number.isFinite(limit) ? (mine <= limit ? 'met' : 'NOT met') : '–';
  for (const [name, get, factor, unit] of targets) {
    const mine = get(samle);
    const peer = best(get);
    const limit = peer * factor;
    lines.push(
      `| ${name} | ${fmt(mine, 2)} ${unit} | better peer ${fmt(peer, 2)} ${unit} | ≤ ${fmt(factor)}× = ${fmt(limit, 2)} | ${fmt(mine / peer, 2)}× | ${verdict(mine, limit)} |`,
    );
  }
  const memory = samle.c?.memPerEncodedByte;
  lines.push(
    `| (c) memory held per written 5,000-note board (after full GCs; RSS growth ${fmt(samle.c?.rssPerEncodedByte)}×) | ${fmt(memory)}× its encoded size | encoded ${fmt((samle.c?.encodedBytes ?? Number.NaN) / 1e6, 2)} MB | ≤ 3× | ${fmt(memory)}× | ${verdict(memory, 3)} |`,
  );
  return lines.join('\n');
}
