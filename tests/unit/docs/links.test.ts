// Every relative link in the docs resolves: README.md, docs/*.md and bench/README.md may link to a
// file or folder of the repository, to a heading of a Markdown file (#anchor, by GitHub's slug
// rules) or to lines of another file (#L12, #L12-L20). A moved file, a renamed heading or a page
// split in two breaks a link silently on GitHub; here it fails, naming the file, the line, the link
// and why. Links with a scheme (https:, mailto:) are not followed: nothing here uses the network.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The pages whose links are checked, as repository paths. */
function docPages(root = ROOT): string[] {
  const docs = join(root, 'docs');
  const pages = existsSync(docs)
    ? readdirSync(docs)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  return ['README.md', ...pages, 'bench/README.md'].filter((p) => existsSync(join(root, p)));
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** Blank out fenced code blocks, keeping every newline, so offsets still give line numbers. */
function withoutFences(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  const kept = lines.map((line) => {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined) {
      if (open) {
        fence = open[1]!;
        return blank(line);
      }
      return line;
    }
    if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) fence = undefined;
    return blank(line);
  });
  return kept.join('\n');
}

/** Blank out fenced code blocks and code spans: what is left can hold links. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/(`+)[\s\S]*?\1/g, blank);
}

/** The text GitHub renders for a heading's Markdown: code spans, links, images and emphasis reduced to their text. */
function headingText(raw: string): string {
  const spans: string[] = [];
  let text = raw.replace(/(`+)\s?([\s\S]*?)\s?\1/g, (_, _ticks: string, code: string) => {
    spans.push(code);
    return `\uE000${spans.length - 1}\uE000`;
  });
  text = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\*+/g, '')
    .replace(/(^|[^\p{L}\p{N}])_+([^_]+?)_+(?=[^\p{L}\p{N}]|$)/gu, '$1$2');
  return text.replace(/\uE000(\d+)\uE000/g, (_, i: string) => spans[Number(i)]!);
}

/** GitHub's heading id (github-slugger): lower case, punctuation and symbols dropped, each space a hyphen. */
function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown page offers: its headings' slugs (repeats get -1, -2, …) and HTML id/name attributes. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (base: string) => {
    let candidate = base;
    let n = seen.get(base) ?? 0;
    while (anchors.has(candidate)) candidate = `${base}-${++n}`;
    seen.set(base, n);
    anchors.add(candidate);
  };
  const lines = withoutFences(markdown).split('\n');
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return add(slug(headingText(atx[1] ?? '')));
    const previous = lines[i - 1];
    if (
      i > 0 &&
      /^ {0,3}(=+|-+)[ \t]*$/.test(line) &&
      previous !== undefined &&
      previous.trim() !== '' &&
      !/^\s*[|>*-]/.test(previous)
    )
      add(slug(headingText(previous.trim())));
  });
  for (const m of markdown.matchAll(/<[a-z][^>]*\s(?:id|name)="([^"]+)"/gi)) anchors.add(m[1]!);
  return anchors;
}

interface Link {
  line: number;
  target: string;
}

/** Inline links and images [text](target "title"), and reference definitions [label]: target. */
function linksOf(markdown: string): Link[] {
  const text = withoutCode(markdown);
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const links: Link[] = [];
  for (const m of text.matchAll(/\]\(\s*(<[^>\n]*>|[^)\s]*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g))
    links.push({ line: lineAt(m.index), target: m[1]!.replace(/^<|>$/g, '') });
  for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm))
    links.push({ line: lineAt(m.index), target: m[1]!.replace(/^<|>$/g, '') });
  return links;
}

/** Why a link of `page` does not resolve, or undefined when it does. */
function problemWith(page: string, target: string, root = ROOT): string | undefined {
  if (target === '') return 'the link is empty';
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  if (target.startsWith('//')) return undefined;
  const hash = target.indexOf('#');
  const pathPart = decodeURI(hash === -1 ? target : target.slice(0, hash));
  const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const file =
    pathPart === '' ? join(root, page) : pathPart.startsWith('/') ? join(root, pathPart) : resolve(root, dirname(page), pathPart);
  const inRepo = relative(root, file);
  if (inRepo.startsWith('..') || inRepo.startsWith(sep)) return `${pathPart} is outside the repository`;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return `no such file or folder: ${inRepo}`;
  if (anchor === undefined) return undefined;
  if (anchor === '') return 'the anchor after # is empty';
  if (stat.isDirectory()) return `#${anchor} points into a folder (${inRepo})`;
  const content = readFileSync(file, 'utf8');
  if (file.endsWith('.md')) {
    return anchorsOf(content).has(anchor) ? undefined : `${inRepo} has no heading whose anchor is #${anchor}`;
  }
  const lines = /^L(\d+)(?:-L(\d+))?$/.exec(anchor);
  if (!lines) return `#${anchor}: only a Markdown file has heading anchors; link lines of ${inRepo} as #L12 or #L12-L20`;
  const count = content.split('\n').length;
  const last = Number(lines[2] ?? lines[1]);
  if (Number(lines[1]) < 1 || last > count || last < Number(lines[1])) return `#${anchor}: ${inRepo} has ${count} lines`;
  return undefined;
}

/** Each broken link of a page as `page:line: (target): why`. */
function brokenLinks(page: string, root = ROOT): string[] {
  const markdown = readFileSync(join(root, page), 'utf8');
  return linksOf(markdown).flatMap(({ line, target }) => {
    const why = problemWith(page, target, root);
    return why === undefined ? [] : [`${page}:${line}: (${target}): ${why}`];
  });
}

describe('GitHub heading anchors', () => {
  test('lower case, punctuation dropped, each space a hyphen, code and links reduced to their text', () => {
    const anchors = anchorsOf(
      [
        '# trackers-contract',
        '## Pushgateway mode (cron, Kubernetes CronJob)',
        '### `--once` and `--push`: exit codes',
        '## One process, many targets',
        '## [Prism](https://stoplight.io/) — a **second** opinion',
        '## What the contract says (from the docs and their example)',
        '## TrackersProbeFailing',
        '## snake_case stays, _emphasis_ goes',
        'Setext heading',
        '--------------',
      ].join('\n'),
    );
    for (const a of [
      'trackers-contract',
      'pushgateway-mode-cron-kubernetes-cronjob',
      '--once-and---push-exit-codes',
      'one-process-many-targets',
      'prism--a-second-opinion',
      'what-the-contract-says-from-the-docs-and-their-example',
      'trackersprobefailing',
      'snake_case-stays-emphasis-goes',
      'setext-heading',
    ])
      assert.ok(anchors.has(a), `${a} in ${[...anchors].join(' ')}`);
  });

  test('a repeated heading gets -1, -2; headings inside code blocks do not count', () => {
    const anchors = anchorsOf(['## Setup', '## Setup', '```sh', '# not a heading', '```', '## Setup'].join('\n'));
    assert.deepEqual([...anchors].sort(), ['setup', 'setup-1', 'setup-2']);
  });
});

describe('what counts as a link', () => {
  test('inline links, images and reference definitions, not code', () => {
    const links = linksOf(
      ['See [a](docs/a.md#x) and ![b](b.png "title").', '`[not](a-link.md)`', '```', '[nor](this.md)', '```', '[ref]: c.md'].join(
        '\n',
      ),
    );
    assert.deepEqual(links, [
      { line: 1, target: 'docs/a.md#x' },
      { line: 1, target: 'b.png' },
      { line: 6, target: 'c.md' },
    ]);
  });

  test('a missing file, a missing heading and a line past the end are each named', () => {
    assert.match(problemWith('docs/x.md', '../no-such-file.md')!, /no such file or folder: no-such-file\.md/);
    assert.match(problemWith('README.md', '#no-such-heading')!, /README\.md has no heading whose anchor is #no-such-heading/);
    assert.match(problemWith('README.md', 'package.json#L100000')!, /package\.json has \d+ lines/);
    assert.match(problemWith('README.md', 'package.json#scripts')!, /only a Markdown file has heading anchors/);
    assert.match(problemWith('docs/x.md', '../../outside.md')!, /outside the repository/);
    assert.equal(problemWith('README.md', 'https://example.com/#anything'), undefined);
    assert.equal(problemWith('README.md', 'package.json#L1-L3'), undefined);
  });
});

describe('every relative link and anchor in the docs resolves', () => {
  const pages = docPages();

  test('the pages are there', () => {
    assert.ok(pages.includes('README.md'), 'README.md');
    assert.ok(
      pages.some((p) => p.startsWith('docs/')),
      'docs/*.md',
    );
  });

  for (const page of pages) {
    test(page, () => {
      const broken = brokenLinks(page);
      assert.deepEqual(broken, [], `${broken.length} broken link(s):\n${broken.join('\n')}`);
    });
  }
});
