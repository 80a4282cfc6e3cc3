// What the getting-started walkthrough names (no `vscode` here, so unit tests can read it too).

/** The walkthrough's id in package.json; VS Code knows it as `<publisher>.<name>#<id>`. */
export const walkthroughId = 'gettingStarted';

/** The sample analyses shipped in samples/ that the walkthrough opens, by the name its links give. */
export const sampleNames = ['weak-analysis', 'strong-analysis'] as const;
