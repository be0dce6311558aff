/** What the mock sends back, decided before anything is written, so that latency and logging wrap every answer. */
import type { ServerResponse } from 'node:http';

export type MockAnswer =
  | { readonly status: number; readonly json: unknown }
  | { readonly status: number; readonly html: string; readonly headers?: Readonly<Record<string, string>> };

/** A small HTML page, as the servlet container or the portal answers outside JSON web services. */
export function htmlPage(status: number, title: string, text: string, headers?: Record<string, string>): MockAnswer {
  const html = `<!DOCTYPE html>\n<html><head><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>\n`;
  return headers === undefined ? { status, html } : { status, html, headers };
}

export function writeAnswer(response: ServerResponse, answer: MockAnswer): void {
  if ('json' in answer) {
    response.writeHead(answer.status, { 'content-type': 'application/json;charset=UTF-8' });
    response.end(JSON.stringify(answer.json));
    return;
  }
  response.writeHead(answer.status, { 'content-type': 'text/html;charset=UTF-8', ...answer.headers });
  response.end(answer.html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
