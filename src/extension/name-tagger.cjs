// The entry of dist/name-tagger.cjs: compromise as the module itself, so that import() of the bundle gives it as
// `default`, as import('compromise') does (src/core/anonymise/detect.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS entry, on purpose (above).
const tagger = require('compromise');
module.exports = tagger.default ?? tagger;
