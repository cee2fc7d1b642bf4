// store.js: saved progress (format in README.md); a record that is not as saved is dropped on reading.
const KEY = 'nmw-course-v2';
const OLD_KEY = 'nmw-course-v1';
const isObj = x => !!x && typeof x === 'object' && !Array.isArray(x);
const isList = x => Array.isArray(x) && x.every(s => typeof s === 'string');
const all = (x, test) => isObj(x) && Object.values(x).every(test);
const tried = r => !r.first || isList(r.first.chosen);
const boxed = r => r.box == null || (Number.isInteger(r.box) && typeof r.due === 'string');
const VALID = {
  questions: r => typeof r.v === 'string' && isList(r.chosen) && tried(r) && boxed(r),
  quizzes: r => !r.order || all(r.order, isList),
  cases: r => typeof r.v === 'string' && isList(r.path) && all(r.choices, isList) && all(r.decisions || {}, d => isObj(d) && tried(d)),
  exams: r => typeof r.at === 'string' && Array.isArray(r.items) && r.items.every(i => isObj(i) && typeof i.id === 'string'),
};

function clean(data) {
  const out = { version: 2 };
  for (const part in VALID) {
    const section = isObj(data) && isObj(data[part]) ? data[part] : {};
    out[part] = {};
    for (const id in section) if (isObj(section[id]) && VALID[part](section[id])) out[part][id] = section[id];
  }
  return out;
}

// Format 1 (no version) is migrated: a checked answer becomes the first try.
function parse(text) {
  const data = JSON.parse(text);
  if (!Object.keys(VALID).some(part => isObj(data[part]))) throw Error();
  const out = clean(data);
  if (data.version !== 2) for (const r of Object.values(out.questions)) if (r.checked) attempt(r, r.chosen, !!r.right);
  return out;
}

// Storage may throw (file://, private mode): the page then works unsaved.
function load() {
  try {
    const saved = localStorage.getItem(KEY);
    const data = saved ? clean(JSON.parse(saved)) : parse(localStorage.getItem(OLD_KEY));
    if (!saved) save(data);
    return data;
  } catch (e) {
    return clean();
  }
}
function save(data) {
  try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* unsaved */ }
}
function update(change) {
  const data = load();
  change(data);
  save(data);
}

// A local date, YYYY-MM-DD, `days` from today: a student's day ends at their own midnight.
function today(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 10);
}

// A checked answer: the round's first try is kept, and today is noted as a day missed or solved.
function attempt(r, chosen, right) {
  r.first = r.first || { chosen, right };
  r[right ? 'solved' : 'missed'] = today();
  r.at = new Date().toISOString();
}


const toReview = r => !!(r && r.missed && !(r.solved > r.missed));

// The one score of a quiz, on its page, its card and the Progress page.
function quizScore(records, n) {
  const tried = records.filter(r => r && r.first);
  return { n, answered: tried.length, right: tried.filter(r => r.first.right === true).length };
}
const scoreText = s => t('score_text', s);

// Finished: a quiz when every question has a first try; a case when the ending it shows is the one reached.
const caseFinished = r => !!(r && r.ending && r.ending.stage === r.path[r.path.length - 1]);
const quizFinished = records => records.length > 0 && records.every(r => r && r.first);
