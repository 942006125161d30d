import { runBigBoard, runColdLoad } from './bigboard.mjs';
import { startServer } from './servers.mjs';
import { openSwarm } from './swarm.mjs';

/**
 * The four scenarios. Each one starts its own server (fresh data folder for
 * Samle), so CPU and memory figures never carry over from an earlier scenario.
 */
export function scenarioPlan({ quick, plenumRate, fullClients = false }) {
  const measureMs = quick ? 5000 : 20_000;
  // openSwarm reads it from the plan: whether clients integrate what they are sent.
  return {
    a: {
      title: '(a) 10 boards × 20 clients, one edit per client every 2 s',
      boards: 10,
      clientsPerBoard: 20,
      rate: 100,
      kind: 'mixed',
      warmUpMs: quick ? 2000 : 4000,
      measureMs,
      fullClients,
    },
    b: {
      title: `(b) plenum: 1 board × 120 clients typing, ${plenumRate} update/s each`,
      boards: 1,
      clientsPerBoard: 120,
      rate: 120 * plenumRate,
      kind: 'type',
      warmUpMs: quick ? 2000 : 4000,
      measureMs,
      fullClients,
    },
    c: { title: '(c) 5,000-note boards', boards: quick ? 2 : 6 },
    d: {
      title: '(d) saturation: 50 boards × 4 clients, ramped until p99 > 100 ms',
      boards: 50,
      clientsPerBoard: 4,
      steps: quick ? [500, 1000, 2000, 4000, 6000] : [500, 1000, 1500, 2000, 3000, 4000, 5000, 6000, 8000, 10_000],
      stepMs: quick ? 2000 : 5000,
      p99LimitMs: 100,
      fullClients,
    },
  };
}

async function withServer(kind, run) {
  const server = await startServer(kind);
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/** (a) and (b): steady load at a fixed rate. */
export function runSteady(kind, plan) {
  return withServer(kind, async (server) => {
    const swarm = await openSwarm(server, { ...plan, label: kind });
    try {
      await swarm.warmUp(plan.rate, plan.warmUpMs, plan.kind);
      const result = await swarm.measure(plan.rate, plan.measureMs, plan.kind);
      return { ...result, clients: plan.boards * plan.clientsPerBoard, errorSamples: swarm.errorSamples() };
    } finally {
      swarm.close();
    }
  });
}

/** (c): memory per loaded 5,000-note board and time to full state; for Samle also a cold load after a restart. */
export async function runBig(kind, plan) {
  const server = await startServer(kind);
  let restarted = null;
  try {
    const { seeders, rooms, result } = await runBigBoard(server, { boards: plan.boards });
    for (const seeder of seeders) seeder.close();
    if (kind !== 'samle') return result;
    await server.stop({ keepData: true });
    restarted = await startServer('samle', { dataDir: server.dataDir });
    return { ...result, cold: await runColdLoad(restarted, rooms, {}) };
  } finally {
    if (restarted) await restarted.stop();
    await server.stop();
  }
}

/** (d): one swarm, rate stepped up until a step misses p99 ≤ limit, loses updates, or cannot be sent. */
export function runSaturation(kind, plan, log) {
  return withServer(kind, async (server) => {
    const swarm = await openSwarm(server, { ...plan, label: kind });
    const steps = [];
    let sustained = 0;
    let stoppedBy = 'ramp ended';
    try {
      await swarm.warmUp(plan.steps[0], 3000, 'mixed');
      for (const rate of plan.steps) {
        // A step must fail twice in a row to end the ramp: one GC pause or stall is not saturation.
        let problem = null;
        let step = null;
        for (let attempt = 1; attempt <= 2; attempt++) {
          step = await swarm.measure(rate, plan.stepMs, 'mixed', { drainMs: 2000 });
          step.attempt = attempt;
          steps.push(step);
          problem = stepProblem(step, rate, plan.p99LimitMs);
          log(
            `    ${kind} ${rate}/s → in ${step.rateIn}/s, p99 ${step.latencyMs.p99} ms, server ${step.serverCoreUse} core, load generator ${step.loadgenCoreUse} core${problem ? ` — ${problem}` : ''}`,
          );
          if (!problem) break;
        }
        if (problem) {
          stoppedBy = step.loadgenCoreUse > 0.85 ? `${problem} (load generator saturated)` : problem;
          break;
        }
        sustained = step.rateIn;
      }
    } finally {
      swarm.close();
    }
    return { sustainedUpdatesPerSecond: sustained, stoppedBy, steps, errorSamples: swarm.errorSamples() };
  });
}

function stepProblem(step, rate, p99LimitMs) {
  if (step.errors > 0) return 'client errors';
  if (step.completeness < 0.99) return 'updates not delivered within 2 s';
  if (step.rateIn < rate * 0.9) return 'load generator could not send the rate';
  if (step.latencyMs.p99 > p99LimitMs) return `p99 > ${p99LimitMs} ms`;
  return null;
}
