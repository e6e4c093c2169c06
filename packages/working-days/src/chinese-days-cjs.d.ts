// The package's CommonJS build, imported by path: Temporal's workflow bundler (webpack) would otherwise pick its ES
// build, which webpack cannot parse as the package declares itself CommonJS.
declare module 'chinese-days/dist/index.min.js' {
  export * from 'chinese-days';
}
