// The popup shown on the toolbar button for a page that cannot get the reading view. The
// background puts the reason in the URL (message.html?reason=<code>&text=<sentence>); the text is
// inserted as text, never as markup.
import { messageHint, readMessageParams } from './lib/message-params';

const params = readMessageParams(location.search);
const text = document.getElementById('text');
if (text) text.textContent = params.text;
const hint = document.getElementById('hint');
const hintText = messageHint(params);
if (hint && hintText) {
  hint.textContent = hintText;
  hint.hidden = false;
}
