// Features that are not needed to paint the reading view ship as their own scripts, injected into
// the tab's isolated world the first time the user asks for them: that keeps the script injected
// on every click small (issue 5's content-script budget). Each name is a file in the package.

export const FEATURES = ['quotes', 'declutter', 'large-page'] as const;
export type FeatureName = (typeof FEATURES)[number];

export function isFeatureName(value: unknown): value is FeatureName {
  return typeof value === 'string' && (FEATURES as readonly string[]).includes(value);
}

/** The packaged script of a feature (built by scripts/build.ts from src/content/features/). */
export function featureFile(name: FeatureName): string {
  return `${name}.js`;
}
