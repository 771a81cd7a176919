// The organiser's workspace: a Teams tab (personal or channel) or a browser page on loopback with the
// development identity. A consultant runs a whole consultation here without one API call: creates it and
// its sessions, imports the guest list, chooses whom to invite, previews what each person receives, sends,
// follows delivery and acts on the answers. Every call goes through the organiser API (the routes table
// below, which a test compares with the service's routes), and every problem the API names is shown in the
// organiser's language from its stable code.
import { setTheme } from '/lib/fluentui-web-components/web-components-all.min.js';
import { teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme } from '/lib/fluentui-tokens/lib/index.js';

const texts = JSON.parse(document.getElementById('texts').textContent);
const groups = JSON.parse(document.getElementById('groups').textContent);
const lang = document.documentElement.lang;
const locale = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' }[lang] ?? 'fr-MA';
const params = new URLSearchParams(location.search);
const languages = ['fr', 'ar', 'en'];
const statuses = ['notSent', 'invited', 'accepted', 'tentative', 'declined', 'waitlisted', 'offered', 'attended', 'noShow', 'withdrawn', 'cancelled'];
const counted = [['invited', 'Dashboard.Count.Invited'], ['accepted', 'Dashboard.Status.accepted'], ['tentative', 'Dashboard.Status.tentative'],
  ['declined', 'Dashboard.Status.declined'], ['noAnswer', 'Dashboard.Count.NoAnswer'], ['waitlisted', 'Dashboard.Status.waitlisted'],
  ['offered', 'Dashboard.Status.offered'], ['attended', 'Dashboard.Status.attended'], ['noShow', 'Dashboard.Status.noShow']];
const needs = ['transport', 'diet', 'accessibility', 'interpretation', 'other'];
const sexes = ['female', 'male', 'notStated'];
const sexKey = { female: 'Female', male: 'Male', notStated: 'NotStated' };
const channels = ['email', 'teams', 'both'];
const previewKinds = ['invitation', 'update', 'reminder', 'dayBefore', 'today', 'waitlisted', 'seatOffered', 'withdrawal', 'cancellation'];
/** States of people who hold the invitation, and so are told when the session is cancelled. */
const informedStates = ['invited', 'accepted', 'tentative', 'waitlisted', 'offered'];
const refreshMs = 5000;

// ---- the organiser API: every route the page calls ------------------------------------------------
const routes = {
  campaigns: '/api/campaigns',
  campaign: '/api/campaigns/{id}',
  sessions: '/api/campaigns/{id}/sessions',
  organisers: '/api/campaigns/{id}/organisers',
  organiserLookup: '/api/campaigns/{id}/organisers/lookup',
  audit: '/api/campaigns/{id}/audit',
  board: '/api/campaigns/{id}/dashboard',
  dataRequests: '/api/campaigns/{cid}/data-requests',
  completeDataRequest: '/api/campaigns/{cid}/data-requests/{rid}/complete',
  participants: '/api/campaigns/{cid}/participants',
  participant: '/api/campaigns/{cid}/participants/{pid}',
  participantExport: '/api/campaigns/{cid}/participants/{pid}/export',
  importList: '/api/campaigns/{cid}/participants/import',
  template: '/api/campaigns/{cid}/participants/import/template',
  session: '/api/sessions/{id}',
  cancelSession: '/api/sessions/{id}/cancel',
  invitations: '/api/sessions/{id}/invitations',
  invitePreview: '/api/sessions/{id}/invitations/preview',
  invitation: '/api/sessions/{id}/invitations/{participantId}',
  answer: '/api/sessions/{id}/invitations/{participantId}/answer',
  withdraw: '/api/sessions/{id}/invitations/{participantId}/withdraw',
  substitute: '/api/sessions/{id}/invitations/{participantId}/substitute',
  checkIn: '/api/sessions/{id}/invitations/{participantId}/check-in',
  offer: '/api/sessions/{id}/invitations/{participantId}/offer',
  resend: '/api/sessions/{id}/invitations/{participantId}/resend',
  subGroup: '/api/sessions/{id}/invitations/{participantId}/sub-group',
  messagePreview: '/api/sessions/{id}/invitations/{participantId}/preview',
  personMessages: '/api/sessions/{id}/invitations/{participantId}/messages',
  walkIns: '/api/sessions/{id}/invitations/walk-ins',
  messages: '/api/sessions/{id}/messages',
  messageSummary: '/api/sessions/{id}/messages/summary',
  reminders: '/api/sessions/{id}/reminders',
  remindNow: '/api/sessions/{id}/reminders/send',
  roster: '/api/sessions/{id}/roster',
  exportRoster: '/api/sessions/{id}/export',
  attendance: '/dashboard/sessions/{id}/attendance',
  survey: '/api/sessions/{id}/survey',
  openSurvey: '/api/sessions/{id}/survey/open',
  surveyResults: '/api/sessions/{id}/survey/results',
  surveyExport: '/api/sessions/{id}/survey/results/export',
  sessionReport: '/api/sessions/{id}/report',
  campaignReport: '/api/campaigns/{id}/report',
};

function path(name, values = {}, query = {}) {
  const url = routes[name].replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(values[k] ?? ''));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v != null && v !== '') q.set(k, v);
  return q.toString() ? `${url}?${q}` : url;
}

// ---- texts -------------------------------------------------------------------------------------------
const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[i] ?? '');
/** French puts a space before a colon. */
const colon = lang === 'fr' ? '\u00a0: ' : ': ';
const has = key => Object.prototype.hasOwnProperty.call(texts, key);
const groupLabel = g => texts['Group.' + g] ?? g;
const sexValue = s => t('Value.Sex.' + s);
const languageValue = l => t('Value.Language.' + l);
const channelValue = c => t('Value.Channel.' + c);
const percent = x => x == null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);
const number = n => new Intl.NumberFormat(locale).format(n ?? 0);
const dateTime = d => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d));
/** A session's wall-clock time (given with its offset) shown as it is, whatever the browser's zone. */
const wallClock = (iso, style = { dateStyle: 'full', timeStyle: 'short' }) =>
  new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' }).format(new Date(iso.slice(0, 19) + 'Z'));

/** A value an organiser reads, in their language: an array of groups, languages... or a plain value. */
function argValue(name, value) {
  if (Array.isArray(value)) return value.map(v => argValue(name, v)).join(', ');
  if (typeof value === 'number') return number(value);
  if (typeof value === 'boolean') return value ? t('Dashboard.Yes') : t('Dashboard.No');
  const v = String(value ?? '');
  if (name === 'allowed' || name === 'value' || name === 'from' || name === 'to' || name === 'status' || name === 'channel') {
    for (const prefix of ['Group.', 'Dashboard.Status.', 'Value.Language.', 'Value.Channel.']) if (has(prefix + v)) return t(prefix + v);
  }
  return v;
}

function fieldLabel(field) {
  if (!field) return '';
  const base = field.replace(/\[\d+\]/g, '');
  const key = 'Field.' + base;
  if (has(key)) return t(key);
  const parts = base.split('.');
  for (let i = parts.length - 1; i > 0; i--) if (has('Field.' + parts.slice(0, i).join('.'))) return t('Field.' + parts.slice(0, i).join('.'));
  return base;
}

/** One problem of an API answer, in the organiser's language: where (row, column or field) and what. */
function errorText(e) {
  const template = e.code ? texts['Error.' + e.code] : null;
  const message = template ? template.replace(/\{(\w+)\}/g, (_, name) => argValue(name, e.args?.[name])) : e.message;
  const where = [];
  if (e.row) where.push(t('Dashboard.Import.Row', number(e.row)));
  if (e.column) where.push(t('Dashboard.Import.Column', e.column));
  else if (e.field && e.field !== 'file') where.push(fieldLabel(e.field));
  return where.length ? `${where.join(', ')}${colon}${message}` : message;
}

// ---- DOM ---------------------------------------------------------------------------------------------
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'value' && (tag === 'input' || tag === 'textarea' || tag === 'select')) e.value = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};
/** Data typed by people (names, organisations, addresses): shown as written, never translated. */
const data = (text, tag = 'span', attrs = {}) => el(tag, { translate: 'no', dir: 'auto', ...attrs }, text ?? '');
let uid = 0;
const nextId = prefix => `${prefix}-${++uid}`;
function field(label, input, hint) {
  const id = input.id || (input.id = nextId('f'));
  const hintId = hint ? id + '-hint' : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'field' }, el('label', { for: id }, label), input, hint ? el('small', { id: hintId }, hint) : null);
}
const button = (label, onclick, attrs = {}) => el('fluent-button', { onclick, ...attrs }, label);

// ---- Teams: SSO token, theme, locale ---------------------------------------------------------------------
const inTeams = window.parent !== window.self || navigator.userAgent.includes('Teams/');
let teamsReady = null;

function applyTheme(name) {
  setTheme(name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme);
  document.documentElement.dataset.theme = name || 'default';
}

