#!/usr/bin/env node
// The npx entry: a thin shim over the compiled CLI.
import('../dist/bin/cli.js').then(
  (cli) =>
    cli.main(process.argv).then((code) => {
      process.exitCode = code;
    }),
  (error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write(
        'liferay-sdk-builder: dist/ is missing: run `npm run build` first (installed from npm or a packed tarball, it is built already).\n',
      );
    } else {
      process.stderr.write(`liferay-sdk-builder: cannot start: ${error && error.message}\n`);
    }
    process.exitCode = 70;
  },
);
