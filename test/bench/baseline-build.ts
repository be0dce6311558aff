/**
 * Another commit of this project, built to be timed beside this one: checked out in a temporary git worktree
 * under .cache/bench/, installed with `npm ci` (its node_modules kept under .cache/bench/node_modules/<lock
 * hash> between bench runs, so that a second run only builds) and built with its own `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface BaselineBuild {
  /** The worktree: a project root with bin/ and a fresh dist/. */
  readonly root: string;
  readonly commit: string;
  /** Puts node_modules back in the cache and removes the worktree. */
  dispose(): void;
}

export function buildBaseline(
  root: string,
  cacheDir: string,
  commit: string,
  log: (message: string) => void,
): BaselineBuild {
  const full = git(root, ['rev-parse', '--verify', `${commit}^{commit}`]);
  const worktree = join(cacheDir, 'worktrees', full.slice(0, 12));
  if (existsSync(worktree)) git(root, ['worktree', 'remove', '--force', worktree]);
  mkdirSync(join(cacheDir, 'worktrees'), { recursive: true });
  git(root, ['worktree', 'add', '--detach', worktree, full]);
  const lock = createHash('sha256')
    .update(git(root, ['show', `${full}:package-lock.json`]))
    .digest('hex')
    .slice(0, 16);
  const cached = join(cacheDir, 'node_modules', lock);
  const modules = join(worktree, 'node_modules');
  if (existsSync(cached)) {
    renameSync(cached, modules);
    log(`baseline ${full.slice(0, 7)}: node_modules from the cache; building`);
    run(worktree, 'npm', ['run', 'build']);
  } else {
    log(`baseline ${full.slice(0, 7)}: npm ci (its node_modules are then kept in ${cached})`);
    run(worktree, 'npm', ['ci', '--no-audit', '--no-fund']);
    if (!existsSync(join(worktree, 'dist', 'bin'))) run(worktree, 'npm', ['run', 'build']);
  }
  return {
    root: worktree,
    commit: full,
    dispose() {
      mkdirSync(join(cacheDir, 'node_modules'), { recursive: true });
      if (existsSync(modules) && !existsSync(cached)) renameSync(modules, cached);
      try {
        git(root, ['worktree', 'remove', '--force', worktree]);
      } catch {
        rmSync(worktree, { recursive: true, force: true });
        git(root, ['worktree', 'prune']);
      }
    },
  };
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function run(cwd: string, command: string, args: readonly string[]): void {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}