async function startTeams() {
  if (!inTeams || !window.microsoftTeams) { applyTheme(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default'); return; }
  await microsoftTeams.app.initialize();
  const context = await microsoftTeams.app.getContext();
  applyTheme(context.app.theme);
  microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
  const teamsLang = (context.app.locale || '').slice(0, 2);
  if (!params.has('lang') && languages.includes(teamsLang) && teamsLang !== lang) {
    params.set('lang', teamsLang);
    location.search = params.toString();
  }
  const configured = context.page?.id && context.page.id !== 'dashboard' ? context.page.id : null;
  if (configured && !params.has('campaign')) params.set('campaign', configured);
  microsoftTeams.app.notifySuccess();
}

async function headers() {
  if (!inTeams) return {};
  await teamsReady;
  return { Authorization: 'Bearer ' + await microsoftTeams.authentication.getAuthToken() };
}

class ApiError extends Error {
  constructor(status, problem) {
    const errors = problem?.errors ?? [];
    super(errors.length ? errors.map(errorText).join(' ') : has('Error.status.' + status) ? t('Error.status.' + status) : t('Error.status.other', status));
    this.status = status; this.errors = errors; this.problem = problem;
  }
}

async function api(name, { values = {}, query = {}, method = 'GET', body, form, raw = false } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...await headers() } };
  if (form) init.body = form;
  else if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  const response = await fetch(path(name, values, query), init);
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

// ---- state, notices, views ---------------------------------------------------------------------------------
const state = {
  campaignId: null, campaign: null, campaigns: [], board: null, sessionId: params.get('session'), filters: {}, rows: [], total: 0,
  surveysOpen: new Set(), view: 'board', people: null, follow: null,
};

function notice(message, kind = 'info') {
  const box = document.getElementById('notice');
  box.replaceChildren(el('fluent-message-bar', { intent: kind === 'error' ? 'error' : kind === 'success' ? 'success' : kind === 'warning' ? 'warning' : 'info' }, message));
}

async function act(work, done = t('Dashboard.Done'), after = refresh) {
  try {
    const result = await work();
    notice(typeof done === 'function' ? done(result) : done, 'success');
    await after?.();
    return result;
  } catch (e) {
    notice(e instanceof ApiError ? e.message : t('Dashboard.Error', e.message), 'error');
    return undefined;
  }
}

const views = ['welcome', 'board', 'campaign', 'guests', 'invite'];

function show(view, focus = true) {
  state.view = view;
  for (const v of views) document.getElementById('view-' + v).hidden = v !== view;
  document.querySelectorAll('#views [data-view]').forEach(b => b.setAttribute('aria-current', b.dataset.view === view ? 'page' : 'false'));
  document.getElementById('views').hidden = view === 'welcome';
  document.body.dataset.view = view;
  const heading = document.querySelector(`#view-${view} h2`);
  if (focus && heading) { heading.tabIndex = -1; heading.focus({ preventScroll: false }); }
}

// ---- first run: a consultation --------------------------------------------------------------------------------
function campaignFields(c = {}) {
  return [
    field(t('Field.name'), el('input', { name: 'name', required: true, maxlength: 200, value: c.name ?? '', autocomplete: 'off' }), t('Dashboard.Campaign.NameHint')),
    field(t('Field.defaultLanguage'), el('select', { name: 'defaultLanguage' }, languages.map(l => el('option', { value: l, selected: (c.defaultLanguage ?? lang) === l }, languageValue(l))))),
    field(t('Field.timeZone'), el('input', { name: 'timeZone', required: true, maxlength: 64, value: c.timeZone ?? 'Africa/Casablanca', dir: 'ltr', translate: 'no' }), t('Dashboard.Campaign.ZoneHint')),
    field(t('Field.retentionMonths'), el('input', { name: 'retentionMonths', type: 'number', min: 1, max: 120, required: true, value: c.retentionMonths ?? 12 }), t('Dashboard.Campaign.RetentionHint')),
    field(t('Field.contactEmail'), el('input', { name: 'contactEmail', type: 'email', maxlength: 254, value: c.contactEmail ?? '', dir: 'ltr', autocomplete: 'email' }), t('Dashboard.Campaign.ContactHint')),
    field(t('Field.description'), el('textarea', { name: 'description', rows: 3, maxlength: 2000 }, c.description ?? '')),
  ];
}

function campaignBody(form) {
  const f = new FormData(form);
  return { name: f.get('name'), defaultLanguage: f.get('defaultLanguage'), timeZone: f.get('timeZone'),
    retentionMonths: Number(f.get('retentionMonths')), contactEmail: f.get('contactEmail') ?? '', description: f.get('description') ?? '' };
}

function renderWelcome() {
  const form = el('form', { class: 'card form', id: 'new-campaign', 'aria-labelledby': 'welcome-title' },
    campaignFields(),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, t('Dashboard.Campaign.Create'))));
  form.onsubmit = async e => {
    e.preventDefault();
    const created = await act(() => api('campaigns', { method: 'POST', body: campaignBody(form) }), t('Dashboard.Campaign.Created'), null);
    if (created) { state.campaignId = created.id; await loadCampaigns(); await loadBoard(); show('board'); }
  };
  document.getElementById('view-welcome').replaceChildren(
    el('h2', { id: 'welcome-title' }, t('Dashboard.Welcome.Title')),
    el('p', { id: 'no-campaign' }, t('Dashboard.NoCampaign'), ' ', t('Dashboard.Welcome.Text')),
    el('ol', { class: 'steps' }, ['Dashboard.Step.Campaign', 'Dashboard.Step.Sessions', 'Dashboard.Step.Guests', 'Dashboard.Step.Invite', 'Dashboard.Step.Follow'].map(k => el('li', {}, t(k)))),
    form);
}

// ---- campaigns and the board -----------------------------------------------------------------------------------
async function loadCampaigns() {
  state.campaigns = await api('campaigns');
  const wanted = params.get('campaign');
  if (!state.campaignId) state.campaignId = wanted ?? state.campaigns[0]?.id ?? null;
  const select = document.getElementById('campaign');
  select.replaceChildren(...state.campaigns.map(c => el('option', { value: c.id, selected: c.id === state.campaignId }, c.name)));
  select.onchange = () => { state.campaignId = select.value; state.sessionId = null; state.people = null; refresh(); };
  select.closest('.campaign-choice').hidden = state.campaigns.length < 2;
  return state.campaignId != null;
}

async function loadBoard() {
  const [board, campaign] = await Promise.all([api('board', { values: { id: state.campaignId } }), api('campaign', { values: { id: state.campaignId } })]);
  state.board = board; state.campaign = campaign;
  const b = state.board;
  document.title = `${b.name} – ${t('Dashboard.Title')}`;
  const meta = [t('Dashboard.Updated', new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(b.generatedAt)))];
  if (b.personalDataErasedAfter) meta.push(t('Dashboard.Erasure', new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(b.personalDataErasedAfter))));
  if (b.openDataRequests > 0) meta.push(t('Dashboard.DataRequests', number(b.openDataRequests)));
  document.getElementById('meta').replaceChildren(data(b.name, 'strong'), ' · ', meta.join(' · '));
  const board_ = document.getElementById('view-board');
  if (!board_.querySelector('h2')) renderBoardFrame();
  document.getElementById('sessions').replaceChildren(...b.sessions.map(sessionCard));
  reportBar(b);
  document.getElementById('no-session').hidden = b.sessions.length > 0;
  if (state.sessionId && !b.sessions.some(s => s.id === state.sessionId)) state.sessionId = null;
}

function renderBoardFrame() {
  document.getElementById('view-board').replaceChildren(
    el('div', { class: 'view-head' },
      el('h2', { id: 'board-title' }, t('Dashboard.Sessions')),
      button(t('Dashboard.Session.Add'), () => sessionForm(), { appearance: 'primary', 'data-action': 'add-session' })),
    el('div', { id: 'no-session', class: 'card empty', hidden: true },
      el('p', {}, t('Dashboard.Session.None')),
      button(t('Dashboard.Session.Add'), () => sessionForm(), { appearance: 'primary' })),
    el('section', { id: 'sessions', class: 'sessions', 'aria-labelledby': 'board-title' }),
    el('section', { id: 'people', class: 'people', hidden: true, 'aria-labelledby': 'people-title' },
      el('h2', { id: 'people-title' }, t('Dashboard.Participants')),
      el('form', { id: 'filters', class: 'filters' }),
      el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'people-title' }, el('table', { id: 'roster' }, el('thead'), el('tbody'))),
      el('p', { id: 'roster-more' })));
}

function sessionCard(s) {
  const c = s.counts;
  const cancelled = s.state === 'cancelled';
  const open = !cancelled && new Date(s.end) > new Date(state.board.generatedAt);
  return el('article', { class: 'session card' + (s.id === state.sessionId ? ' selected' : ''), 'data-session': s.id, 'aria-labelledby': 'title-' + s.id },
    el('h3', { id: 'title-' + s.id }, data(s.title), cancelled ? el('span', { class: 'badge danger' }, t('Dashboard.Cancelled')) : null),
    el('p', { class: 'muted' }, wallClock(s.start), s.venue ? [' · ', data(s.venue)] : ''),
    el('dl', { class: 'counts' }, counted.map(([key, label]) =>
      el('div', { class: 'count ' + key }, el('dt', {}, t(label)), el('dd', { 'data-count': key }, number(c[key]))))),
    el('p', { class: 'facts' },
      el('span', {}, t('Dashboard.ResponseRate'), colon, el('strong', { 'data-fact': 'responseRate' }, percent(s.responseRate))), ' · ',
      s.capacity == null ? el('span', {}, t('Dashboard.Unlimited'))
        : el('span', {}, el('strong', { 'data-fact': 'seatsLeft' }, number(s.seatsLeft)), ' ', t('Dashboard.Seats', '', number(s.capacity)).trim()), ' · ',
      el('span', {}, t('Dashboard.WomenShare'), colon, el('strong', { 'data-fact': 'womenShare' }, percent(s.coming.womenShare)))),
    progress(s.sending),
    chart(s),
    sexTable(s),
    needsList(s),
    surveyBlock(s),
    participationBlock(s),
    el('div', { class: 'actions' },
      // Only what can be done now is offered (a disabled control says nothing to a screen reader about why).
      open ? button(t('Dashboard.Invite'), () => openInvite(s.id), { appearance: 'primary', 'data-action': 'invite' }) : null,
      button(t('Dashboard.Participants'), () => showPeople(s.id), { 'data-action': 'people' }),
      open && c.noAnswer > 0 ? button(t('Dashboard.Action.Remind'), () => remind(s), { 'data-action': 'remind' }) : null,
      cancelled ? null : button(t('Dashboard.Session.Edit'), () => sessionForm(s), { 'data-action': 'edit-session' }),
      button(t('Dashboard.Session.Duplicate'), () => sessionForm(s, true), { 'data-action': 'duplicate-session' }),
      cancelled ? null : button(t('Dashboard.Session.Cancel'), () => cancelSession(s), { 'data-action': 'cancel-session' }),
      button(t('Dashboard.Action.Xlsx'), () => download('exportRoster', { id: s.id }, { format: 'xlsx' }, 'participants.xlsx')),
      button(t('Dashboard.Action.Csv'), () => download('exportRoster', { id: s.id }, { format: 'csv' }, 'participants.csv')),
      button(t('Dashboard.Action.Sheet'), () => sheet(s)),
      button(t('Dashboard.Report'), () => download('sessionReport', { id: s.id }, { format: 'docx' }, 'report.docx'), { 'data-action': 'report' })),
    el('div', { class: 'check' },
      el('input', { type: 'checkbox', id: 'self-' + s.id, checked: s.selfCheckIn, disabled: cancelled,
        onchange: e => act(() => api('session', { values: { id: s.id }, method: 'PATCH', body: { selfCheckIn: e.target.checked } })) }),
      el('label', { for: 'self-' + s.id }, t('Dashboard.SelfCheckIn'))));
}

function progress(p) {
  if (!p.inCourse && p.failed === 0 && p.possibleDuplicates === 0) return null;
  const parts = [t('Dashboard.Sending', number(p.done), number(p.due))];
  if (p.failed) parts.push(t('Dashboard.Failed', number(p.failed)));
  if (p.possibleDuplicates) parts.push(t('Dashboard.PossibleDuplicates', number(p.possibleDuplicates)));
  return el('div', { class: 'progress', 'data-fact': 'sending' },
    p.inCourse ? el('progress', { value: p.done, max: p.due, 'aria-label': parts[0] }) : null,
    el('span', {}, parts.join(' · ')));
}

