import type { DocumentFormat } from '../core/chunks.js';
import { data as templateData } from './report-template.yaml';

/** One heading of the report template and the prompts written under it. */
export interface TemplateSection {
  heading: string;
  prompts: string[];
}

/** The report template as data: a title and its sections in order. */
export interface ReportTemplate {
  title: string;
  sections: TemplateSection[];
}

/** The built-in pre-sentence report template (parsed from YAML when the bundle is built). */
export const REPORT_TEMPLATE: ReportTemplate = templateData as ReportTemplate;

/**
 * Writes the template out in a draft's format: Markdown headings with the
 * prompts as HTML comments, or capitalised plain-text headings with the
 * prompts in square brackets.
 */
export function reportTemplate(format: DocumentFormat, template: ReportTemplate = REPORT_TEMPLATE): string {
  const blocks: string[] = [];
  if (format === 'markdown') {
    blocks.push(`# ${template.title}`);
    for (const section of template.sections) {
      blocks.push(`## ${section.heading}`);
      blocks.push(section.prompts.map((prompt) => `<!-- ${prompt} -->`).join('\n'));
    }
  } else {
    blocks.push(template.title.toUpperCase());
    for (const section of template.sections) {
      blocks.push([section.heading.toUpperCase(), ...section.prompts.map((prompt) => `[${prompt}]`)].join('\n'));
    }
  }
  return blocks.join('\n\n') + '\n';
}
