// The last two steps shared by 一次申請 and 二次申請: 申請 (the submit button, its busy state, the server's
// refusal shown item by item) and 申請済 (receipt number, time in JST, and what happened to the confirmation mail).
import { api, $, el } from './app.js';

/** What the applicant is told about the confirmation mail of a submitted application. */
export function mailNotice(state) {
  const sent = state.mailSent ?? state.mailState === 'SENT';
  // SES reported that the mail did not arrive (bounce) or was reported as spam (complaint)
  const undelivered = state.mailState === 'BOUNCED' || state.mailState === 'COMPLAINED';
  return undelivered
    ? `申請は受け付けました。ただし自動配信メールが ${state.applicant.email} に届きませんでした。メールアドレスに誤りがある場合は学会事務局にご連絡ください。`
    : sent
    ? `自動配信メールを ${state.applicant.email} に送信しました。必ずご確認ください。`
    : `申請は受け付けました。自動配信メールは準備ができしだい ${state.applicant.email} に送信されます。`;
}

/** Fills the page's 申請済 box (#d-receipt, #d-time, #d-mail) from a submitted application. */
export function fillDone(state) {
  $('d-receipt').textContent = state.receiptNo;
  $('d-time').textContent = `${state.submittedAtLabel}（日本時間）`;
  $('d-mail').textContent = mailNotice(state);
}

/**
 * 申請 with the draft's version (the server refuses a stale one). While it runs the #submit button is busy;
 * the submitted application goes to {@code onDone}; a refusal is shown in #submit-error, one line per problem,
 * and a stale draft is reloaded with {@code reload}.
 */
export async function submitApplication(base, version, { label, onDone, reload }) {
  const button = $('submit');
  button.disabled = true;
  button.textContent = '申請しています…';
  $('submit-error').replaceChildren();
  try {
    onDone(await api(`${base}/submit`, { method: 'POST', body: JSON.stringify({ version }) }));
  } catch (e) {
    $('submit-error').replaceChildren(...(e.problems ?? [{ message: e.message }]).map((p) => el('div', { textContent: p.message })));
    if (e.code === 'STALE_VERSION') setTimeout(reload, 1500);
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}
