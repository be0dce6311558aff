/**
 * What a portal offers, read through the builder's model: every service of a context and the signature of
 * each action (overloads are several actions with one path). `node list-services.js [service filter]`.
 */
import { buildApi, discover, type Action } from 'liferay-sdk-builder';

const user = process.env['LIFERAY_USER'];
const password = process.env['LIFERAY_PASSWORD'];
const filter = process.argv[2];

const documents = await discover({
  url: process.env['LIFERAY_URL'] ?? 'http://localhost:8080',
  ...(user !== undefined && password !== undefined ? { credentials: { user, password } } : {}),
  ...(filter === undefined ? {} : { filter }),
});
const api = buildApi(documents);

const signature = (action: Action): string =>
  `${action.methodName}(${action.parameters.map((parameter) => `${parameter.name}: ${parameter.typeName}`).join(', ')}): ${action.returns.typeName}`;

console.log(`Liferay ${api.portalVersion ?? '(version unknown)'}, ${api.format} discovery`);
for (const context of api.contexts) {
  for (const service of context.services) {
    console.log(`${service.className}Service (${service.pathPrefix}, context ${context.name})`);
    for (const action of service.actions) console.log(`  ${action.deprecated ? '[deprecated] ' : ''}${signature(action)}`);
  }
}
