/**
 * The API reports of the public runtime: what an app sees of the runtime that every generated package ships,
 * as API Extractor prints it: api/runtime.api.md for its index (`<package>`, `<package>/runtime`) and
 * api/chain.api.md for chain.ts (`<package>/chain`). The declarations are emitted from src/runtime as a
 * generated package emits them (its compiler options, `stripInternal` included), so `@internal` members and
 * the internal module stay out of the report exactly as they stay out of the shipped .d.ts. API Extractor
 * and the compiler it bundles do the work, so the report does not change with the project's TypeScript.
 *
 *   node scripts/api-report.mjs           check: exit 1 when the committed report is stale (npm test runs it)
 *   node scripts/api-report.mjs --update  rewrite the committed report (npm run update:api-report)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const extractorFolder = dirname(require.resolve('@microsoft/api-extractor/package.json'));
const { Extractor, ExtractorConfig } = require('@microsoft/api-extractor');
// The compiler API Extractor bundles: the report never depends on the project's own TypeScript.
const ts = require(require.resolve('typescript', { paths: [extractorFolder] }));

/** A generated package's compiler options (templates/package/tsconfig.json.hbs), for declarations only. */
const PACKAGE_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: [],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  isolatedModules: true,
  skipLibCheck: true,
  declaration: true,
  emitDeclarationOnly: true,
  stripInternal: true,
};

/** The runtime's entry points an app imports, and the name of each one's report. */
export const ENTRY_POINTS = [
  { module: 'index', report: 'runtime' },
  { module: 'chain', report: 'chain' },
];

/**
 * Emits the declarations of `runtimeFolder` into `<work>/runtime` and runs API Extractor on one entry point
 * (default: the index). `update`: writes the report to `reportFolder`; otherwise only compares. Resolves with
 * whether the report differs from the committed one, and the messages API Extractor had.
 */
export function runApiReport({
  runtimeFolder = join(root, 'src/runtime'),
  reportFolder = join(root, 'api'),
  work = join(root, '.cache/api-report'),
  update = false,
  entry = ENTRY_POINTS[0],
} = {}) {
  rmSync(work, { recursive: true, force: true });
  const declarations = join(work, 'runtime');
  emitDeclarations(runtimeFolder, declarations);
  // API Extractor wants a package.json next to what it reads: the report is named after the runtime, not a package.
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'liferay-sdk-runtime', version: '1.0.0' }));
  mkdirSync(reportFolder, { recursive: true });
  const config = ExtractorConfig.prepare({
    configObjectFullPath: join(work, 'api-extractor.json'),
    packageJsonFullPath: join(work, 'package.json'),
    configObject: {
      projectFolder: work,
      mainEntryPointFilePath: join(declarations, `${entry.module}.d.ts`),
      compiler: {
        overrideTsconfig: {
          compilerOptions: { ...PACKAGE_OPTIONS, emitDeclarationOnly: false, noEmit: true },
          files: [join(declarations, `${entry.module}.d.ts`)],
        },
      },
      apiReport: { enabled: true, reportFileName: entry.report, reportFolder, reportTempFolder: join(work, 'temp') },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'error' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          // Every public name is public: the runtime has no beta or alpha tiers.
          'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
          // `invoke` takes an action of the internal module (ActionSpec): the report says so where it shows it.
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
      newlineKind: 'lf',
    },
  });
  const messages = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      if (message.logLevel === 'error' || message.logLevel === 'warning')
        messages.push(message.formatMessageWithLocation(work));
      message.handled = true;
    },
  });
  return {
    changed: result.apiReportChanged,
    succeeded: result.succeeded,
    messages,
    reportFile: join(reportFolder, `${entry.report}.api.md`),
  };
}

function emitDeclarations(runtimeFolder, outDir) {
  const files = readdirSync(runtimeFolder)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(runtimeFolder, name));
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    { ...PACKAGE_OPTIONS, rootDir: runtimeFolder, outDir },
    runtimeFolder,
  );
  if (errors.length > 0)
    throw new Error(errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '\n')).join('\n'));
  const program = ts.createProgram(files, options);
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) {
    const text = diagnostics
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      .join('\n');
    throw new Error(`the runtime does not compile under the packages' options:\n${text}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  for (const entry of ENTRY_POINTS) {
    const { changed, succeeded, messages, reportFile } = runApiReport({ update, entry });
    for (const message of messages) console.error(message);
    if (update) console.log(changed ? `updated ${reportFile}` : `${reportFile} is up to date`);
    else if (changed) {
      console.error(
        `the public API of the runtime changed: ${reportFile} is stale. Review the change, then run: npm run update:api-report`,
      );
      process.exitCode = 1;
    } else if (!succeeded) process.exitCode = 1;
  }
}
