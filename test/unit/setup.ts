// Loaded before every unit test file (.mocharc `file`): the name tagger, as the CLI and the editor load it before
// they check files, so that tests see what users see.
import { loadNameTagger } from '../../src/core/anonymise/detect';

before(async function () {
  this.timeout(20_000);
  await loadNameTagger();
});
