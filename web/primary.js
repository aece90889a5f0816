// 専門医新規申請（一次申請）: upload the fee receipt, choose exam sites, confirm, submit.
// Every rule is checked again by the server; this page only makes the steps comfortable.
import { api, startSession, localClockBanner, uploadDocument, previewDocument, $, el } from './app.js';
import { fillDone, submitApplication } from './submit-view.js';

const kind = new URLSearchParams(location.search).get('kind') === 'transition' ? 'transition-primary' : 'new-primary';
const base = `applications/${kind}`;
let state;          // the application as the server last described it
let saveTimer;

const TYPES = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

function show(step) {
  const changed = $(step).hidden;
  for (const id of ['edit', 'confirm', 'done']) $(id).hidden = id !== step;
  // on a phone the step starts below the applicant card: bring it into view when the step changes
  if (changed && step !== 'edit') $(step).scrollIntoView({ block: 'start' });
  if (changed && document.activeElement !== document.body) {
    // focus moves with the step (a hidden button must not keep it): to the new step's first heading
    const heading = $(step).querySelector('h2, .stamp');
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
  }
}

function prefName(code) {
  return state.prefectures.find((p) => p.code === code)?.name ?? '（未登録）';
}

function receipt() {
  return state.documents.find((d) => d.purpose === 'FEE_RECEIPT' && d.status === 'REGISTERED');
}

function sizeLabel(n) {
  return n >= 1024 * 1024 ? (n / 1024 / 1024).toFixed(1) + 'MB' : Math.max(1, Math.round(n / 1024)) + 'KB';
}

function render() {
  for (const [k, v] of Object.entries(state.applicant)) {
    const cell = document.querySelector(`[data-field="${k}"]`);
    if (cell) { cell.textContent = v ?? ''; cell.classList.remove('loading'); }
  }
  $('title').textContent = state.label;
  document.title = `${state.label}｜認定システム（日本緩和医療学会）`;
  if (state.status === 'SUBMITTED') return renderDone();

  $('window').textContent = state.window.open ? state.window.label : `受付期間外です。（${state.window.label}）`;
  $('types').textContent = `[${state.limits.feeReceiptTypes}]`;
  $('limit').textContent = `1ファイル、${state.limits.maxLabel}まで`;
  const exempt = state.writtenExamExempt;
  $('prefs-hint').textContent = exempt
    ? '第三希望までご登録ください。※筆記試験免除者は登録不要です(空欄で申請できます)。'
    : '第三希望までご登録ください。';

  for (let i = 0; i < 3; i++) {
    const select = $('pref' + i);
    if (!select.options.length) {
      select.append(new Option('---', ''));
      for (const p of state.prefectures) select.append(new Option(p.name, p.code));
    }
    select.value = state.preferences[i] ?? '';
    select.disabled = !state.window.open;
  }
  $('file').disabled = !state.window.open || uploading;

  const files = $('files');
  files.replaceChildren(...state.documents.filter((d) => d.status === 'REGISTERED').map((d) => {
    const preview = el('button', { type: 'button', className: 'small', textContent: 'プレビュー' });
    preview.addEventListener('click', () => showPreview(d));
    const remove = el('button', { type: 'button', className: 'remove', textContent: '×', disabled: !state.window.open });
    remove.setAttribute('aria-label', `${d.fileName} を削除`);
    remove.addEventListener('click', () => removeDocument(d));
    return el('li', {},
      el('span', { className: 'name', textContent: `${d.fileName}（${TYPES[d.contentType] ?? d.type}、${sizeLabel(d.size)}）` }),
      el('span', { className: 'badge done', textContent: '登録済' }), preview, remove);
  }));
  const hasReceipt = Boolean(receipt());
  $('receipt-badge').textContent = hasReceipt ? '登録済' : '未登録';
  $('receipt-badge').className = 'badge ' + (hasReceipt ? 'done' : 'todo');
  $('dropzone').hidden = hasReceipt;
  const prefsDone = !state.missing.some((m) => m.field.startsWith('preferences'));
  $('prefs-badge').textContent = prefsDone ? '登録済' : '未登録';
  $('prefs-badge').className = 'badge ' + (prefsDone ? 'done' : 'todo');
  $('missing').replaceChildren(...state.missing.map((m) => el('li', { textContent: m.message })));
  $('to-confirm').disabled = !state.window.open;
  renderCorrection();
  show('edit');
}

/** The applicant's own deadline and, after a 差し戻し, the itemised 不備: only those parts can change. */
function renderCorrection() {
  if (state.window.personalLabel) $('window').textContent = `${state.window.personalLabel}（通常の${state.window.label}）`;
  $('correction')?.remove();
  const c = state.correction;
  if (!c) return;
  const box = el('section', { className: 'card correction', id: 'correction' });
  box.setAttribute('role', 'alert');
  const list = el('ol');
  for (const i of c.items) list.append(el('li', { textContent: `${i.label}：${i.note}` }));
  box.append(el('h2', { textContent: '事務局からの修正依頼（差し戻し）' }),
    el('p', { className: 'error', textContent: `修正期限：${c.untilLabel}（日本時間）までに、次の項目を修正して、もう一度「申請」してください。修正を依頼された項目のほかは変更できません。` }),
    list);
  $('window').after(box);
  const open = new Set(c.openSections);
  if (!open.has('preferences')) for (let i = 0; i < 3; i++) $('pref' + i).disabled = true;
  if (!open.has('receipt')) {
    $('file').disabled = true;
    document.querySelectorAll('#files button').forEach((b) => { b.disabled = true; });
  }
}

