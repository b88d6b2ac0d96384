import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parse } from 'yaml';
import figuresText from './published-figures.yaml';

/** One figure the inspectorate published for what a rule checks. */
export const PublishedFigureSchema = Type.Object(
  {
    percent: Type.Number({ minimum: 0, maximum: 100 }),
    measure: Type.String({ minLength: 1 }),
    period: Type.String({ minLength: 1 }),
    source: Type.Object(
      {
        publisher: Type.String({ minLength: 1 }),
        title: Type.String({ minLength: 1 }),
        date: Type.String({ minLength: 1 }),
        url: Type.String({ pattern: '^https://' }),
        note: Type.Optional(Type.String({ minLength: 1 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** A published figure: percent of inspected cases meeting the standard, the measure, the period and the inspectorate's publication it comes from. */
export type PublishedFigure = Static<typeof PublishedFigureSchema>;

const FiguresSchema = Type.Record(Type.String(), PublishedFigureSchema);

/** Parses a published-figures file (YAML keyed by rule id); throws when an entry does not fit the schema. */
export function parsePublishedFigures(text: string): Record<string, PublishedFigure> {
  const data: unknown = parse(text) ?? {};
  if (!Value.Check(FiguresSchema, data)) {
    const first = Value.Errors(FiguresSchema, data).First();
    throw new Error(`published figures: ${first?.path ?? ''} ${first?.message ?? 'invalid'}`);
  }
  return data;
}

let figures: Record<string, PublishedFigure> | undefined;

/** The inspectorate's published figures bundled with the audit, keyed by rule id. */
export function publishedFigures(): Record<string, PublishedFigure> {
  figures ??= parsePublishedFigures(figuresText);
  return figures;
}
