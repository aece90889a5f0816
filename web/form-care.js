// Nothing typed is lost and every error sits at its field: input not yet 登録 is kept on this device and offered
// back, leaving with unsaved input is warned, and the server's problems are shown at the field they name
// (aria-invalid, aria-describedby, focus on the first).
import { el } from './app.js';

const PREFIX = 'nintei.unsaved.';

/** The device's copy of one form's unsaved input (localStorage: it survives a reload and a closed tab). */
export function unsavedStore(...parts) {
  const key = PREFIX + parts.join('.');
  return {
    keep(data) {
      try { localStorage.setItem(key, JSON.stringify({ data, at: Date.now() })); } catch { /* full or disabled: the warning still protects */ }
    },
    read() {
      try { return JSON.parse(localStorage.getItem(key))?.data ?? null; } catch { return null; }
    },
    drop() { localStorage.removeItem(key); },
  };
}

/** On an explicit logout nothing typed stays on a shared device. */
export function dropAllUnsaved() {
  for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
}

let leaving = () => false;
/** The browser asks before a reload or a closed tab while {@code isDirty()} holds. */
export function warnBeforeLeaving(isDirty) { leaving = isDirty; }
window.addEventListener('beforeunload', (e) => {
  if (!leaving()) return;
  e.preventDefault();
  e.returnValue = '';
});

let counter = 0;

/** Removes the marks of {@link markFieldErrors}. */
export function clearFieldErrors(container) {
  container.querySelectorAll('.field-error').forEach((n) => n.remove());
  container.querySelectorAll('[aria-invalid="true"]').forEach((n) => {
    n.removeAttribute('aria-invalid');
    const rest = (n.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('fe-'));
    if (rest.length) n.setAttribute('aria-describedby', rest.join(' ')); else n.removeAttribute('aria-describedby');
  });
}

function fieldElement(container, field) {
  if (!field) return null;
  const q = (s) => container.querySelector(s);
  const f = CSS.escape(field);
  return q(`[data-field~="${field.replace(/"/g, '')}"]`) ?? q(`[data-field^="${field.replace(/"/g, '')}."]`) ?? (q(`#${f}`) || null);
}

/**
 * Shows each problem under the field it names (data-field on the inputs), marks the field invalid and describes
 * it by the message; focuses the first marked field. Returns the problems that name no field on the page.
 */
export function markFieldErrors(container, problems, { focus = true } = {}) {
  clearFieldErrors(container);
  const rest = [];
  let first = null;
  for (const p of problems) {
    const input = fieldElement(container, p.field);
    if (!input) { rest.push(p); continue; }
    const note = el('p', { className: 'field-error', id: `fe-${++counter}`, textContent: p.message });
    const anchor = input.closest('.row, .dropzone, .inline') ?? input;
    let after = anchor;
    while (after.nextElementSibling?.classList.contains('field-error')) after = after.nextElementSibling;
    after.after(note);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
    first ??= input;
  }
  if (focus && first) first.focus();
  return rest;
}
