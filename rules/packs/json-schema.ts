import type { TSchema } from '@sinclair/typebox';
import { ConfigSchema } from '../config/workspace-config.js';
import { RULE_KINDS } from '../kinds/index.js';
import { PackSchema } from './schema.js';

type JsonObject = Record<string, unknown>;

const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** A TypeBox schema as plain JSON (TypeBox's symbol keys dropped). */
function plain(schema: TSchema): JsonObject {
  return JSON.parse(JSON.stringify(schema)) as JsonObject;
}

function child(schema: JsonObject, ...path: string[]): JsonObject {
  let node: unknown = schema;
  for (const key of path) node = (node as JsonObject)[key];
  return node as JsonObject;
}

/**
 * The JSON Schema of a pack file, generated from the TypeBox schemas the
 * loader validates with: the pack shape, plus each kind's options as an
 * `if kind … then options …` branch so editors complete and check options.
 * Rule and concept ids that break the naming rule are refused, as the loader does.
 */
export function packJsonSchema(): JsonObject {
  const schema = plain(PackSchema);
  const kinds = Object.keys(RULE_KINDS);
  const ruleIds = child(schema, 'properties', 'rules');
  const conceptIds = child(schema, 'properties', 'terms');
  ruleIds.additionalProperties = false;
  conceptIds.additionalProperties = false;
  const [ruleFields] = Object.values(child(ruleIds, 'patternProperties')) as JsonObject[];
  const fields = (ruleFields.anyOf as JsonObject[])[0];
  const properties = fields.properties as JsonObject;
  properties.kind = { type: 'string', enum: kinds, description: (properties.kind as JsonObject).description };
  fields.allOf = kinds.map((kind) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { properties: { options: { ...plain(RULE_KINDS[kind].options), description: `Options of a ${kind} rule: ${RULE_KINDS[kind].description}` } } },
  }));
  return { $schema: DRAFT, title: 'Assessment Lint rule pack', description: 'A rule pack: concepts (terms) and rules built from the rule kinds. See docs/packs.md.', ...schema };
}

/** The JSON Schema of `.assessment-lint.yaml`, generated from the schema the configuration loader validates with. */
export function configJsonSchema(): JsonObject {
  return { $schema: DRAFT, title: 'Assessment Lint configuration', description: 'Which packs to use and rule severities, for drafts in this folder and below. See docs/packs.md.', ...plain(ConfigSchema) };
}

/** A schema as the committed file holds it: two-space JSON with a final newline. */
export function schemaText(schema: JsonObject): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