/** Confirmed people (accepted or attended) per group, one bar per group split by sex: the balance at a glance. */
function chart(s) {
  const rows = s.byGroup.filter(g => g.counts.total > 0);
  const max = Math.max(1, ...rows.map(g => g.coming.female + g.coming.male + g.coming.notStated));
  return el('figure', { class: 'chart' },
    el('figcaption', {}, t('Dashboard.Chart')),
    el('div', { class: 'legend' }, sexes.map(x => el('span', { class: 'key ' + x }, t('Dashboard.Sex.' + sexKey[x])))),
    rows.map(g => {
      const sum = g.coming.female + g.coming.male + g.coming.notStated;
      return el('div', { class: 'bar-row', 'data-group': g.group },
        el('span', { class: 'bar-label' }, groupLabel(g.group)),
        el('span', { class: 'bar', role: 'img',
          'aria-label': `${groupLabel(g.group)}${colon}${sexes.map(x => `${t('Dashboard.Sex.' + sexKey[x])} ${g.coming[x]}`).join(', ')}` },
          sexes.map(x => g.coming[x] ? el('span', { class: 'seg ' + x, style: `width:${(100 * g.coming[x] / max).toFixed(1)}%` }, number(g.coming[x])) : null)),
        el('span', { class: 'bar-total' }, `${number(sum)} / ${number(g.counts.invited)}`));
    }));
}

function sexTable(s) {
  const columns = [['invited', 'Dashboard.Count.Invited'], ['accepted', 'Dashboard.Status.accepted'], ['declined', 'Dashboard.Status.declined'],
    ['noAnswer', 'Dashboard.Count.NoAnswer'], ['attended', 'Dashboard.Status.attended']];
  const line = (label, counts, attrs) => el('tr', attrs, el('th', { scope: 'row' }, label), columns.map(([k]) => el('td', { 'data-count': k }, number(counts[k]))));
  return el('details', { class: 'breakdown' },
    el('summary', {}, t('Dashboard.BySex'), ' · ', t('Dashboard.ByGroup')),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('td', {}), columns.map(([, label]) => el('th', { scope: 'col' }, t(label))))),
      el('tbody', {},
        s.bySex.map(x => line(t('Dashboard.Sex.' + sexKey[x.sex]), x.counts, { 'data-sex': x.sex })),
        s.byGroup.map(g => line(groupLabel(g.group), g.counts, { 'data-group': g.group }))))));
}

function needsList(s) {
  return el('div', { class: 'needs' },
    el('span', {}, t('Dashboard.Needs'), colon),
    needs.map(n => el('button', { type: 'button', class: 'link', 'data-need': n, disabled: s.needs[n] === 0,
      onclick: () => { state.filters = { need: n }; showPeople(s.id); } }, `${t('Dashboard.Need.' + n)} ${number(s.needs[n])}`)));
}

// ---- sessions: create, edit, duplicate, cancel ----------------------------------------------------------------
const local = iso => iso ? iso.slice(0, 16) : '';

async function sessionForm(s = null, duplicate = false) {
  const full = s ? await api('session', { values: { id: s.id } }) : null;
  const policy = s ? await api('reminders', { values: { id: s.id } }) : null;
  const titles = full?.titles ?? {};
  const check = (name, checked, label) => { const id = nextId('c'); return el('div', { class: 'check' }, el('input', { type: 'checkbox', id, name, checked }), el('label', { for: id }, label)); };
  const number_ = (name, value, min, max, label) => field(label, el('input', { type: 'number', name, min, max, value: value ?? '' }));
  const time = (name, value, label) => field(label, el('input', { type: 'time', name, value: value ?? '', required: true }));
  const title = duplicate ? t('Dashboard.Session.Duplicate') : s ? t('Dashboard.Session.Edit') : t('Dashboard.Session.Add');
  const fields = [
    field(t('Field.title'), el('input', { name: 'title', required: true, maxlength: 200, value: full ? (duplicate ? t('Dashboard.Session.CopyOf', full.title) : full.title) : '' })),
    el('fieldset', {}, el('legend', {}, t('Dashboard.Session.Titles')),
      languages.map(l => field(languageValue(l), el('input', { name: 'title-' + l, maxlength: 200, lang: l, dir: l === 'ar' ? 'rtl' : 'ltr', value: titles[l] ?? '' })))),
    field(t('Field.start'), el('input', { type: 'datetime-local', name: 'start', required: true, value: local(full?.start) })),
    field(t('Field.end'), el('input', { type: 'datetime-local', name: 'end', required: true, value: local(full?.end) })),
    field(t('Field.timeZone'), el('input', { name: 'timeZone', maxlength: 64, dir: 'ltr', translate: 'no', value: full?.timeZone ?? state.campaign?.timeZone ?? 'Africa/Casablanca' }), t('Dashboard.Session.ZoneHint')),
    field(t('Field.venue'), el('input', { name: 'venue', maxlength: 300, value: full?.venue ?? '' }), t('Dashboard.Session.VenueHint')),
    number_('capacity', full?.capacity, 1, 100000, t('Field.capacity')),
    check('unlimited', full ? full.capacity == null : false, t('Dashboard.Session.Unlimited')),
    el('fieldset', {}, el('legend', {}, t('Field.languages')), languages.map(l => check('lang-' + l, full ? full.languages.includes(l) : l === (state.campaign?.defaultLanguage ?? 'fr'), languageValue(l)))),
    field(t('Field.agenda'), el('textarea', { name: 'agenda', rows: 3, maxlength: 4000 }, full?.agenda ?? '')),
    field(t('Field.answerDeadline'), el('input', { type: 'datetime-local', name: 'answerDeadline', value: local(full?.answerDeadline) })),
    field(t('Field.subGroups'), el('textarea', { name: 'subGroups', rows: 2 }, (full?.subGroups ?? []).join('\n')), t('Dashboard.Session.SubGroupsHint')),
    check('selfCheckIn', full?.selfCheckIn ?? false, t('Dashboard.SelfCheckIn')),
    el('fieldset', {}, el('legend', {}, t('Dashboard.Reminders.Title')),
      number_('firstReminderDays', policy?.firstReminderDays ?? 7, 1, 60, t('Field.firstReminderDays')),
      number_('secondReminderDays', policy?.secondReminderDays ?? 3, 1, 60, t('Field.secondReminderDays')),
      check('dayBefore', policy?.dayBefore ?? true, t('Field.dayBefore')),
      check('sameDay', policy?.sameDay ?? true, t('Field.sameDay')),
      time('sendAt', policy?.sendAt ?? '10:00', t('Field.sendAt')),
      time('sameDayAt', policy?.sameDayAt ?? '08:00', t('Field.sameDayAt')),
      time('quietFrom', policy?.quietFrom ?? '20:00', t('Field.quietFrom')),
      time('quietUntil', policy?.quietUntil ?? '08:00', t('Field.quietUntil'))),
  ];
  const form = await dialog(title, fields, t('Dashboard.Action.Save'));
  if (!form) return;
  const f = new FormData(form);
  const body = {
    title: f.get('title'), start: f.get('start'), end: f.get('end'), timeZone: f.get('timeZone') || null, venue: f.get('venue') ?? '',
    capacity: f.has('unlimited') || !f.get('capacity') ? null : Number(f.get('capacity')), unlimitedCapacity: f.has('unlimited') || !f.get('capacity'),
    languages: languages.filter(l => f.has('lang-' + l)), agenda: f.get('agenda') ?? '',
    answerDeadline: f.get('answerDeadline') || null, subGroups: String(f.get('subGroups') ?? '').split(/[\n,;]/).map(x => x.trim()).filter(Boolean),
    selfCheckIn: f.has('selfCheckIn'), titles: Object.fromEntries(languages.map(l => [l, f.get('title-' + l) || null])),
  };
  const reminderBody = {
    firstReminderDays: f.get('firstReminderDays') ? Number(f.get('firstReminderDays')) : null, secondReminderDays: f.get('secondReminderDays') ? Number(f.get('secondReminderDays')) : null,
    dayBefore: f.has('dayBefore'), sameDay: f.has('sameDay'), sendAt: f.get('sendAt'), sameDayAt: f.get('sameDayAt'), quietFrom: f.get('quietFrom'), quietUntil: f.get('quietUntil'),
  };
  await act(async () => {
    const saved = s && !duplicate
      ? await api('session', { values: { id: s.id }, method: 'PATCH', body })
      : await api('sessions', { values: { id: state.campaignId }, method: 'POST', body });
    await api('reminders', { values: { id: saved.id }, method: 'PUT', body: reminderBody });
    state.sessionId = saved.id;
    return saved;
  }, saved => t('Dashboard.Session.Saved', saved.title));
}

async function cancelSession(s) {
  const invited = await api('invitations', { values: { id: s.id } });
  const told = invited.filter(i => informedStates.includes(i.status));
  const byTeams = told.filter(i => i.preferredChannel !== 'email').length;
  const list = told.length === 0 ? el('p', {}, t('Dashboard.Session.CancelNobody'))
    : el('div', {}, el('p', {}, t('Dashboard.Session.CancelTold', number(told.length), number(byTeams), number(told.length - byTeams))),
      el('ul', { class: 'names' }, told.slice(0, 30).map(i => el('li', {}, data(i.name), ' – ', t('Dashboard.Status.' + i.status)))),
      told.length > 30 ? el('p', {}, t('Dashboard.AndMore', number(told.length - 30))) : null);
  if (!await dialog(t('Dashboard.Session.CancelTitle', s.title), [list], t('Dashboard.Session.Cancel'), true)) return;
  await act(() => api('cancelSession', { values: { id: s.id }, method: 'POST' }), t('Dashboard.Session.Cancelled'));
}

// ---- actions on a session --------------------------------------------------------------------------------------
async function remind(s) {
  if (!await confirmDialog(t('Dashboard.Action.ConfirmRemind', number(s.counts.noAnswer)))) return;
  await act(() => api('remindNow', { values: { id: s.id }, method: 'POST' }), r => t('Dashboard.Reminded', number(r.planned)));
}

async function download(name, values, query, fallbackName) {
  try {
    const response = await api(name, { values, query, raw: true });
    const found = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') || '')?.[1]
      ?? /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '')?.[1];
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: found ? decodeURIComponent(found) : fallbackName });
    document.body.append(link); link.click(); link.remove();
  } catch (e) { notice(e.message, 'error'); }
}

