import type { FileReport } from '../report.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JUnit XML: one test suite per draft, one failing test case per message (CI systems show them as test failures). */
export function formatJunit(reports: FileReport[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = reports.reduce((sum, report) => sum + Math.max(1, report.messages.length), 0);
  const failures = reports.reduce((sum, report) => sum + report.messages.length + (report.skipped ? 1 : 0), 0);
  out.push(`<testsuites name="assessment-lint" tests="${total}" failures="${failures}">`);
  for (const report of reports) {
    const name = escape(report.relative);
    const cases = Math.max(1, report.messages.length);
    out.push(`  <testsuite name="${name}" tests="${cases}" failures="${report.messages.length + (report.skipped ? 1 : 0)}">`);
    if (report.skipped) {
      out.push(`    <testcase classname="${name}" name="read"><failure message="${escape(report.skipped)}"/></testcase>`);
    } else if (report.messages.length === 0) {
      out.push(`    <testcase classname="${name}" name="no problems"/>`);
    }
    for (const message of report.messages) {
      out.push(`    <testcase classname="${name}" name="${escape(`${message.ruleId} ${message.line}:${message.column}`)}">`);
      out.push(`      <failure type="${message.severity}" message="${escape(message.message)}">${escape(`${report.relative}:${message.line}:${message.column} ${message.message} (${message.ruleId})`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
