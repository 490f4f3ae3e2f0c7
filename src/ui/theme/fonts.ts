// Font stacks made only of fonts already on the user's system: the view never downloads a font
// (privacy, and no flash of unstyled text). The first names are the best-looking reading faces
// commonly installed on each OS, the last the generic family.
import type { FontFamily } from '../../shared/settings';

export const FONT_STACKS: Record<FontFamily, string> = {
  serif:
    'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", "DejaVu Serif", serif',
  sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  mono: 'ui-monospace, "SF Mono", Menlo, Consolas, "Cascadia Mono", "DejaVu Sans Mono", monospace',
  // Dyslexia-friendly: a dedicated face if the user installed one, else wide, open humanist sans
  // faces with distinct letter shapes; spacing is widened in the view's CSS for this choice.
  readable:
    'OpenDyslexic, "Atkinson Hyperlegible", Lexend, "Comic Neue", Verdana, Tahoma, "DejaVu Sans", sans-serif',
};

export const FONT_LABELS: Record<FontFamily, string> = {
  serif: 'Serif',
  sans: 'Sans-serif',
  mono: 'Monospace',
  readable: 'Easy-read',
};

export const UI_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';