async function sheet(s) {
  try {
    const response = await api('attendance', { values: { id: s.id }, raw: true });
    window.open(URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' })), '_blank');
  } catch (e) { notice(e.message, 'error'); }
}

// ---- the session's survey ------------------------------------------------------------------------------------------
function surveyBlock(s) {
  const v = s.survey;
  const stateText = v.state === 'scheduled' ? t('Dashboard.Survey.State.scheduled', dateTime(v.opensAt))
    : v.state === 'open' ? t('Dashboard.Survey.State.open', dateTime(v.closesAt)) : t('Dashboard.Survey.State.' + v.state);
  const results = el('div', { class: 'survey-results' });
  const block = el('details', { class: 'survey', 'data-survey': v.state, open: state.surveysOpen.has(s.id),
    ontoggle: e => { if (e.target.open) { state.surveysOpen.add(s.id); surveyResults(s, results); } else state.surveysOpen.delete(s.id); } },
    el('summary', {}, t('Dashboard.Survey'), colon, stateText,
      v.sentTo ? el('span', { 'data-fact': 'surveyResponses' }, ' · ', t('Dashboard.Survey.Responses', number(v.responses), number(v.sentTo), percent(v.responseRate))) : null),
    results,
    el('div', { class: 'actions' },
      v.state === 'scheduled' && s.state !== 'cancelled'
        ? button(t('Dashboard.Survey.Open'), () => act(() => api('openSurvey', { values: { id: s.id }, method: 'POST' }))) : null,
      v.state === 'scheduled' || v.state === 'disabled'
        ? button(t('Dashboard.Survey.Edit'), () => editSurvey(s), { 'data-action': 'edit-survey' }) : null,
      v.sentTo ? button(t('Dashboard.Action.Xlsx'), () => download('surveyExport', { id: s.id }, { format: 'xlsx' }, 'survey.xlsx')) : null));
  if (state.surveysOpen.has(s.id)) surveyResults(s, results);
  return block;
}

/** The survey's settings and the texts of its questions in fr, ar and en; a question can be left out. Kinds and options stay as they are. */
async function editSurvey(s) {
  const survey = await api('survey', { values: { id: s.id } });
  const check = (name, checked, label) => { const id = nextId('c'); return el('div', { class: 'check' }, el('input', { type: 'checkbox', id, name, checked }), el('label', { for: id }, label)); };
  const form = await dialog(`${t('Dashboard.Survey')} · ${s.title}`, [
    check('enabled', survey.enabled, t('Dashboard.Survey.Enabled')),
    check('anonymous', survey.anonymous, t('Dashboard.Survey.AnonymousOption')),
    field(t('Dashboard.Survey.Delay'), el('input', { type: 'number', name: 'openDelayMinutes', min: 0, max: 10080, value: survey.openDelayMinutes, required: true })),
    field(t('Dashboard.Survey.Days'), el('input', { type: 'number', name: 'openDays', min: 1, max: 60, value: survey.openDays, required: true })),
    ...survey.questions.map((q, i) => el('fieldset', { class: 'question', 'data-question': q.id },
      el('legend', {}, `${i + 1}. ${t('Value.QuestionKind.' + q.kind)}`),
      check(`keep-${i}`, true, t('Dashboard.Survey.Keep')),
      check(`required-${i}`, q.required, t('Dashboard.Survey.Required')),
      languages.map(l => field(languageValue(l), el('input', { name: `text-${i}-${l}`, value: q.text[l], dir: l === 'ar' ? 'rtl' : 'ltr', lang: l, required: true }))))),
  ], t('Dashboard.Action.Save'));
  if (!form) return;
  const f = new FormData(form);
  const questions = survey.questions.map((q, i) => ({ ...q, required: f.has(`required-${i}`),
    text: { fr: f.get(`text-${i}-fr`), ar: f.get(`text-${i}-ar`), en: f.get(`text-${i}-en`) } }))
    .filter((_, i) => f.has(`keep-${i}`));
  await act(() => api('survey', { values: { id: s.id }, method: 'PUT', body: {
    enabled: f.has('enabled'), anonymous: f.has('anonymous'),
    openDelayMinutes: Number(f.get('openDelayMinutes')), openDays: Number(f.get('openDays')), questions } }));
}

async function surveyResults(s, box) {
  const r = await api('surveyResults', { values: { id: s.id } });
  const question = q => el('li', { 'data-question': q.id }, el('strong', {}, q.text), ' ',
    q.average != null ? el('span', { 'data-fact': 'average' }, t('Dashboard.Survey.Average', new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(q.average))) : null,
    q.points ? el('ol', {}, q.points.slice(0, 3).map(p => el('li', {}, `${p.label} – ${t('Dashboard.Survey.Points', number(p.count))}`))) : null,
    q.kind !== 'rating' && !q.points && q.distribution.length ? el('ul', {}, q.distribution.map(d => el('li', {}, `${d.label}${colon}${number(d.count)}`))) : null,
    q.comments?.length ? el('ul', { class: 'comments' }, q.comments.map(c => el('li', {}, data(c)))) : null);
  const ratings = r.questions.filter(q => q.kind === 'rating');
  const breakdown = (title, list) => list.length === 0 || ratings.length === 0 ? null : el('table', {},
    el('caption', {}, title),
    el('thead', {}, el('tr', {}, el('td', {}), el('th', { scope: 'col' }, t('Dashboard.Survey.Answers')), ratings.map(q => el('th', { scope: 'col' }, q.text)))),
    el('tbody', {}, list.map(g => el('tr', {}, el('th', { scope: 'row' }, g.label), el('td', {}, number(g.responses)),
      g.questions.filter(q => q.kind === 'rating').map(q => el('td', {}, q.average ?? '–'))))));
  box.replaceChildren(el('ul', { class: 'questions' }, r.questions.map(question)),
    breakdown(t('Dashboard.ByGroup'), r.byGroup), breakdown(t('Dashboard.BySex'), r.bySex));
}

// ---- the participant table of a session -------------------------------------------------------------------------------
function showPeople(sessionId) {
  show('board', false);
  state.sessionId = sessionId;
  document.querySelectorAll('article.session').forEach(a => a.classList.toggle('selected', a.dataset.session === sessionId));
  const section = document.getElementById('people');
  section.hidden = false;
  renderFilters();
  loadRoster().then(() => section.scrollIntoView({ behavior: 'smooth', block: 'start' }));
}

function filter(name, label, options) {
  return field(label, el('select', { name, onchange: e => { state.filters[name] = e.target.value || undefined; loadRoster(); } },
    el('option', { value: '' }, t('Dashboard.Filter.Any')),
    options.map(([value, text]) => el('option', { value, selected: state.filters[name] === value }, text))));
}

function renderFilters() {
  const form = document.getElementById('filters');
  let timer;
  form.replaceChildren(
    field(t('Dashboard.Search'), el('input', { type: 'search', name: 'search', value: state.filters.search ?? '',
      oninput: e => { clearTimeout(timer); timer = setTimeout(() => { state.filters.search = e.target.value || undefined; loadRoster(); }, 250); } })),
    filter('status', t('Dashboard.Column.Status'), statuses.map(s => [s, t('Dashboard.Status.' + s)])),
    filter('group', t('Dashboard.Column.Group'), groups.map(g => [g, groupLabel(g)])),
    filter('sex', t('Dashboard.Column.Sex'), sexes.map(x => [x, sexValue(x)])),
    filter('language', t('Dashboard.Column.Language'), languages.map(l => [l, languageValue(l)])),
    filter('channel', t('Dashboard.Column.Channel'), channels.map(c => [c, channelValue(c)])),
    filter('need', t('Dashboard.Filter.Need'), needs.map(n => [n, t('Dashboard.Need.' + n)])),
    button(t('Dashboard.Action.WalkIn'), () => walkIn()));
  form.onsubmit = e => e.preventDefault();
}

async function loadRoster(append = false) {
  if (!state.sessionId) return;
  const offset = append ? state.rows.length : 0;
  const page = await api('roster', { values: { id: state.sessionId }, query: { ...state.filters, offset, limit: 200 } });
  state.rows = append ? state.rows.concat(page.rows) : page.rows;
  state.total = page.total;
  renderRoster();
}

function session() { return state.board?.sessions.find(s => s.id === state.sessionId); }

function renderRoster() {
  const s = session();
  if (!s) return;
  document.getElementById('people-title').replaceChildren(`${t('Dashboard.Participants')} · `, data(s.title), ` (${number(state.total)})`);
  const table = document.getElementById('roster');
  table.tHead.replaceChildren(el('tr', {}, ['Name', 'Group', 'Sex', 'Language', 'Status', 'SubGroup', 'LastMessage', 'Actions']
    .map(c => el('th', { scope: 'col' }, t('Dashboard.Column.' + c)))));
  table.tBodies[0].replaceChildren(...(state.rows.length ? state.rows.map(r => row(s, r)) : [el('tr', {}, el('td', { colspan: 8 }, t('Dashboard.Nobody')))]));
  document.getElementById('roster-more').replaceChildren(state.rows.length < state.total ? button(t('Dashboard.Action.More'), () => loadRoster(true)) : '');
}

function lastMessage(m) {
  if (!m) return '';
  return el('span', { class: 'delivery ' + m.status },
    `${t('Dashboard.Kind.' + m.kind)} · ${channelValue(m.channel)} · ${t('Dashboard.Delivery.' + m.status)}`,
    m.mayHaveArrivedTwice ? el('small', {}, t('Dashboard.PossibleDuplicate')) : m.reason && m.status !== 'sent' ? el('small', { lang: 'en' }, m.reason) : null);
}

function row(s, r) {
  const values = { id: s.id, participantId: r.participantId };
  const open = s.state !== 'cancelled';
  const buttons = [];
  if (!['attended', 'withdrawn', 'cancelled'].includes(r.status))
    buttons.push(button(t('Dashboard.Action.CheckIn'), () => act(() => api('checkIn', { values, method: 'POST' })), { appearance: 'primary', 'data-action': 'check-in' }));
  if (r.status === 'waitlisted' && open)
    buttons.push(button(t('Dashboard.Action.Offer'), () => act(() => api('offer', { values, method: 'POST' })), { 'data-action': 'offer' }));
  if (['notSent', 'invited', 'accepted', 'tentative', 'declined', 'waitlisted', 'offered'].includes(r.status) && open) {
    buttons.push(button(t('Dashboard.Action.Resend'), () => act(() => api('resend', { values, method: 'POST' }), t('Dashboard.Resent')), { 'data-action': 'resend' }));
    buttons.push(button(t('Dashboard.Action.Record'), () => record(s, r), { 'data-action': 'record' }));
    buttons.push(button(t('Dashboard.Action.Substitute'), () => substitute(s, r), { 'data-action': 'substitute' }));
    buttons.push(button(t('Dashboard.Action.Withdraw'), async () => {
      if (await confirmDialog(t('Dashboard.Action.ConfirmWithdraw', r.name))) await act(() => api('withdraw', { values, method: 'POST' }));
    }, { 'data-action': 'withdraw' }));
  }
  buttons.push(button(t('Dashboard.Action.Details'), () => personDetails(s, r), { 'data-action': 'details' }));
  const subGroup = s.subGroups.length === 0 ? data(r.subGroup ?? '') : el('select', { 'aria-label': `${t('Dashboard.Column.SubGroup')}${colon}${r.name}`,
    onchange: e => act(() => api('subGroup', { values, method: 'PUT', body: { subGroup: e.target.value || null } })) },
    el('option', { value: '' }, '–'), s.subGroups.map(g => el('option', { value: g, selected: g === r.subGroup }, g)));
  return el('tr', { 'data-participant': r.participantId, 'data-status': r.status },
    el('th', { scope: 'row' }, data(r.name, 'span', { class: 'name' }), r.organisation ? data(r.organisation, 'small') : null),
    el('td', { 'data-label': t('Dashboard.Column.Group') }, groupLabel(r.group)),
    el('td', { 'data-label': t('Dashboard.Column.Sex') }, sexValue(r.sex)),
    el('td', { 'data-label': t('Dashboard.Column.Language') }, languageValue(r.language)),
    el('td', { 'data-label': t('Dashboard.Column.Status') }, el('span', { class: 'badge status ' + r.status }, t('Dashboard.Status.' + r.status))),
    el('td', { 'data-label': t('Dashboard.Column.SubGroup') }, subGroup),
    el('td', { 'data-label': t('Dashboard.Column.LastMessage') }, lastMessage(r.lastMessage)),
    el('td', { class: 'row-actions' }, buttons));
}

/** One person's invitation: its history, every message and its outcome, and resend. */
async function personDetails(s, r) {
  const values = { id: s.id, participantId: r.participantId };
  const [detail, messages] = await Promise.all([api('invitation', { values }), api('personMessages', { values })]);
  const history = el('table', {}, el('caption', {}, t('Dashboard.History')),
    el('thead', {}, el('tr', {}, ['When', 'Status', 'Channel'].map(c => el('th', { scope: 'col' }, t('Dashboard.Column.' + c))))),
    el('tbody', {}, detail.history.map(h => el('tr', {}, el('td', {}, dateTime(h.at)),
      el('td', {}, `${t('Dashboard.Status.' + h.from)} → ${t('Dashboard.Status.' + h.to)}`), el('td', {}, t('Value.AnswerChannel.' + h.channel))))));
  const outbox = messageTable(messages);
  const open = s.state !== 'cancelled';
  const resend = open ? button(t('Dashboard.Action.Resend'), () => act(() => api('resend', { values, method: 'POST' }), t('Dashboard.Resent'), async () => {
    outbox.replaceWith(messageTable(await api('personMessages', { values }))); await refresh();
  }), { 'data-action': 'resend' }) : null;
  await dialog(`${r.name} · ${s.title}`, [el('div', { class: 'table-wrap' }, history), el('div', { class: 'table-wrap' }, outbox), resend], null);
}

function messageTable(messages) {
  return el('table', { class: 'messages' }, el('caption', {}, t('Dashboard.Messages')),
    el('thead', {}, el('tr', {}, ['Kind', 'Channel', 'When', 'Outcome'].map(c => el('th', { scope: 'col' }, t('Dashboard.Column.' + c))))),
    el('tbody', {}, messages.length === 0 ? el('tr', {}, el('td', { colspan: 4 }, t('Dashboard.Messages.None'))) : messages.map(m => el('tr', { 'data-message': m.id, 'data-status': m.status },
      el('td', {}, t('Dashboard.Kind.' + m.kind)), el('td', {}, channelValue(m.channel)), el('td', {}, dateTime(m.sentAt ?? m.dueAt)),
      el('td', {}, t('Dashboard.Delivery.' + m.status), m.mayHaveArrivedTwice ? el('small', {}, t('Dashboard.PossibleDuplicate')) : null,
        m.reason && m.status !== 'sent' ? el('small', { lang: 'en' }, m.reason) : null)))));
}

// ---- dialogs -----------------------------------------------------------------------------------------------------------------
function dialog(title, fields, submitLabel, danger = false) {
  const box = document.getElementById('dialog');
  const form = document.getElementById('dialog-form');
  const titleId = nextId('dlg');
  box.setAttribute('aria-labelledby', titleId);
  form.replaceChildren(el('h2', { id: titleId }, title), ...fields,
    el('div', { class: 'actions' },
      submitLabel ? el('button', { value: 'ok', class: danger ? 'danger' : 'primary' }, submitLabel) : null,
      el('button', { value: 'cancel', formnovalidate: true }, submitLabel ? t('Dashboard.Action.Cancel') : t('Dashboard.Action.Close'))));
  box.returnValue = '';
  box.showModal();
  return new Promise(resolve => box.addEventListener('close', () => resolve(box.returnValue === 'ok' ? form : null), { once: true }));
}

async function confirmDialog(text) { return (await dialog(text, [], t('Dashboard.Action.Confirm'))) !== null; }

async function record(s, r) {
  const form = await dialog(`${t('Dashboard.Action.Record')} · ${r.name}`, [
    field(t('Dashboard.Column.Status'), el('select', { name: 'status', required: true },
      ['accepted', 'tentative', 'declined', 'attended', 'noShow'].map(x => el('option', { value: x }, t('Dashboard.Status.' + x))))),
  ], t('Dashboard.Action.Save'));
  if (form) await act(() => api('answer', { values: { id: s.id, participantId: r.participantId }, method: 'POST', body: { status: new FormData(form).get('status'), channel: 'phone' } }));
}

async function substitute(s, r) {
  const [people, invited] = await Promise.all([api('participants', { values: { cid: state.campaignId } }), api('invitations', { values: { id: s.id } })]);
  const taken = new Set(invited.map(i => i.participantId));
  const form = await dialog(`${t('Dashboard.Action.Substitute')} · ${r.name}`, [
    field(t('Dashboard.Action.Delegate'), el('select', { name: 'delegate', required: true },
      people.filter(p => !taken.has(p.id)).map(p => el('option', { value: p.id }, `${p.fullName}${p.organisation ? ' – ' + p.organisation : ''}`)))),
  ], t('Dashboard.Action.Save'));
  if (form) await act(() => api('substitute', { values: { id: s.id, participantId: r.participantId }, method: 'POST', body: { delegateParticipantId: new FormData(form).get('delegate') } }));
}

async function walkIn() {
  const s = session();
  const form = await dialog(t('Dashboard.Action.WalkIn'), [
    field(t('Dashboard.Column.Name'), el('input', { name: 'fullName', required: true, autocomplete: 'off' })),
    field(t('Dashboard.Column.Organisation'), el('input', { name: 'organisation', autocomplete: 'off' })),
    field(t('Dashboard.Column.Group'), el('select', { name: 'group' }, groups.map(g => el('option', { value: g }, groupLabel(g))))),
    field(t('Dashboard.Column.Sex'), el('select', { name: 'sex' }, sexes.map(x => el('option', { value: x }, sexValue(x))))),
    field(t('Dashboard.Column.Email'), el('input', { name: 'email', type: 'email', required: true, autocomplete: 'off', dir: 'ltr' })),
  ], t('Dashboard.Action.Save'));
  if (!form) return;
  const f = new FormData(form);
  await act(() => api('walkIns', { values: { id: s.id }, method: 'POST',
    body: { fullName: f.get('fullName'), organisation: f.get('organisation') || null, group: f.get('group'), sex: f.get('sex'),
      email: f.get('email'), language: lang, channel: 'email' } }));
}

// ---- the consultation: settings, organisers, audit log, data requests ----------------------------------------------------------
async function renderCampaign() {
  const c = await api('campaign', { values: { id: state.campaignId } });
  state.campaign = c;
  const form = el('form', { class: 'card form', id: 'campaign-form', 'aria-labelledby': 'campaign-settings' },
    el('h3', { id: 'campaign-settings' }, t('Dashboard.Campaign.Settings')),
    campaignFields(c),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, t('Dashboard.Action.Save'))));
  form.onsubmit = async e => {
    e.preventDefault();
    await act(() => api('campaign', { values: { id: state.campaignId }, method: 'PATCH', body: campaignBody(form) }), t('Dashboard.Campaign.Saved'), async () => { await loadCampaigns(); await refresh(); });
  };
  const other = el('form', { class: 'card form', id: 'new-campaign-form', 'aria-labelledby': 'campaign-new' },
    el('h3', { id: 'campaign-new' }, t('Dashboard.Campaign.New')), campaignFields({}),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, t('Dashboard.Campaign.Create'))));
  other.onsubmit = async e => {
    e.preventDefault();
    const created = await act(() => api('campaigns', { method: 'POST', body: campaignBody(other) }), t('Dashboard.Campaign.Created'), null);
    if (created) { state.campaignId = created.id; await loadCampaigns(); await refresh(); show('board'); }
  };
  document.getElementById('view-campaign').replaceChildren(
    el('h2', { id: 'campaign-title' }, t('Dashboard.Nav.Campaign')),
    el('div', { class: 'columns' }, form, await organisersCard(c)),
    await dataRequestsCard(),
    await auditCard(),
    el('details', { class: 'card' }, el('summary', {}, t('Dashboard.Campaign.New')), other));
}

