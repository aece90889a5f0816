// 事務局メニュー「ログインアカウント」: each member's account state, the invitation mail, 招待を再送.
import { api, $, el } from './app.js';

const td = (text) => el('td', { textContent: text ?? '' });
const MAIL = { SENT: '送信済', BOUNCED: '不達', COMPLAINED: '迷惑メール報告' };
let cursor = null;

function row(a) {
  const tr = el('tr');
  tr.dataset.memberNo = a.memberNo;
  const button = el('button');
  button.type = 'button';
  button.className = 'small';
  button.textContent = '招待を再送';
  button.hidden = a.state === 'ACTIVE' || a.state === 'QUEUED';
  button.addEventListener('click', async (e) => {
    e.stopPropagation();
    button.disabled = true;
    $('acc-error').textContent = '';
    try {
      const updated = await api(`admin/accounts/${encodeURIComponent(a.memberNo)}/resend-invitation`, { method: 'POST' });
      tr.replaceWith(row(updated));
    } catch (err) {
      $('acc-error').textContent = err.message;
      button.disabled = false;
    }
  });
  const action = el('td');
  action.append(button);
  tr.append(td(a.memberNo), td(a.name), td(a.email), td(a.stateLabel), td(a.state === 'INVITED' ? a.validTo : ''),
    td(MAIL[a.mailState] ?? ''), td([a.reason, a.mailProblem].filter(Boolean).join(' ')), action);
  return tr;
}

async function load(more) {
  $('acc-error').textContent = '';
  const q = new URLSearchParams();
  if ($('acc-problems').checked) q.set('problems', '1');
  if (more && cursor) q.set('cursor', cursor);
  try {
    const r = await api('admin/accounts?' + q);
    const rows = r.rows.map(row);
    if (more) $('accounts').tBodies[0].append(...rows); else $('accounts').tBodies[0].replaceChildren(...rows);
    cursor = r.nextCursor;
    $('acc-more').hidden = !cursor;
  } catch (err) {
    $('acc-error').textContent = err.message;
  }
}

$('acc-load').addEventListener('click', () => load(false));
$('acc-more').addEventListener('click', () => load(true));
document.querySelector('[data-tab=accounts]').addEventListener('click', () => load(false));
