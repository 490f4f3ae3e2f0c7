// Entry of the benchmark bundle (built by ./bundle.ts into out/bench/bench-<browser>.js as an
// IIFE). It puts bare Readability next to our core on the page so both run, side by side, on the
// same document in the same browser. Never shipped: the extension has its own entry points.
// With --ref, bundle.ts redirects the core import to a snapshot of src/ at that commit.
import { Readability } from '@mozilla/readability';
// @ts-expect-error: a virtual module of bundle.ts, the package's Readability.js unpatched
import UpstreamReadability from 'virtual:readability-upstream';
import * as core from '../../src/core/index';

const bench = {
  Readability,
  UpstreamReadability: UpstreamReadability as typeof Readability,
  analyzePage: core.analyzePage,
  detectClutter: core.detectClutter,
  extractQuotes: core.extractQuotes,
  buildTextMap: core.buildTextMap,
};
export type DeclutterBench = typeof bench;

(window as unknown as { __declutterBench: DeclutterBench }).__declutterBench = bench;
