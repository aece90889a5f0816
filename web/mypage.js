import { api, startSession, localClockBanner, groups, $, el } from './app.js';
if (groups().includes('secretariat')) {
  // the link sits inside its notice (an empty notice box was shown above it)
  const a = el('a', { href: 'admin.html', textContent: '事務局メニューへ', id: 'admin-link' });
  const notice = el('p', { className: 'notice', id: 'admin-notice' });
  notice.append('事務局の方は ', a, ' からお進みください。');
  document.querySelector('main').prepend(notice);
}

// pages of each kind (一次申請・二次申請 are the next pages to be built)
// 更新申請 has no form in this system yet: its window is shown, without a link, with where to ask
const pages = { 'new-primary': 'primary.html', 'new-secondary': 'secondary.html',
                'transition-primary': 'primary.html?kind=transition',
                'transition-secondary': 'secondary.html?kind=transition' };

async function load() {
  const error = $('error');
  error.textContent = '';
  try {
    const me = await api('me');
    for (const [k, v] of Object.entries(me.applicant)) {
      const cell = document.querySelector(`[data-field="${k}"]`);
      if (cell) { cell.textContent = v ?? ''; cell.classList.remove('loading'); }
    }
    const body = document.querySelector('#menu tbody');
    body.replaceChildren(...me.menu.map((m) => {
      const tr = el('tr');
      tr.dataset.kind = m.kind;
      tr.dataset.state = m.state;
      const th = el('th');
      th.scope = 'row';
      if (m.usable && pages[m.kind]) {
        // as in the manual, the item's name is the link (the window beside it says until when)
        th.append(el('a', { href: pages[m.kind], textContent: m.label }));
      } else {
        th.textContent = m.label;
      }
      const td = el('td');
      td.className = 'status';
      if (m.usable && !pages[m.kind]) {
        td.append(el('span', { textContent: m.text }),
          el('p', { className: 'hint', textContent: '更新申請の手続きは学会事務局からご案内します。' }));
      } else if (m.usable) {
        td.append(el('span', { className: 'window', textContent: m.text }));
      } else {
        const span = el('span');
        span.className = m.state === 'SUBMITTED' ? 'submitted' : 'reason';
        span.textContent = m.text;
        td.append(span);
      }
      tr.append(th, td);
      return tr;
    }));
    $('now').textContent = `${me.nowLabel} 現在（日本時間）`;
  } catch (e) {
    error.textContent = e.message;
  }
}
startSession();
localClockBanner(load);
load();
