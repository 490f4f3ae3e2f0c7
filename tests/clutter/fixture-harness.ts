// Loads clutter fixtures (tests/fixtures/clutter/<rule id with / as __>/positive*.html and
// negative*.html) and checks detection against their data-expect-* marks. The marks are read and
// then stripped before detection, so no rule can see them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectClutter, locateFinding } from '../../src/core/clutter';
import type { ClutterFinding } from '../../src/core/types';

export const FIXTURE_ROOT = resolve(__dirname, '../fixtures/clutter');

export interface Fixture {
  folder: string;
  ruleId: string;
  file: string;
  positive: boolean;
  html: string;
}

export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const folder of readdirSync(FIXTURE_ROOT).sort()) {
    for (const file of readdirSync(join(FIXTURE_ROOT, folder)).sort()) {
      if (!/^(positive|negative).*\.html$/.test(file)) continue;
      out.push({
        folder,
        ruleId: folder.replace('__', '/'),
        file,
        positive: file.startsWith('positive'),
        html: readFileSync(join(FIXTURE_ROOT, folder, file), 'utf8'),
      });
    }
  }
  return out;
}

/** A readable path for failure messages: tag#id.class chain from body. */
export function describe(el: Element): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node && node.tagName !== 'HTML'; node = node.parentElement) {
    const id = node.id ? `#${node.id}` : '';
    const cls =
      node
        .getAttribute('class')
        ?.trim()
        .split(/\s+/)
        .slice(0, 2)
        .map((c) => '.' + c)
        .join('') ?? '';
    steps.unshift(node.localName + id + cls);
  }
  return steps.join(' > ');
}

export interface FixtureRun {
  doc: Document;
  findings: ClutterFinding[];
  /** Finding elements, in the same order as `findings`. */
  elements: (Element | null)[];
  expectHidden: { el: Element; kind: string }[];
  expectVisible: Element[];
}

export function runFixture(fx: Fixture): FixtureRun {
  const doc = new DOMParser().parseFromString(fx.html, 'text/html');
  const expectHidden = [...doc.querySelectorAll('[data-expect-hidden]')].map((el) => ({
    el,
    kind: el.getAttribute('data-expect-hidden') ?? '',
  }));
  const expectVisible = [...doc.querySelectorAll('[data-expect-visible]')];
  for (const el of doc.querySelectorAll('[data-expect-hidden], [data-expect-visible]')) {
    el.removeAttribute('data-expect-hidden');
    el.removeAttribute('data-expect-visible');
  }
  const findings = detectClutter(doc);
  const elements = findings.map((f) => locateFinding(doc, f));
  return { doc, findings, elements, expectHidden, expectVisible };
}

/** Every problem with one fixture, as readable lines (empty when it passes). */
export function checkFixture(fx: Fixture): string[] {
  const run = runFixture(fx);
  const problems: string[] = [];
  const where = `${fx.folder}/${fx.file}`;
  const covering = (el: Element) =>
    run.findings.filter((_, i) => {
      const found = run.elements[i];
      return found != null && (found === el || found.contains(el));
    });

  if (run.expectVisible.length === 0)
    problems.push(`${where}: no data-expect-visible element (mark the article body)`);
  if (fx.positive && run.expectHidden.length === 0)
    problems.push(`${where}: positive fixture without data-expect-hidden`);
  run.elements.forEach((el, i) => {
    if (!el)
      problems.push(`${where}: finding ${run.findings[i]!.selector} does not locate an element`);
  });

  const byFolderRule: Element[] = [];
  for (const { el, kind } of run.expectHidden) {
    const cover = covering(el);
    const ofKind = cover.filter((f) => f.kind === kind);
    if (ofKind.length === 0) {
      problems.push(
        `${where}: expected hidden as ${kind}, not covered: ${describe(el)}` +
          (cover.length ? ` (covered by ${cover.map((f) => f.rule).join(', ')})` : ''),
      );
    } else if (ofKind.some((f) => f.rule === fx.ruleId)) {
      byFolderRule.push(el);
    }
  }
  if (fx.positive && run.expectHidden.length > 0 && byFolderRule.length === 0) {
    problems.push(
      `${where}: no expected element is hidden by ${fx.ruleId} (found: ${run.findings.map((f) => `${f.rule} ${f.selector}`).join(', ') || 'nothing'})`,
    );
  }
  for (const el of run.expectVisible) {
    const cover = covering(el);
    if (cover.length)
      problems.push(
        `${where}: must stay visible but hidden by ${cover.map((f) => `${f.rule} (${f.selector})`).join(', ')}: ${describe(el)}`,
      );
  }
  if (!fx.positive) {
    const ruleHits = run.findings.filter((f) => f.rule === fx.ruleId);
    const expected = new Set(run.expectHidden.map((e) => e.el));
    for (const f of ruleHits) {
      const el = run.elements[run.findings.indexOf(f)];
      if (!el || !expected.has(el))
        problems.push(
          `${where}: negative fixture, yet ${fx.ruleId} fired on ${f.selector} "${f.text.slice(0, 60)}"`,
        );
    }
  }
  return problems;
}