async function organisersCard(c) {
  const list = (await api('organisers', { values: { id: c.id } })).organisers;
  const names = state.organiserNames ??= {};
  const save = next => act(() => api('organisers', { values: { id: c.id }, method: 'PUT', body: { organisers: next } }), t('Dashboard.Organisers.Saved'), renderCampaign);
  const input = el('input', { name: 'q', required: true, maxlength: 254, dir: 'ltr', autocomplete: 'off' });
  const form = el('form', { class: 'inline' }, field(t('Dashboard.Organisers.Add'), input, t('Dashboard.Organisers.Hint')),
    el('button', { type: 'submit' }, t('Dashboard.Organisers.AddButton')));
  form.onsubmit = async e => {
    e.preventDefault();
    try {
      const found = await api('organiserLookup', { values: { id: c.id }, query: { q: input.value } });
      names[found.objectId] = found.displayName ?? found.mail ?? null;
      if (!found.directory) notice(t('Dashboard.Organisers.NoDirectory'), 'warning');
      await save([...list, found.objectId]);
    } catch (err) { notice(err.message, 'error'); }
  };
  return el('section', { class: 'card', 'aria-labelledby': 'organisers-title' },
    el('h3', { id: 'organisers-title' }, t('Dashboard.Organisers')),
    el('ul', { class: 'organisers' }, list.map(o => el('li', {},
      data(names[o] ? `${names[o]} (${o})` : o),
      list.length > 1 ? button(t('Dashboard.Organisers.Remove'), () => save(list.filter(x => x !== o)), { 'aria-label': `${t('Dashboard.Organisers.Remove')} ${names[o] ?? o}` }) : null))),
    form);
}

