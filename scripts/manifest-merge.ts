// Merges the base manifest with a browser overlay. Objects merge key by key; arrays and scalars in
// the overlay replace the base value; `null` in the overlay deletes the key.
export type Manifest = { [key: string]: unknown };

function isObject(value: unknown): value is Manifest {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: Manifest, overlay: Manifest): Manifest {
  const out: Manifest = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(out[key]))
      out[key] = deepMerge(out[key] as Manifest, value);
    else out[key] = value;
  }
  return out;
}

export function mergeManifest(
  base: Manifest,
  overlay: Manifest,
  fromPackage: { version: string; description: string },
): Manifest {
  return {
    ...deepMerge(base, overlay),
    version: fromPackage.version,
    description: fromPackage.description,
  };
}
