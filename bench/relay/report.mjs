import { round } from './stats.mjs';

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
  ['(c) server memory per loaded 5,000-note board (MiB)', (r) => r.c && fmt(r.c.memPerBoardMiB)],
  [
    '(c) … as a multiple of its encoded size',
    (r) => r.c && `${fmt(r.c.memPerEncodedByte)}× of ${fmt(r.c.encodedBytes / 1e6, 2)} MB`,
  ],
  ['(c) fresh client holds full state (ms, median)', (r) => r.c && fmt(r.c.fullStateMs)],
  [
    '(c) Samle after restart: MiB per board / cold join ms',
    (r) => r.c?.cold && `${fmt(r.c.cold.memPerBoardMiB)} / ${fmt(r.c.cold.coldFullStateMs)}`,
  ],
  ['(d) max sustained updates/s in (p99 ≤ 100 ms)', (r) => r.d && fmt(r.d.sustainedUpdatesPerSecond, 0)],
  ['(d) what ended the ramp', (r) => r.d?.stoppedBy],
];

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

/** Samle's targets from the issue, each against the better of the two peers measured in the same run. */
export function targetTable(results) {
  const samle = results.servers.samle?.scenarios;
  const peers = ['reference', 'hocuspocus'].map((k) => results.servers[k]?.scenarios).filter(Boolean);
  if (!samle || peers.length === 0) return 'Targets need Samle and at least one peer in the same run.';
  const best = (get, better) => {
    const values = peers.map(get).filter((v) => typeof v === 'number' && Number.isFinite(v));
    return values.length ? (better === 'lower' ? Math.min(...values) : Math.max(...values)) : Number.NaN;
  };
  const targets = [
    ['(b) CPU per delivered update', (s) => s.b?.serverCpuPerDeliveryUs, 'lower', 0.6, 'µs'],
    ['(b) plenum p99 latency', (s) => s.b?.latencyMs.p99, 'lower', 0.8, 'ms'],
    ['(c) memory per loaded 5,000-note board', (s) => s.c?.memPerBoardMiB, 'lower', 0.5, 'MiB'],
    ['(d) saturation, updates/s in', (s) => s.d?.sustainedUpdatesPerSecond, 'higher', 1.5, '/s'],
  ];
  const lines = ['| target | Samle | better peer | limit | ratio | met? |', '|---|---|---|---|---|---|'];
  for (const [name, get, better, factor, unit] of targets) {
    const mine = get(samle);
    const peer = best(get, better);
    const limit = peer * factor;
    const ok = better === 'lower' ? mine <= limit : mine >= limit;
    const sign = better === 'lower' ? '≤' : '≥';
    lines.push(
      `| ${name} | ${fmt(mine, 2)} ${unit} | ${fmt(peer, 2)} ${unit} | ${sign} ${fmt(factor)}× = ${fmt(limit, 2)} | ${fmt(mine / peer, 2)}× | ${Number.isFinite(mine) && Number.isFinite(peer) ? (ok ? 'met' : 'NOT met') : '–'} |`,
    );
  }
  return lines.join('\n');
}
