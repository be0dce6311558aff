/**
 * A build step that keeps an app's Liferay client in step with the portal, run before the app's own build
 * (for example `"prebuild": "node scripts/generate-client.js"`). It writes the client's TypeScript sources
 * into the app's src/liferay/, and writes nothing when nothing changed since its last run.
 */
import { BuilderError, generate } from 'liferay-sdk-builder';

const user = process.env['LIFERAY_USER'];
const password = process.env['LIFERAY_PASSWORD'];

try {
  const { upToDate, summary } = await generate({
    url: process.env['LIFERAY_URL'] ?? 'http://localhost:8080',
    ...(user !== undefined && password !== undefined ? { credentials: { user, password } } : {}),
    out: 'src/liferay',
    layout: 'sources',
    styles: ['sync'],
    // The CLI's caches: with nothing changed, the run stops right after discovery.
    incremental: true,
  });
  for (const client of summary.packages) {
    console.log(`${upToDate ? 'up to date' : 'wrote'}: ${client.out} (${client.services} services, ${client.methods} methods)`);
  }
} catch (error) {
  if (!(error instanceof BuilderError)) throw error;
  // One line, never with credentials; `code` tells failures apart: discovery.unauthorized, verify.type-error, ...
  console.error(`liferay client: ${error.message} [${error.code}]`);
  process.exitCode = 1;
}
