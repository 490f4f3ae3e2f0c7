/** Which browser this bundle was built for; replaced at build time. */
declare const __BROWSER__: 'chrome' | 'firefox';