async function dataRequestsCard() {
  const requests = await api('dataRequests', { values: { cid: state.campaignId } });
  const people = await guestList();
  const name = id => people.find(p => p.id === id)?.fullName ?? t('Dashboard.ErasedPerson');
  return el('section', { class: 'card', 'aria-labelledby': 'requests-title' },
    el('h3', { id: 'requests-title' }, t('Dashboard.Requests')),
    requests.length === 0 ? el('p', {}, t('Dashboard.Requests.None')) : el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['Name', 'Kind', 'When', 'Actions'].map(k => el('th', { scope: 'col' }, t('Dashboard.Column.' + k))))),
      el('tbody', {}, requests.map(r => el('tr', {},
        el('th', { scope: 'row' }, r.participantId ? data(name(r.participantId)) : t('Dashboard.ErasedPerson')),
        el('td', {}, t('Dashboard.Requests.' + r.kind)), el('td', {}, dateTime(r.requestedAt)),
        el('td', { class: 'row-actions' },
          r.participantId ? button(t('Dashboard.Guests.Export'), () => download('participantExport', { cid: state.campaignId, pid: r.participantId }, { format: 'html' }, 'export.html')) : null,
          r.completedAt ? t('Dashboard.Requests.Done', dateTime(r.completedAt))
            : button(t('Dashboard.Requests.Complete'), () => act(() => api('completeDataRequest', { values: { cid: state.campaignId, rid: r.id }, method: 'POST' }), t('Dashboard.Done'), renderCampaign)))))))));
}

async function auditCard() {
  const entries = await api('audit', { values: { id: state.campaignId }, query: { take: 100 } });
  const people = await guestList();
  const sessions = state.board?.sessions ?? [];
  const who = a => state.organiserNames?.[a] ?? a;
  return el('section', { class: 'card', 'aria-labelledby': 'audit-title' },
    el('h3', { id: 'audit-title' }, t('Dashboard.Audit')),
    el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'audit-title' }, el('table', { class: 'audit' },
      el('thead', {}, el('tr', {}, ['When', 'Who', 'What', 'About'].map(k => el('th', { scope: 'col' }, t('Dashboard.Column.' + k))))),
      el('tbody', {}, entries.map(a => el('tr', { 'data-action': a.action },
        el('td', {}, dateTime(a.at)), el('td', {}, data(who(a.actor))),
        el('td', {}, t('Value.Audit.' + a.action), el('small', { lang: 'en', dir: 'ltr', translate: 'no' }, a.details)),
        el('td', {}, [a.sessionId ? data(sessions.find(s => s.id === a.sessionId)?.title ?? '') : null,
          a.participantId ? data(people.find(p => p.id === a.participantId)?.fullName ?? t('Dashboard.ErasedPerson'), 'small') : null]))))))) ;
}

// ---- the guest list: people, import, template ------------------------------------------------------------------------------------
async function guestList(force = false) {
  if (!state.people || force) state.people = await api('participants', { values: { cid: state.campaignId } });
  return state.people;
}

async function renderGuests() {
  const people = await guestList(true);
  const search = state.guestSearch ?? '';
  const shown = people.filter(p => !search || `${p.fullName} ${p.email ?? ''} ${p.organisation ?? ''}`.toLowerCase().includes(search.toLowerCase()));
  const byEmail = {};
  for (const p of people) if (p.email) byEmail[p.email] = (byEmail[p.email] ?? 0) + 1;
  const box = document.getElementById('view-guests');
  const searchInput = el('input', { type: 'search', value: search, oninput: e => { state.guestSearch = e.target.value; clearTimeout(state.guestTimer); state.guestTimer = setTimeout(renderGuests, 300); } });
  box.replaceChildren(
    el('div', { class: 'view-head' }, el('h2', { id: 'guests-title' }, t('Dashboard.Guests'), ` (${number(people.length)})`),
      button(t('Dashboard.Guests.Add'), () => personForm(), { appearance: 'primary', 'data-action': 'add-person' })),
    importPanel(),
    el('section', { class: 'card', 'aria-labelledby': 'guest-list-title' },
      el('h3', { id: 'guest-list-title' }, t('Dashboard.Guests.List')),
      el('div', { class: 'filters' }, field(t('Dashboard.Search'), searchInput)),
      el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'guest-list-title' }, el('table', { id: 'guests' },
        el('thead', {}, el('tr', {}, ['Name', 'Email', 'Group', 'Sex', 'Language', 'Channel', 'Actions'].map(k => el('th', { scope: 'col' }, t('Dashboard.Column.' + k))))),
        el('tbody', {}, shown.length === 0 ? el('tr', {}, el('td', { colspan: 7 }, t('Dashboard.Nobody'))) : shown.map(p => el('tr', { 'data-person': p.id },
          el('th', { scope: 'row' }, data(p.fullName), p.organisation ? data(p.organisation, 'small') : null),
          el('td', {}, data(p.email ?? '', 'span', { dir: 'ltr' }), p.email && byEmail[p.email] > 1 ? el('small', { class: 'warning' }, t('Dashboard.Guests.SharedEmail', number(byEmail[p.email] - 1))) : null),
          el('td', {}, groupLabel(p.group)), el('td', {}, sexValue(p.sex)), el('td', {}, languageValue(p.language)), el('td', {}, channelValue(p.channel)),
          el('td', { class: 'row-actions' },
            button(t('Dashboard.Guests.Edit'), () => personForm(p), { 'data-action': 'edit-person' }),
            button(t('Dashboard.Guests.Export'), () => download('participantExport', { cid: state.campaignId, pid: p.id }, { format: 'html' }, 'export.html')),
            button(t('Dashboard.Guests.Erase'), () => erase(p), { 'data-action': 'erase-person' })))))))));
}

async function personForm(p = null) {
  const text = (name, label, attrs = {}) => field(label, el('input', { name, value: p?.[name] ?? '', autocomplete: 'off', ...attrs }));
  const select = (name, label, options, current) => field(label, el('select', { name }, options.map(([v, l]) => el('option', { value: v, selected: v === current }, l))));
  const id = nextId('c');
  const form = await dialog(p ? `${t('Dashboard.Guests.Edit')} · ${p.fullName}` : t('Dashboard.Guests.Add'), [
    text('fullName', t('Field.fullName'), { required: true, maxlength: 200 }),
    text('fullNameAlt', t('Field.fullNameAlt'), { maxlength: 200 }),
    text('email', t('Field.email'), { type: 'email', maxlength: 254, dir: 'ltr' }),
    text('phone', t('Field.phone'), { type: 'tel', maxlength: 40, dir: 'ltr' }),
    text('organisation', t('Field.organisation'), { maxlength: 200 }),
    select('group', t('Field.group'), groups.map(g => [g, groupLabel(g)]), p?.group ?? groups[0]),
    select('sex', t('Field.sex'), sexes.map(x => [x, sexValue(x)]), p?.sex ?? 'notStated'),
    select('language', t('Field.language'), languages.map(l => [l, languageValue(l)]), p?.language ?? state.campaign?.defaultLanguage ?? lang),
    select('channel', t('Field.channel'), channels.map(c => [c, channelValue(c)]), p?.channel ?? 'email'),
    text('teamsObjectId', t('Field.teamsObjectId'), { maxlength: 100, dir: 'ltr' }),
    text('teamsUpn', t('Field.teamsUpn'), { maxlength: 254, dir: 'ltr' }),
    el('div', { class: 'check' }, el('input', { type: 'checkbox', id, name: 'transport', checked: p?.needs?.transport }), el('label', { for: id }, t('Field.needs.transport'))),
    field(t('Field.needs.diet'), el('input', { name: 'diet', maxlength: 500, value: p?.needs?.diet ?? '' })),
    field(t('Field.needs.accessibility'), el('input', { name: 'accessibility', maxlength: 500, value: p?.needs?.accessibility ?? '' })),
    field(t('Field.needs.interpretation'), el('input', { name: 'interpretation', maxlength: 500, value: p?.needs?.interpretation ?? '' })),
  ], t('Dashboard.Action.Save'));
  if (!form) return;
  const f = new FormData(form);
  const body = {
    fullName: f.get('fullName'), fullNameAlt: f.get('fullNameAlt'), email: f.get('email'), phone: f.get('phone'), organisation: f.get('organisation'),
    group: f.get('group'), sex: f.get('sex'), language: f.get('language'), channel: f.get('channel'), teamsObjectId: f.get('teamsObjectId'), teamsUpn: f.get('teamsUpn'),
    needs: { transport: f.has('transport'), diet: f.get('diet'), accessibility: f.get('accessibility'), interpretation: f.get('interpretation') },
  };
  const result = await act(() => p
    ? api('participant', { values: { cid: state.campaignId, pid: p.id }, method: 'PATCH', body })
    : api('participants', { values: { cid: state.campaignId }, method: 'POST', body }), t('Dashboard.Guests.Saved'), renderGuests);
  const warnings = result?.warningDetails ?? [];
  if (warnings.length) notice(warnings.map(errorText).join(' '), 'warning');
}

async function erase(p) {
  if (!await dialog(t('Dashboard.Guests.EraseTitle', p.fullName), [el('p', {}, t('Dashboard.Guests.EraseText'))], t('Dashboard.Guests.Erase'), true)) return;
  await act(() => api('participant', { values: { cid: state.campaignId, pid: p.id }, method: 'DELETE' }), t('Dashboard.Guests.Erased'), renderGuests);
}

function importPanel() {
  const input = el('input', { type: 'file', id: 'guest-file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const result = el('div', { id: 'import-result', 'aria-live': 'polite' });
  const zone = el('div', { class: 'drop', id: 'drop-zone' },
    el('label', { for: 'guest-file' }, t('Dashboard.Import.Pick')), input, el('p', { class: 'muted' }, t('Dashboard.Import.Drop')));
  input.onchange = () => input.files[0] && previewImport(input.files[0], result);
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => { e.preventDefault(); zone.classList.remove('over'); if (e.dataTransfer.files[0]) previewImport(e.dataTransfer.files[0], result); });
  return el('section', { class: 'card', 'aria-labelledby': 'import-title' },
    el('h3', { id: 'import-title' }, t('Dashboard.Import')),
    el('p', {}, t('Dashboard.Import.Text')),
    el('div', { class: 'actions' }, languages.map(l => button(t('Dashboard.Import.Template', languageValue(l)),
      () => download('template', { cid: state.campaignId }, { language: l, format: 'xlsx' }, `template-${l}.xlsx`), { 'data-template': l }))),
    zone, result);
}

async function sendImport(file, query) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('importList', { values: { cid: state.campaignId }, query, method: 'POST', form });
}

