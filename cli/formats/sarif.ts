import type { FileReport, RuleSummary } from '../report.js';

const LEVELS: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 with one run: the rules that ran, and a result for each message with a relative artifact URI. */
export function formatSarif(reports: FileReport[], rules: RuleSummary[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap((report) =>
    report.messages.map((message) => ({
      ruleId: message.ruleId,
      ...(ruleIndex.has(message.ruleId) ? { ruleIndex: ruleIndex.get(message.ruleId) } : {}),
      level: LEVELS[message.severity],
      message: { text: message.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(report.relative), uriBaseId: '%SRCROOT%' },
            region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'assessment-lint',
            version,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.message },
              ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
              defaultConfiguration: { level: LEVELS[rule.severity] ?? 'none' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToUri(process.cwd()) } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function pathToUri(folder: string): string {
  const withSlash = folder.endsWith('/') ? folder : folder + '/';
  return 'file://' + encodeURI(withSlash.replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:'));
}
