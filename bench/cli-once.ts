// `monitor --once` start-to-exit wall time, the command cron and the Kubernetes
// CronJob run, as a ratio to `node -e 0` measured in the same run (absolute
// figures mean little on a shared machine). Rounds interleave the commands so
// that load hits all alike; medians. The target the issue sets: ≤ 4×.
//   compiled   node dist/cli/trackers-contract.js monitor --once   (what ships)
//   sources    node --import tsx cli/trackers-contract.ts monitor --once   (development)
//   npm        npm start -- --once   (through npm, as before the command existed)
// npm run bench:cli-once   (builds nothing: run npm run build first)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { childEnv } from '../tests/support/processes.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BIN = 'dist/cli/trackers-contract.js';
const LIMIT = 4;

if (!existsSync(BIN)) {
  process.stderr.write(`bench:cli-once: ${BIN} is missing; run npm run build first\n`);
  process.exit(2);
}

const COMMANDS: Record<string, [string, string[]]> = {
  'node -e 0': [process.execPath, ['-e', '0']],
  compiled: [process.execPath, [BIN, 'monitor', '--once']],
  sources: [process.execPath, ['--import', 'tsx', 'cli/trackers-contract.ts', 'monitor', '--once']],
  npm: ['npm', ['start', '--silent', '--', '--once']],
};

const env = childEnv();
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(COMMANDS).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, [cmd, args]] of Object.entries(COMMANDS)) {
    const started = performance.now();
    const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - started;
    if (r.status !== 0) {
      process.stderr.write(`bench:cli-once: ${name} exited ${r.status}: ${r.stderr.split('\n')[0]}\n`);
      process.exit(1);
    }
    samples[name]!.push(ms);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const base = median(samples['node -e 0']!);
process.stdout.write(`monitor --once wall time, median of ${ROUNDS} interleaved rounds (node -e 0 = ${base.toFixed(0)} ms)\n`);
for (const name of Object.keys(COMMANDS)) {
  const m = median(samples[name]!);
  process.stdout.write(`  ${name.padEnd(10)} ${m.toFixed(0).padStart(5)} ms   ${(m / base).toFixed(2)}× node -e 0\n`);
}
const ratio = median(samples.compiled!) / base;
process.stdout.write(`compiled --once: ${ratio.toFixed(2)}× node -e 0 (limit ${LIMIT}×): ${ratio <= LIMIT ? 'ok' : 'OVER'}\n`);
process.exitCode = ratio <= LIMIT ? 0 : 1;
