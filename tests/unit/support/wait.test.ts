import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { WatchedText, fetchUntil } from '../../support/wait.ts';

describe('WatchedText', () => {
  test('a wait resolves with the first match, in the text so far or in what arrives later, across pieces', async () => {
    const text = new WatchedText();
    text.append('listening on http://127.0.0.1:');
    const later = text.match(/summary n=(\d+)/);
    const port = text.match(/127\.0\.0\.1:(\d+)\n/);
    text.append('8080\nsumm');
    text.append('ary n=3\nsummary n=4\n');
    assert.equal((await port)[1], '8080');
    assert.equal((await later)[1], '3');
    assert.equal((await text.match(/summary n=4/))[0], 'summary n=4');
    assert.equal(String(text), 'listening on http://127.0.0.1:8080\nsummary n=3\nsummary n=4\n');
  });

  test('once the text has ended, an open or new wait fails with why and the text', async () => {
    const text = new WatchedText();
    text.append('starting\n');
    const open = text.match(/ready/);
    text.end('the child exited (code 1)');
    await assert.rejects(open, /^Error: the child exited \(code 1\) before \/ready\/ appeared in:\nstarting\n$/);
    await assert.rejects(text.match(/ready/), /the child exited/);
    assert.equal((await text.match(/start/))[0], 'start', 'what is there still matches');
  });
});

test('fetchUntil asks again until the answer holds', async (t) => {
  let asked = 0;
  const server = http.createServer((_req, res) => res.end(`asked ${++asked}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  assert.equal(await fetchUntil(url, (text) => text === 'asked 3', 1), 'asked 3');
  assert.equal(asked, 3);
});