async function previewImport(file, box) {
  box.replaceChildren(el('p', {}, t('Dashboard.Import.Reading')));
  let report;
  try { report = await sendImport(file, { dryRun: true, cells: true }); }
  catch (e) { box.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message)); return; }
  const errors = report.errors ?? [];
  const byCell = new Map();
  for (const e of errors) { const key = `${e.row}|${e.column ?? ''}`; byCell.set(key, [...(byCell.get(key) ?? []), e]); }
  const bad = new Set(errors.map(e => e.row));
  const table = report.table;
  const actionOf = new Map(report.preview.map(p => [p.row, p.action]));
  const grid = table ? el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('Dashboard.Import.Preview') }, el('table', { class: 'import' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('Dashboard.Import.RowHeader')), el('th', { scope: 'col' }, t('Dashboard.Import.Outcome')),
      table.headers.map(h => el('th', { scope: 'col' }, data(h))))),
    el('tbody', {}, table.rows.map(r => {
      const rowErrors = errors.filter(e => e.row === r.number && !e.column);
      return el('tr', { 'data-row': r.number, class: bad.has(r.number) ? 'bad' : '' },
        el('th', { scope: 'row' }, number(r.number)),
        el('td', {}, bad.has(r.number) ? el('span', { class: 'badge danger' }, t('Dashboard.Import.Skipped')) : t('Dashboard.Import.Action.' + (actionOf.get(r.number) ?? 'create')),
          rowErrors.map(e => el('small', { class: 'error' }, errorText({ ...e, row: null })))),
        table.headers.map((h, i) => {
          const problems = byCell.get(`${r.number}|${h}`);
          return el('td', problems ? { class: 'bad-cell', 'data-column': h } : { 'data-column': h }, data(r.cells[i] ?? ''),
            problems ? problems.map(e => el('small', { class: 'error' }, errorText({ ...e, row: null, column: null }))) : null);
        }));
    })))) : null;
  const warnings = report.warnings ?? [];
  const importAll = errors.length > 0 ? null : button(t('Dashboard.Import.All', number(report.valid)), async () => {
    const done = await act(() => sendImport(file, {}), r => t('Dashboard.Import.Done', number(r.created), number(r.updated)), renderGuests);
    if (done) box.replaceChildren();
  }, { appearance: 'primary', 'data-action': 'import-all' });
  const skip = errors.length ? button(t('Dashboard.Import.Skip', number(report.valid), number(report.skipped)), async () => {
    await act(() => sendImport(file, { skipInvalid: true }), r => t('Dashboard.Import.DoneSkipped', number(r.created), number(r.updated), number(r.skipped)), renderGuests);
  }, { appearance: 'primary', 'data-action': 'import-skip' }) : null;
  box.replaceChildren(
    el('h4', {}, t('Dashboard.Import.Summary', data(file.name).textContent, number(report.rows), number(report.valid), number(bad.size))),
    errors.length ? el('div', { class: 'problems', role: 'alert' }, el('p', {}, t('Dashboard.Import.Problems', number(errors.length))),
      el('ul', { 'data-list': 'errors' }, errors.map(e => el('li', {}, errorText(e))))) : el('p', {}, t('Dashboard.Import.NoProblem')),
    warnings.length ? el('div', { class: 'warnings' }, el('p', {}, t('Dashboard.Import.Warnings')), el('ul', { 'data-list': 'warnings' }, warnings.map(w => el('li', {}, errorText(w))))) : null,
    grid,
    el('div', { class: 'actions' }, importAll, skip, button(t('Dashboard.Action.Cancel'), () => box.replaceChildren())));
}

// ---- invite: whom, how they are reached, what they receive, send, follow ----------------------------------------------------------
async function openInvite(sessionId) {
  state.sessionId = sessionId;
  state.invite = { whom: 'all', group: groups[0], picked: new Set(), subGroup: '' };
  await renderInvite();
  show('invite');
}

function inviteBody() {
  const i = state.invite;
  const body = i.whom === 'all' ? { all: true } : i.whom === 'group' ? { group: i.group } : { participantIds: [...i.picked] };
  if (i.subGroup) body.subGroup = i.subGroup;
  return body;
}

async function renderInvite() {
  const s = session();
  const i = state.invite;
  const people = await guestList(true);
  const box = document.getElementById('view-invite');
  const radio = (value, label) => { const id = nextId('w'); return el('div', { class: 'check' },
    el('input', { type: 'radio', name: 'whom', id, value, checked: i.whom === value, onchange: () => { i.whom = value; renderInvite(); } }), el('label', { for: id }, label)); };
  const pickSearch = state.pickSearch ?? '';
  const pickable = people.filter(p => !pickSearch || `${p.fullName} ${p.organisation ?? ''}`.toLowerCase().includes(pickSearch.toLowerCase()));
  const picker = i.whom !== 'picked' ? null : el('div', { class: 'picker' },
    field(t('Dashboard.Search'), el('input', { type: 'search', value: pickSearch, oninput: e => { state.pickSearch = e.target.value; clearTimeout(state.pickTimer); state.pickTimer = setTimeout(renderInvite, 300); } })),
    el('ul', { class: 'pick-list' }, pickable.map(p => { const id = nextId('p'); return el('li', {},
      el('input', { type: 'checkbox', id, value: p.id, checked: i.picked.has(p.id), onchange: e => { if (e.target.checked) i.picked.add(p.id); else i.picked.delete(p.id); updateReach(); } }),
      el('label', { for: id }, data(p.fullName), ' · ', groupLabel(p.group), p.organisation ? [' · ', data(p.organisation)] : '')); })));
  box.replaceChildren(
    el('div', { class: 'view-head' }, el('h2', { id: 'invite-title' }, t('Dashboard.Invite'), ' · ', data(s.title)),
      button(t('Dashboard.Back'), () => { show('board'); })),
    el('section', { class: 'card', 'aria-labelledby': 'whom-title' },
      el('h3', { id: 'whom-title' }, t('Dashboard.Invite.Whom')),
      el('fieldset', {}, el('legend', {}, t('Dashboard.Invite.Whom')),
        radio('all', t('Dashboard.Invite.All')),
        radio('group', t('Dashboard.Invite.Group')),
        radio('picked', t('Dashboard.Invite.Picked'))),
      i.whom === 'group' ? field(t('Field.group'), el('select', { name: 'group', onchange: e => { i.group = e.target.value; updateReach(); } },
        groups.map(g => el('option', { value: g, selected: g === i.group }, groupLabel(g))))) : null,
      picker,
      s.subGroups.length ? field(t('Dashboard.Invite.SubGroup'), el('select', { name: 'subGroup', onchange: e => { i.subGroup = e.target.value; } },
        el('option', { value: '' }, t('Dashboard.Invite.NoSubGroup')), s.subGroups.map(g => el('option', { value: g, selected: g === i.subGroup }, g))), t('Dashboard.Invite.SubGroupHint')) : null),
    el('section', { class: 'card', 'aria-labelledby': 'reach-title' },
      el('h3', { id: 'reach-title' }, t('Dashboard.Invite.Reach')), el('div', { id: 'reach', 'aria-live': 'polite' })),
    el('section', { class: 'card', 'aria-labelledby': 'preview-title' },
      el('h3', { id: 'preview-title' }, t('Dashboard.Preview')), el('div', { id: 'preview' })),
    el('section', { class: 'card', 'aria-labelledby': 'send-title' },
      el('h3', { id: 'send-title' }, t('Dashboard.Invite.Send')),
      el('div', { class: 'actions' }, button(t('Dashboard.Invite.SendButton'), () => send(), { appearance: 'primary', id: 'send', 'data-action': 'send' })),
      el('div', { id: 'follow', 'aria-live': 'polite' })));
  await updateReach();
  if (state.follow?.sessionId === s.id) follow();
}

async function updateReach() {
  const s = session();
  const box = document.getElementById('reach');
  if (!box) return;
  const i = state.invite;
  if (i.whom === 'picked' && i.picked.size === 0) { box.replaceChildren(el('p', {}, t('Dashboard.Invite.PickSomeone'))); renderPreviewPanel([]); return; }
  let r;
  try { r = await api('invitePreview', { values: { id: s.id }, method: 'POST', body: inviteBody() }); }
  catch (e) { box.replaceChildren(el('p', { class: 'error' }, e.message)); return; }
  state.reach = r;
  const emailLabel = t(r.emailBy === 'outlook' ? 'Dashboard.Reach.Outlook' : 'Dashboard.Reach.Email');
  const unreachable = r.people.filter(p => !p.alreadyInvited && p.channels.length === 0);
  const teamsIssues = r.people.filter(p => !p.alreadyInvited && p.channels.length > 0 && p.teamsProblem);
  box.replaceChildren(
    el('dl', { class: 'counts reach' },
      [['new', t('Dashboard.Reach.New'), r.new], ['teams', t('Dashboard.Reach.Teams'), r.byTeams], ['email', emailLabel, r.byEmail],
        ['both', t('Dashboard.Reach.Both', emailLabel), r.byTeamsAndEmail], ['unreachable', t('Dashboard.Reach.Unreachable'), r.unreachable],
        ['already', t('Dashboard.Reach.Already'), r.alreadyInvited]]
        .map(([k, label, n]) => el('div', { class: 'count', 'data-reach': k }, el('dt', {}, label), el('dd', {}, number(n))))),
    unreachable.length ? el('div', { class: 'problems' }, el('p', {}, t('Dashboard.Reach.WhoNot')),
      el('ul', { 'data-list': 'unreachable' }, unreachable.map(p => el('li', {}, data(p.name), colon, errorText({ ...(p.unreachable ?? {}), field: null }),
        p.teamsProblem ? [' ', errorText({ ...p.teamsProblem, field: null })] : null)))) : null,
    teamsIssues.length ? el('details', {}, el('summary', {}, t('Dashboard.Reach.TeamsFallback', number(teamsIssues.length))),
      el('ul', {}, teamsIssues.map(p => el('li', {}, data(p.name), colon, errorText({ ...p.teamsProblem, field: null }))))) : null);
  renderPreviewPanel(r.people);
}

