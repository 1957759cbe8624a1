/**
 * The route reference of docs/api.md, written from the OpenAPI document (so it cannot drift from
 * what the server validates and answers): one table per tag with method, path, summary, query
 * parameters, request fields, answer and roles.
 */
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function refName(schema) {
  if (!schema) return undefined;
  if (schema.$ref) return schema.$ref.split('/').pop();
  if (schema.type === 'array') return `${refName(schema.items) ?? 'item'}[]`;
  return undefined;
}

function fields(schema) {
  const props = Object.keys(schema?.properties ?? {});
  const required = new Set(schema?.required ?? []);
  return props.map((p) => (required.has(p) ? `**${p}**` : p)).join(', ');
}

function request(operation) {
  const content = operation.requestBody?.content ?? {};
  const multipart = content['multipart/form-data']?.schema;
  const json = content['application/json']?.schema;
  if (multipart) return `multipart: ${fields(multipart)}`;
  if (json) return refName(json) ?? fields(json);
  return '';
}

function answer(operation) {
  const [status, response] =
    Object.entries(operation.responses ?? {}).find(([code]) => code.startsWith('2')) ?? [];
  if (!status) return '';
  const content = response.content ?? {};
  const json = content['application/json']?.schema;
  if (json) return `${status} ${refName(json) ?? 'JSON'}`;
  const types = Object.keys(content);
  return types.length > 0 ? `${status} ${types.join(' / ')}` : status;
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');

export function apiReference(document) {
  const byTag = new Map();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, operation });
    }
  }
  const out = [];
  for (const [tag, routes] of byTag) {
    out.push(
      `### ${tag}`,
      '',
      '| route | what | query | request | answer | roles |',
      '|---|---|---|---|---|---|',
    );
    for (const { path, method, operation } of routes) {
      const query = (operation.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => (p.required ? `**${p.name}**` : p.name))
        .join(', ');
      const roles =
        operation.security?.length === 0 ? 'public' : (operation['x-roles']?.join(', ') ?? 'signed in');
      out.push(
        `| \`${method.toUpperCase()} ${path}\` | ${cell(operation.summary)} | ${cell(query)} | ${cell(request(operation))} | ${cell(answer(operation))} | ${cell(roles || 'any role in the agency')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
