// The Prisms the suite's files can share, and the sandbox behind its proxies: one of each kind per
// process, started on first use, stopped when the process's tests have run. npm run test:openapi
// runs every file in one process (tests/prism/suite.ts), so a kind of Prism used by two files starts
// once; a file run on its own starts what it uses. Prism keeps no state between requests, and the
// files run one after another, so sharing changes no answer: a file reads the log from its own
// mark(), counts the sandbox's requests as a difference, and clears any fault it sets.
import { after } from 'node:test';
import { createSandbox, type Sandbox } from '../../sandbox/app.ts';
import { startPrism, type PrismOptions, type RunningPrism } from './prism.ts';

let upstream: Promise<{ sandbox: Sandbox; url: string }> | undefined;
const prisms = new Map<string, Promise<RunningPrism>>();

/** The sandbox the proxies forward to, listening on a loopback port. */
export function sharedSandbox(): Promise<{ sandbox: Sandbox; url: string }> {
  upstream ??= (async () => {
    const sandbox = createSandbox();
    return { sandbox, url: await sandbox.listen(0, '127.0.0.1') };
  })();
  return upstream;
}

/** A Prism started with these options, the same one for every caller in this process. */
export function sharedPrism(options: PrismOptions): Promise<RunningPrism> {
  const { mode, upstream: to, document, errors, validateRequest } = options;
  const key = JSON.stringify([mode, to, document, errors ?? false, validateRequest]);
  let prism = prisms.get(key);
  if (!prism) {
    prism = startPrism(options);
    prisms.set(key, prism);
  }
  return prism;
}

/** Prism's proxy in front of the shared sandbox (with --errors or without), and that sandbox. */
export async function sharedProxy(errors = false): Promise<{ prism: RunningPrism; sandbox: Sandbox }> {
  const { sandbox, url } = await sharedSandbox();
  return { prism: await sharedPrism({ mode: 'proxy', upstream: url, errors }), sandbox };
}

after(async () => {
  // A Prism that never started has nothing to stop.
  await Promise.all([...prisms.values()].map((p) => p.then((prism) => prism.stop()).catch(() => {})));
  await (await upstream?.catch(() => undefined))?.sandbox.close();
});
