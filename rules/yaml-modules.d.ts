/** YAML data files are bundled as text and parsed at start-up. */
declare module '*.yaml' {
  const text: string;
  export default text;
}