function renderPreviewPanel(people) {
  const box = document.getElementById('preview');
  if (!box) return;
  if (people.length === 0) { box.replaceChildren(el('p', {}, t('Dashboard.Preview.Nobody'))); return; }
  const p = state.previewOf && people.some(x => x.participantId === state.previewOf) ? state.previewOf : people[0].participantId;
  state.previewOf = p;
  const person = el('select', { name: 'person', id: 'preview-person' }, people.map(x => el('option', { value: x.participantId, selected: x.participantId === p }, x.name)));
  const language = el('select', { name: 'language', id: 'preview-language' }, languages.map(l => el('option', { value: l, selected: l === (state.previewLanguage ?? people.find(x => x.participantId === p)?.language) }, languageValue(l))));
  const kind = el('select', { name: 'kind', id: 'preview-kind' }, previewKinds.map(k => el('option', { value: k, selected: k === (state.previewKind ?? 'invitation') }, t('Dashboard.Kind.' + k))));
  const output = el('div', { class: 'preview-output', id: 'preview-output' });
  const load = () => { state.previewOf = person.value; state.previewLanguage = language.value; state.previewKind = kind.value; previewMessage(output, person.value, language.value, kind.value); };
  person.onchange = () => { state.previewLanguage = people.find(x => x.participantId === person.value)?.language; language.value = state.previewLanguage; load(); };
  language.onchange = load; kind.onchange = load;
  box.replaceChildren(el('div', { class: 'filters' }, field(t('Dashboard.Preview.Person'), person), field(t('Dashboard.Preview.Language'), language), field(t('Dashboard.Preview.Kind'), kind)), output);
  load();
}

async function previewMessage(box, participantId, language, kind) {
  let m;
  try { m = await api('messagePreview', { values: { id: state.sessionId, participantId }, query: { language, kind } }); }
  catch (e) { box.replaceChildren(el('p', { class: 'error' }, e.message)); return; }
  const receives = m.channels.length === 0 ? t('Dashboard.Preview.ReceivesNothing') : t('Dashboard.Preview.Receives', m.channels.map(channelValue).join(t('Dashboard.And')));
  const email = m.email
    ? el('figure', { class: 'email-preview', 'data-preview': 'email' },
      el('figcaption', {}, t('Dashboard.Preview.Email'), ' · ', data(m.email.subject, 'strong'), ' → ', data(m.email.to, 'span', { dir: 'ltr' })),
      el('iframe', { sandbox: '', referrerpolicy: 'no-referrer', title: t('Dashboard.Preview.EmailFrame', m.email.subject), srcdoc: m.email.html, lang: language, id: 'email-frame' }))
    : el('p', {}, errorText(m.noEmail));
  const card = el('figure', { class: 'card-preview', 'data-preview': 'card', dir: language === 'ar' ? 'rtl' : 'ltr', lang: language },
    el('figcaption', {}, t('Dashboard.Preview.Card')), renderCard(m.card));
  box.replaceChildren(el('p', { 'data-fact': 'receives' }, receives, m.teamsProblem ? [' ', errorText({ ...m.teamsProblem, field: null })] : null), el('div', { class: 'previews' }, email, card));
}

/** The Teams card as Teams shows it, by the official Adaptive Cards renderer (vendored); its buttons do nothing here. */
function renderCard(json) {
  const AC = window.AdaptiveCards;
  if (!AC) return el('p', {}, t('Dashboard.Preview.NoRenderer'));
  const card = new AC.AdaptiveCard();
  // As Teams on a phone: buttons stacked when the card is narrow, so that none is cut.
  const narrow = document.getElementById('preview')?.clientWidth < 560;
  card.hostConfig = new AC.HostConfig({ fontFamily: 'Segoe UI, Tahoma, Arial, sans-serif',
    actions: { actionsOrientation: narrow ? 'vertical' : 'horizontal', actionAlignment: narrow ? 'stretch' : 'left', maxActions: 6, buttonSpacing: 8, spacing: 'default', showCard: { actionMode: 'inline' } } });
  card.onExecuteAction = () => notice(t('Dashboard.Preview.Inert'), 'info');
  card.parse(json);
  const rendered = card.render();
  // The renderer marks a "heading" text block with role=heading but no level: here it sits below the section's h3.
  rendered?.querySelectorAll('[role="heading"]:not([aria-level])').forEach(h => h.setAttribute('aria-level', '4'));
  return el('div', { class: 'teams-card', translate: 'no' }, rendered ?? '');
}

async function send() {
  const s = session();
  const r = state.reach;
  if (!r || r.new === 0) { notice(t('Dashboard.Invite.NothingNew'), 'info'); return; }
  if (!await confirmDialog(t('Dashboard.Invite.Confirm', number(r.new), s.title))) return;
  const result = await act(() => api('invitations', { values: { id: s.id }, method: 'POST', body: inviteBody() }),
    x => t('Dashboard.Invite.Sent', number(x.created)), null);
  if (!result) return;
  state.follow = { sessionId: s.id, since: Date.now() };
  follow();
}

async function follow() {
  const box = document.getElementById('follow');
  if (!box || state.view !== 'invite' || state.follow?.sessionId !== state.sessionId) return;
  clearTimeout(state.followTimer);
  const summary = await api('messageSummary', { values: { id: state.sessionId } });
  const invitations = summary.byKind.find(k => k.kind === 'invitation') ?? { total: 0, planned: 0, sending: 0, sent: 0, mayHaveArrivedTwice: 0, skipped: 0, failed: 0 };
  const settled = invitations.planned + invitations.sending === 0;
  const done = invitations.sent + invitations.failed + invitations.skipped;
  box.replaceChildren(
    el('progress', { value: done, max: Math.max(1, invitations.total), 'aria-label': t('Dashboard.Follow.Progress', number(done), number(invitations.total)) }),
    el('dl', { class: 'counts follow' }, [['planned', invitations.planned + invitations.sending], ['sent', invitations.sent], ['failed', invitations.failed],
      ['skipped', invitations.skipped], ['twice', invitations.mayHaveArrivedTwice]]
      .map(([k, n]) => el('div', { class: 'count', 'data-follow': k }, el('dt', {}, t('Dashboard.Follow.' + k)), el('dd', {}, number(n))))),
    el('p', { 'data-fact': 'follow-state' }, settled ? t('Dashboard.Follow.Settled') : t('Dashboard.Follow.Going')),
    button(t('Dashboard.Participants'), () => showPeople(state.sessionId)));
  if (!settled) state.followTimer = setTimeout(follow, 1500);
}

// ---- start and refresh -------------------------------------------------------------------------------------------------------------
async function refresh() {
  if (!state.campaignId) return;
  await loadBoard();
  if (state.view === 'board' && state.sessionId && !document.getElementById('people').hidden) await loadRoster();
}

function renderNav() {
  const nav = document.getElementById('views');
  nav.replaceChildren(el('ul', {}, [['board', 'Dashboard.Nav.Board'], ['guests', 'Dashboard.Nav.Guests'], ['campaign', 'Dashboard.Nav.Campaign']].map(([v, k]) =>
    el('li', {}, el('button', { type: 'button', 'data-view': v, onclick: () => go(v) }, t(k))))));
}

async function go(view) {
  try {
    if (view === 'guests') await renderGuests();
    if (view === 'campaign') await renderCampaign();
    if (view === 'board') await refresh();
    show(view);
  } catch (e) { notice(e.message, 'error'); }
}

async function start() {
  teamsReady = startTeams().catch(() => applyTheme('default'));
  await teamsReady;
  renderNav();
  try {
    if (!await loadCampaigns()) {
      renderWelcome();
      show('welcome', false);
      document.body.dataset.ready = 'true';
      return;
    }
    await loadBoard();
    show('board', false);
    if (state.sessionId) showPeople(state.sessionId);
  } catch (e) {
    if (e.status === 404 || e.status === 403) notice(t('Dashboard.Refused'), 'error');
    else if (e.status === 401) notice(t('Dashboard.SignIn'), 'error');
    else notice(e.message, 'error');
    return;
  }
  document.body.dataset.ready = 'true';
  setInterval(() => {
    if (state.view === 'board' && !document.getElementById('dialog').open && !document.hidden) refresh().catch(() => { });
  }, refreshMs);
}

start();

// ---- the consultation report (issue 22: Reporting/) -----------------------------------------------
// The campaign's report (Word, or the printable page) and each session's participation by age group and
// disability, with the shares of women, young people (15–24) and persons with disabilities per stage.
function reportBar(b) {
  let bar = document.getElementById('report-bar');
  if (!bar) {
    bar = el('div', { id: 'report-bar', class: 'actions' });
    document.getElementById('meta').after(bar);
  }
  bar.replaceChildren(
    button(t('Dashboard.Report.Campaign'), () => download('campaignReport', { id: b.campaignId }, { format: 'docx' }, 'report.docx'),
      { appearance: 'primary', 'data-action': 'campaign-report' }),
    button(t('Dashboard.Report.Printable'), () => printableReport(b.campaignId), { 'data-action': 'campaign-report-html' }));
}

async function printableReport(campaignId) {
  try {
    const response = await api('campaignReport', { values: { id: campaignId }, query: { format: 'html' }, raw: true });
    window.open(URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' })), '_blank');
  } catch (e) { notice(e.message, 'error'); }
}

function participationBlock(s) {
  const p = s.participation;
  if (!p) return null;
  const stages = ['invited', 'confirmed', 'present'];
  const head = el('tr', {}, el('th', { scope: 'col' }, ''), ...stages.map(x => el('th', { scope: 'col' }, t('Dashboard.Stage.' + x[0].toUpperCase() + x.slice(1)))));
  const shareRow = (key, field) => el('tr', {}, el('th', { scope: 'row' }, t('Dashboard.Share.' + key)),
    ...p.shares.map(x => el('td', { 'data-share': `${field}-${x.stage}` }, percent(x[field]))));
  const total = c => c.female + c.male + c.notStated;
  const band = v => ['preferNotToSay', 'notStated'].includes(v) ? t('Dashboard.AgeBand.' + v) : v.replace('-', '–');
  const rows = (list, label) => list.filter(r => total(r.invited) > 0).map(r =>
    el('tr', {}, el('th', { scope: 'row' }, label(r.value)), ...stages.map(x => el('td', { 'data-count': `${r.value}-${x}` }, number(total(r[x]))))));
  return el('details', { class: 'participation', 'data-fact': 'participation' },
    el('summary', {}, t('Dashboard.Participation')),
    el('table', {}, el('thead', {}, head), el('tbody', {}, shareRow('Women', 'womenShare'), shareRow('Youth', 'youthShare'), shareRow('Disability', 'disabilityShare'))),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('Dashboard.AgeBand')), ...stages.map(x => el('th', { scope: 'col' }, t('Dashboard.Stage.' + x[0].toUpperCase() + x.slice(1)))))),
      el('tbody', {}, ...rows(p.byAgeBand, band))),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('Dashboard.Disability')), ...stages.map(x => el('th', { scope: 'col' }, t('Dashboard.Stage.' + x[0].toUpperCase() + x.slice(1)))))),
      el('tbody', {}, ...rows(p.byDisability, v => t('Dashboard.Disability.' + v)))));
}
