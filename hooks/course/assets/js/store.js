// store.js: saved progress (format in README.md); a record that is not as saved is dropped on reading.
const KEY = 'nmw-course-v2';
const OLD_KEY = 'nmw-course-v1';
const isObj = x => !!x && typeof x === 'object' && !Array.isArray(x);
const isList = x => Array.isArray(x) && x.every(s => typeof s === 'string');
const all = (x, test) => isObj(x) && Object.values(x).every(test);
const tried = r => !r.first || isList(r.first.chosen);
const VALID = {
  questions: r => typeof r.v === 'string' && isList(r.chosen) && tried(r),
  quizzes: r => !r.order || all(r.order, isList),
  cases: r => typeof r.v === 'string' && isList(r.path) && all(r.choices, isList) && all(r.decisions || {}, d => isObj(d) && tried(d)),
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

// A checked answer: the round's first try is kept, and today is noted as a day missed or solved.
function attempt(r, chosen, right) {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  r.first = r.first || { chosen, right };
  r[right ? 'solved' : 'missed'] = now.toISOString().slice(0, 10);
}

const toReview = r => !!(r && r.missed && !(r.solved > r.missed));

// The one score of a quiz, on its page, its card and the Progress page.
function quizScore(records, n) {
  const tried = records.filter(r => r && r.first);
  return { n, answered: tried.length, right: tried.filter(r => r.first.right === true).length };
}
const scoreText = s => `${s.right} / ${s.n} right at first try (${s.answered} of ${s.n} answered)`;
