/**
 * What the npm tarball ships, from `npm pack --dry-run` (no tarball written): nothing in it points outside
 * it (every relative link of a shipped Markdown file names a shipped file), and installing it runs no
 * script: the build is `prepack`'s, not an install script's such as `prepare`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

async function packedFiles(): Promise<string[]> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as { files: { path: string }[] }[];
  return (packed?.files ?? []).map((file) => file.path);
}

/** Relative link targets of a Markdown text, without their #anchor; web and mail links left out. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.replace(/#.*$/, ''));
}

describe('the npm tarball', () => {
  it('ships no Markdown link to a file it does not ship', { timeout: 60_000 }, async () => {
    const files = await packedFiles();
    const shipped = new Set(files);
    const dangling: string[] = [];
    for (const file of files.filter((path) => path.endsWith('.md'))) {
      for (const target of relativeLinks(await readFile(join(root, file), 'utf8'))) {
        const path = normalize(join(dirname(file), target))
          .split('\\')
          .join('/');
        const inside = shipped.has(path) || files.some((each) => each.startsWith(`${path.replace(/\/$/, '')}/`));
        if (!inside) dangling.push(`${file} → ${target}`);
      }
    }
    expect(dangling).toEqual([]);
    expect(files).toContain('fixtures/discovery/7.x/portal.json');
  });

  it('builds when packed, and runs no script when installed', async () => {
    const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['prepack']).toBe('npm run build');
    for (const hook of ['prepare', 'preinstall', 'install', 'postinstall'])
      expect(scripts, hook).not.toHaveProperty(hook);
  });
});
