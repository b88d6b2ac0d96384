/** YAML data files are bundled as their text and as their parsed data (see esbuild.mjs). */
declare module '*.yaml' {
  const text: string;
  export default text;
  /** The file parsed at build time. */
  export const data: unknown;
}
