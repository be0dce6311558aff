/**
 * The stages after the build, as `generate()` and `check()` call them: write to staging folders, verify
 * (the native compiler), swap in, or compare with what is on disk; and what a run reports. Light: the calling
 * thread loads these while the build's heavy modules stay in the build worker.
 */
import { checkPackage } from './check/check.js';
import type { GeneratedPackage } from './check/release-packages.js';
import type { GenerateOptions, StageTimer } from './generate-options.js';
import type { BuiltPackages } from './generate-stages.js';
import type { PackageCheck } from './generate.js';
import type { PackageSummary, RunSummary, WrittenOutput } from './incremental/run-record.js';
import { verifyFiles, verifyFolder } from './verify/verify-package.js';
import { discardStaged, ownedEntries, type StagedPackage } from './write/write-package.js';

export { hasDrift } from './check/check.js';
export { stagePackages, swapInPackages } from './write/write-package.js';

/** Verify on the staged folders, before they are swapped in; a failure removes them and writes nothing. */
export async function verifyStaged(
  staged: readonly StagedPackage[],
  packages: readonly GeneratedPackage[],
  options: GenerateOptions,
  time: StageTimer,
): Promise<void> {
  if (!needsVerify(options)) return;
  try {
    await time('verify', async () => {
      for (const [index, stage] of staged.entries()) {
        const pkg = packages[index];
        const label = `context ${pkg?.context ?? '?'}`;
        await (pkg?.typeCheck === undefined ? verifyFolder(stage.staging, label) : verifyFiles(pkg.typeCheck, label));
      }
    });
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
}

/** `--check` writes nothing: verify runs on a temporary copy of each package. */
export async function verifyInMemory(
  packages: readonly GeneratedPackage[],
  options: GenerateOptions,
  time: StageTimer,
): Promise<void> {
  if (!needsVerify(options)) return;
  await time('verify', async () => {
    for (const pkg of packages) await verifyFiles(pkg.typeCheck ?? pkg.files, `context ${pkg.context}`);
  });
}

/** With --emit js the compiler has checked the package already (see buildFromApi). */
function needsVerify(options: GenerateOptions): boolean {
  return options.verify !== false && options.emit !== 'js';
}

/** What writing each package would change on disk: files, and services, methods and signatures. */
export function comparePackages(packages: readonly GeneratedPackage[]): Promise<PackageCheck[]> {
  return Promise.all(
    packages.map(async (pkg) => ({
      package: summarizePackage(pkg),
      drift: await checkPackage(pkg.out, pkg.files),
      release: pkg.release,
    })),
  );
}

/** What a run reports: the figures of the CLI's summary line and `--json` output. */
export function summarize({ format, portalVersion, packages }: BuiltPackages): RunSummary {
  return { format, portalVersion, packages: packages.map(summarizePackage) };
}

function summarizePackage({
  context,
  out,
  name,
  services,
  methods,
  actions,
  models,
  files,
  release,
}: GeneratedPackage): PackageSummary {
  return { context, out, name, services, methods, actions, models, files: files.length, version: release.version };
}

/** What the run record keeps of each output: its folder and the entries the generator owns there. */
export function writtenOutputs(packages: readonly GeneratedPackage[]): WrittenOutput[] {
  return packages.map(({ out, files }) => ({ out, owned: [...ownedEntries(files)] }));
}
