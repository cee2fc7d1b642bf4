// store.js: progress saved in localStorage, checked on every read so corrupt data is ignored.
const KEY = 'nmw-course-v1';

const isObj = x => !!x && typeof x === 'object' && !Array.isArray(x);
const isList = x => Array.isArray(x) && x.every(s => typeof s === 'string');
const VALID = {
  questions: r => typeof r.v === 'string' && isList(r.chosen) && typeof r.checked === 'boolean',
  quizzes: r => isObj(r.order) && Object.values(r.order).every(isList),
  cases: r => typeof r.v === 'string' && isList(r.path) && isObj(r.choices) && Object.values(r.choices).every(isList),
};

function clean(data) {
  const out = {};
  for (const part in VALID) {
    const section = isObj(data) && isObj(data[part]) ? data[part] : {};
    out[part] = {};
    for (const id in section) if (isObj(section[id]) && VALID[part](section[id])) out[part][id] = section[id];
  }
  return out;
}

// Storage may throw (file://, private mode): the page then works unsaved.
function load() {
  try { return clean(JSON.parse(localStorage.getItem(KEY))); } catch (e) { return clean(); }
}
function save(data) {
  try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* unsaved */ }
}
function update(change) {
  const data = load();
  change(data);
  save(data);
}