function renderDone() {
  fillDone(state);
  $('d-file').textContent = receipt()?.fileName ?? '';
  $('d-prefs').textContent = state.preferences.map((c, i) => `第${'一二三'[i]}希望：${c ? prefName(c) : '（未登録）'}`).join(' / ');
  show('done');
}

async function load() {
  try {
    state = await api(base);
    render();
  } catch (e) {
    $('error').textContent = e.message;
  }
}

// ---- 希望地: saved on the server at every change (the draft survives reload and logout)
function queueSave() {
  clearTimeout(saveTimer);
  $('saved').textContent = '保存しています…';
  saveTimer = setTimeout(save, 400);
}

async function save() {
  $('prefs-error').textContent = '';
  const preferences = [0, 1, 2].map((i) => $('pref' + i).value || null);
  try {
    const r = await api(base, { method: 'PUT', body: JSON.stringify({ version: state.version, preferences }) });
    state.version = r.version;
    state.preferences = preferences;
    const t = new Date();
    $('saved').textContent = `保存しました（${t.getHours()}:${String(t.getMinutes()).padStart(2, '0')}）`;
    await refreshMissing();
  } catch (e) {
    $('saved').textContent = '';
    $('prefs-error').textContent = e.message;
    if (e.code === 'STALE_VERSION') {
      // another tab saved meanwhile: the choice made here is kept (not replaced by a reload) and saved again
      await load();
      preferences.forEach((c, i) => { $('pref' + i).value = c ?? ''; });
      $('prefs-error').textContent = '別の画面または端末で内容が更新されていました。この画面で選んだ希望地を残して、保存し直します。';
      queueSave();
    } else if (e.code === 'ALREADY_SUBMITTED') {
      await load();
    }
  }
}

async function refreshMissing() {
  const fresh = await api(base);
  state = fresh;
  render();
}

// ---- 申請料支払い控え: slot → PUT to S3 with progress → 登録
let uploading = false;

async function uploadFile(file) {
  $('upload-error').textContent = '';
  if (!file || uploading) return;
  const type = file.type === 'image/jpg' ? 'image/jpeg' : file.type;
  if (!TYPES[type]) { $('upload-error').textContent = `申請料支払い控えは ${state.limits.feeReceiptTypes} のファイルを選んでください。`; return; }
  if (file.size === 0) { $('upload-error').textContent = 'ファイルが空です。内容のあるファイルを選んでください。'; return; }
  if (file.size > state.limits.maxBytes) { $('upload-error').textContent = `ファイルサイズは${state.limits.maxLabel}までです。小さくしてから選んでください。`; return; }
  // one upload at a time: a second file chosen (or dropped) meanwhile would race the first for the one-file limit
  uploading = true;
  $('file').disabled = true;
  $('dropzone').classList.add('busy');
  $('progress-box').hidden = false;
  $('progress').value = 0;
  $('progress-text').textContent = 'ファイルを確認しています…';
  try {
    await uploadDocument(kind, 'FEE_RECEIPT', file, (pct) => {
      $('progress').value = pct;
      $('progress-text').textContent = pct < 100 ? `アップロード中… ${pct}%` : '登録しています…';
    });
    $('progress-text').textContent = '登録しました。';
    await refreshMissing();
  } catch (e) {
    $('upload-error').textContent = e.message;
  } finally {
    setTimeout(() => { $('progress-box').hidden = true; }, 800);
    $('file').value = '';
    uploading = false;
    $('file').disabled = !state.window.open;
    $('dropzone').classList.remove('busy');
  }
}

async function showPreview(doc) {
  try {
    await previewDocument(kind, doc, $('preview'));
  } catch (e) {
    $('upload-error').textContent = e.message;
  }
}

async function removeDocument(doc) {
  if (!confirm(`${doc.fileName} を削除しますか？`)) return;
  try {
    await api(`${base}/documents/${doc.id}`, { method: 'DELETE' });
    $('preview').replaceChildren();
    await refreshMissing();
  } catch (e) {
    $('upload-error').textContent = e.message;
  }
}

// ---- 確認 → 一次申請
function toConfirm() {
  if (state.missing.length) {
    $('missing').replaceChildren(...state.missing.map((m) => el('li', { textContent: m.message })));
    $('missing').scrollIntoView();
    return;
  }
  const r = receipt();
  $('c-receipt').textContent = `${r.fileName}（${sizeLabel(r.size)}）`;
  for (let i = 0; i < 3; i++) $('c-pref' + i).textContent = state.preferences[i] ? prefName(state.preferences[i]) : '（未登録）';
  $('submit-error').textContent = '';
  show('confirm');
}

function submit() {
  return submitApplication(base, state.version, { label: '一次申請', reload: load,
    onDone: (submitted) => { state = submitted; renderDone(); } });
}

startSession();
localClockBanner(load);
for (let i = 0; i < 3; i++) $('pref' + i).addEventListener('change', queueSave);
$('file').addEventListener('change', (e) => uploadFile(e.target.files[0]));
const zone = $('dropzone');
zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); if (!uploading) uploadFile(e.dataTransfer.files[0]); });
$('to-confirm').addEventListener('click', toConfirm);
$('back').addEventListener('click', () => show('edit'));
$('submit').addEventListener('click', submit);
load();
