/** A small team pack used by the language server tests: one house-style rule with a replacement. */
export const TEAM_PACK = `name: team
version: 1.0.0
terms:
  service-user:
    - service user|users
rules:
  person-first:
    kind: flag-phrase
    severity: warning
    message: Write "person on probation" rather than "service user".
    explanation: |
      **What good looks like:** person-first language throughout the report.
    options:
      phrases: service-user
      replacements: ["person on probation"]
`;
