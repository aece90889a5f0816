import { api, startSession, localClockBanner, groups } from './app.js';
if (groups().includes('secretariat')) {
  const a = Object.assign(document.createElement('a'), { href: 'admin.html', textContent: '事務局メニューへ', id: 'admin-link' });
  document.querySelector('main').prepend(Object.assign(document.createElement('p'), { className: 'notice' }), a);
}

// pages of each kind (一次申請・二次申請 are the next pages to be built)
// 更新申請 has no form in this system yet: its window is shown, without a link, with where to ask
const pages = { 'new-primary': 'primary.html', 'new-secondary': 'secondary.html',
                'transition-primary': 'primary.html?kind=transition',
                'transition-secondary': 'secondary.html?kind=transition' };

async function load() {
  const error = document.getElementById('error');
  error.textContent = '';
  try {
    const me = await api('me');
    for (const [k, v] of Object.entries(me.applicant)) {
      const cell = document.querySelector(`[data-field="${k}"]`);
      if (cell) { cell.textContent = v ?? ''; cell.classList.remove('loading'); }
    }
    const body = document.querySelector('#menu tbody');
    body.replaceChildren(...me.menu.map((m) => {
      const tr = document.createElement('tr');
      tr.dataset.kind = m.kind;
      tr.dataset.state = m.state;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = m.label;
      const td = document.createElement('td');
      td.className = 'status';
      if (m.usable && !pages[m.kind]) {
        td.append(Object.assign(document.createElement('span'), { textContent: m.text }),
          Object.assign(document.createElement('p'), { className: 'hint', textContent: '更新申請の手続きは学会事務局からご案内します。' }));
      } else if (m.usable) {
        const a = document.createElement('a');
        a.href = pages[m.kind];
        a.textContent = m.text;
        td.append(a);
      } else {
        const span = document.createElement('span');
        span.className = m.state === 'SUBMITTED' ? 'submitted' : 'reason';
        span.textContent = m.text;
        td.append(span);
      }
      tr.append(th, td);
      return tr;
    }));
    document.getElementById('now').textContent = `${me.nowLabel} 現在（日本時間）`;
  } catch (e) {
    error.textContent = e.message;
  }
}
startSession();
localClockBanner(load);
load();
