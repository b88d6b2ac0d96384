import { Type, type TSchema } from '@sinclair/typebox';
import { AUDIT_SCHEMA_VERSION, RULE_ORDERS } from './audit-report.js';
import { GROUP_BY } from './groups.js';
import { PublishedFigureSchema } from './published-figures.js';

const Count = Type.Integer({ minimum: 0 });
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()], { description: 'Percentage with one decimal; null when the rule applied to no draft.' });
const Change = Type.Union([Type.Number({ minimum: -100, maximum: 100 }), Type.Null()], { description: 'Percentage points, now minus then; null when either rate is null.' });
const Text = Type.String();
const RuleId = Type.String({ minLength: 1 });
const Line = Type.Integer({ minimum: 1 });

const Rule = Type.Object(
  {
    id: RuleId,
    message: Text,
    docsUrl: Type.Optional(Text),
    explanation: Type.Optional(Text),
    applicable: Count,
    passing: Count,
    failing: Count,
    unreasonedSuppressions: Type.Optional(Count),
    passingBySuppression: Count,
    passRate: Rate,
    findings: Count,
    suppressions: Type.Array(Type.Object({ reason: Type.Union([Text, Type.Null()]), findings: Count })),
    published: Type.Optional(PublishedFigureSchema),
  },
  { description: 'One rule across the caseload.' },
);

const Document = Type.Object(
  {
    file: Text,
    skipped: Type.Optional(Text),
    gaps: Type.Array(RuleId, { description: 'Rules the draft fails, in rule order.' }),
    findings: Count,
    errors: Count,
    warnings: Count,
    suppressions: Type.Array(
      Type.Object({
        ruleId: Type.Union([RuleId, Type.Null()], { description: 'The rule the comment names (one entry per rule), or null when it names none.' }),
        line: Line,
        reason: Type.Union([Text, Type.Null()]),
        status: Type.Optional(Type.Union(['effective', 'unused', 'no-reason', 'no-rule', 'unknown-rule', 'unclosed'].map((status) => Type.Literal(status)), { description: 'What became of the comment: it took effect, silenced nothing, or was refused.' })),
        findings: Type.Optional(Count),
      }),
      { description: 'Every suppression comment of the draft, once per rule it names, with what became of it; entries may carry more fields.' },
    ),
    snippets: Type.Optional(Type.Array(Type.Object({ ruleId: RuleId, line: Line, text: Text }))),
    facts: Type.Object({ author: Type.Optional(Text), team: Type.Optional(Text), type: Type.Optional(Text), folder: Text }, { description: "What the draft's header states about it, and its folder." }),
    details: Type.Array(Type.Object({ ruleId: RuleId, line: Line, column: Line, message: Text, quote: Type.Optional(Text) }), { description: 'Every reported finding.' }),
  },
  { description: 'One file of the caseload.' },
);

const Pack = Type.Object({ name: Text, version: Text, source: Text, config: Type.Optional(Text), lockSha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })) });

const Grouping = Type.Object({
  by: Type.Union(GROUP_BY.map((name) => Type.Literal(name))),
  groups: Type.Array(
    Type.Object({
      name: Text,
      drafts: Count,
      withGaps: Count,
      rules: Type.Array(Type.Object({ id: RuleId, applicable: Count, passing: Count, failing: Count, passRate: Rate })),
    }),
  ),
});

const Comparison = Type.Object({
  previous: Type.Object({ file: Text, date: Text, tool: Type.Object({ name: Text, version: Text }), linted: Count }),
  rules: Type.Array(Type.Object({ id: RuleId, before: Rate, after: Rate, change: Change })),
  drafts: Type.Array(Type.Object({ file: Text, gained: Type.Array(RuleId), lost: Type.Array(RuleId) }), { description: 'Drafts in both audits whose gaps changed.' }),
  added: Type.Array(Text, { description: 'Drafts only in this audit.' }),
  removed: Type.Array(Text, { description: 'Drafts only in the previous audit.' }),
});

/** The shape of `assessment-lint audit --format json`, as TypeBox; schemas/audit.schema.json is generated from it. */
export const AuditSchema = Type.Object(
  {
    schemaVersion: Type.Literal(AUDIT_SCHEMA_VERSION),
    tool: Type.Object({ name: Text, version: Text }),
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    packs: Type.Array(Pack),
    order: Type.Union(RULE_ORDERS.map((order) => Type.Literal(order))),
    filter: Type.Optional(Type.Object({ type: Text })),
    totals: Type.Object({ files: Count, linted: Count, skipped: Count, withGaps: Count, findings: Count, errors: Count, warnings: Count, suppressed: Count, suppressions: Type.Optional(Count), unreasoned: Type.Optional(Count) }),
    rules: Type.Array(Rule),
    documents: Type.Array(Document),
    gapDistribution: Type.Array(Type.Object({ gaps: Count, documents: Count })),
    grouping: Type.Optional(Grouping),
    comparison: Type.Optional(Comparison),
  },
  { description: 'A caseload audit; fields may be added within a schemaVersion, never removed or changed in meaning.' },
);

/** The audit JSON Schema as the committed file holds it (draft-07, TypeBox's own keys dropped). */
export function auditJsonSchema(): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(AuditSchema as TSchema)) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'Assessment Lint caseload audit', ...plain };
}
