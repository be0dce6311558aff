/**
 * One deterministic 7.x document with every payload and colliding name in every field a portal controls,
 * so that each run type-checks and loads at least this one whatever the random sample holds.
 */
import { COLLIDING_NAMES, ODD_CHARACTERS, PAYLOADS } from './hostile-text.js';
import { COLLIDING_CLASSES } from './java-types.js';

export function payloadDocument(): Record<string, unknown> {
  const texts = [...PAYLOADS, ...ODD_CHARACTERS, ...COLLIDING_NAMES];
  const services = texts.map((text, index) => ({
    name: `${text}#${text}`,
    method: text,
    path: `/${['class', 'Class', '..', 'default'][index % 4] ?? ''}/${text.replace(/[/\s]/g, '') || 'empty'}`,
    description: text,
    deprecated: index % 2 === 0,
    parameters: [
      { name: text, type: COLLIDING_CLASSES[index % COLLIDING_CLASSES.length] ?? 'long', description: text },
      { name: `${text}2`, type: 'list<map<string,list<com.evil.Promise>>>', description: text },
      { name: 'serviceContext', type: 'com.liferay.portal.kernel.service.ServiceContext' },
    ],
    returns: { type: COLLIDING_CLASSES[(index + 1) % COLLIDING_CLASSES.length] ?? 'void', description: text },
  }));
  const types = COLLIDING_CLASSES.map((className, index) => ({
    type: className,
    properties: [texts[index], texts[index + 1], texts[index + 2]].map((name) => ({
      name,
      type: COLLIDING_CLASSES[(index + 3) % COLLIDING_CLASSES.length] ?? 'long',
    })),
  }));
  return { contextName: '', version: PAYLOADS.join(' '), basePath: PAYLOADS[0], services, types };
}
