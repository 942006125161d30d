import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat times (100 on Linux almost everywhere). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process, in microseconds. */
export function cpuMicros(pid) {
  const { user, system } = cpuSplitMicros(pid);
  return user + system;
}

/** utime and stime of a process (all its threads), in microseconds. */
export function cpuSplitMicros(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields after the closing paren are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    user: (Number(fields[11]) * 1e6) / TICKS_PER_SECOND,
    system: (Number(fields[12]) * 1e6) / TICKS_PER_SECOND,
  };
}

/** Resident set size of a process, in bytes. */
export function rssBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** This process's CPU time (user + system), in microseconds. */
export function selfCpuMicros() {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Cores this process may run on, from /proc/self/status (e.g. "1"). */
export function allowedCores() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return /^Cpus_allowed_list:\s+(\S+)/m.exec(status)?.[1] ?? '?';
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
