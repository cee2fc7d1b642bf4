/* Quizzes, cases and the progress page, on the HTML of hooks/course/render.py.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(() => {
// dom.js: element helpers, buttons, and the live region that announces results.
const $ = (sel, root) => root.querySelector(sel);
const $$ = (sel, root) => [...root.querySelectorAll(sel)];

function make(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  return node;
}

function button(text, action, cls = '') {
  const b = make('button', 'course-button ' + cls, text);
  b.type = 'button';
  b.onclick = action;
  return b;
}

// A second press confirms.
function confirmButton(text, action, say) {
  const b = button(text, () => {
    if (b.dataset.confirm) return undo(), action();
    b.dataset.confirm = 1;
    say(b.textContent = 'Press again to confirm: ' + text.toLowerCase());
  });
  const undo = () => { delete b.dataset.confirm; b.textContent = text; };
  b.onblur = undo;
  return b;
}

function liveRegion(host, cls = 'course-sr') {
  const live = make('p', cls);
  live.setAttribute('aria-live', 'polite');
  host.prepend(live);
  return text => { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); };
}

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

// question.js: one question (of a quiz, or a case decision): options, feedback, check and retry.
const optionId = o => o.dataset.option;
const isRight = o => o.dataset.correct === 'true';
const sameSet = (a, b) => a.length === b.length && a.every(x => b.includes(x));

function moveFeedback(option, details) {
  const item = $$('.quiz-feedback', details).find(li => optionId(li) === optionId(option));
  const box = make('div', 'quiz-option-feedback');
  box.append(make('strong', 'quiz-mark'));
  option.dataset.correct = item.dataset.correct;
  $$('.quiz-verdict, .case-route', item).forEach(n => n.remove());
  box.append(...item.childNodes);
  option.append(box);
}

function setupQuestion(q, say, retryText, save) {
  const fieldset = $('fieldset', q);
  const details = $('.quiz-answer', q);
  const explanation = $('.quiz-explanation', details);
  const options = () => $$('.quiz-option', fieldset);
  const picked = () => options().filter(o => o.firstChild.checked).map(optionId);
  const result = make('p', 'quiz-result');
  const check = button('Check answer', onCheck, 'course-primary');
  const retry = button(retryText, onRetry);
  const question = { id: q.dataset.question, version: q.dataset.version, el: q, result, options, show, arrange };
  options().forEach(o => moveFeedback(o, details));
  result.tabIndex = -1;
  details.replaceWith(result, explanation, check, retry);
  fieldset.onchange = () => {
    result.hidden = true;
    save(question, picked(), false);
  };
  show([], false);
  return question;

  function verdict(chosen, right) {
    const correct = options().filter(isRight);
    const found = correct.filter(o => chosen.includes(optionId(o))).length;
    let text = right ? 'Correct.' : `Incorrect. The answer is ${correct.map(o => $('.quiz-letter', o).textContent[0]).join(', ')}.`;
    if (q.dataset.type === 'multiple') {
      text += ` You chose ${found} of ${correct.length} correct options (${correct.length - found} missed) and ${chosen.length - found} incorrect.`;
    }
    return text;
  }

  function show(chosen, checked) {
    const right = sameSet(chosen, options().filter(isRight).map(optionId));
    for (const o of options()) {
      const input = o.firstChild;
      const pick = chosen.includes(optionId(o));
      input.checked = pick;
      input.disabled = checked;
      o.classList.toggle('is-chosen', checked && pick);
      o.classList.toggle('is-right', checked && isRight(o));
      o.classList.toggle('is-wrong', checked && !isRight(o));
      o.lastChild.hidden = !checked;
      $('.quiz-mark', o).textContent = pick ? `Your choice: ${isRight(o) ? 'correct' : 'incorrect'}.` : isRight(o) ? 'Correct answer.' : 'Incorrect.';
    }
    question.checked = checked;
    question.right = checked && right;
    result.hidden = explanation.hidden = retry.hidden = !checked;
    check.hidden = checked;
    result.className = 'quiz-result is-' + (right ? 'right' : 'wrong');
    result.textContent = verdict(chosen, right);
  }

  function onCheck() {
    const chosen = picked();
    if (!chosen.length) {
      result.className = 'quiz-result';
      result.hidden = false;
      return say(result.textContent = 'Choose an answer first.');
    }
    show(chosen, true);
    save(question, chosen, true);
    result.focus();
  }

  function onRetry() {
    show([], false);
    save(question, [], false);
    $('input', fieldset).focus();
  }

  function arrange(ids) {
    for (const id of ids) fieldset.append(options().find(o => optionId(o) === id));
    options().forEach((o, i) => { $('.quiz-letter', o).textContent = 'ABCDEFGH'[i] + '.'; });
  }
}

function shuffled(ids) {
  let out;
  do out = ids.map(id => [Math.random(), id]).sort((a, b) => a[0] - b[0]).map(pair => pair[1]);
  while (ids.length > 1 && out.join() === ids.join());
  return out;
}

// quiz.js: a quiz's questions, saved answers, option order, score and results.
function setupQuiz(quiz) {
  const say = liveRegion(quiz);
  const score = make('p', 'quiz-score');
  const results = make('div');
  const footer = quiz.appendChild(make('div', 'quiz-footer'));
  const questions = $$('.quiz-question', quiz).map(q => setupQuestion(q, say, 'Try again', (x, chosen, checked) => {
    update(d => {
      if (chosen.length) d.questions[x.id] = { v: x.version, chosen, checked, right: x.right };
      else delete d.questions[x.id];
    });
    const scoreText = refresh();
    if (checked) say(`${x.result.textContent} ${scoreText}`);
  }));
  footer.append(score, results, confirmButton('Reset quiz', reset, say));
  update(d => {
    arrange(d, false);
    for (const x of questions) {
      const saved = d.questions[x.id];
      if (saved && saved.v !== x.version) delete d.questions[x.id];
      else if (saved) {
        const chosen = saved.chosen.filter(id => x.options().some(o => optionId(o) === id));
        x.show(chosen, saved.checked && chosen.length > 0);
      }
    }
  });
  refresh();

  function arrange(d, fresh) {
    if (!quiz.dataset.shuffle) return;
    const saved = d.quizzes[quiz.dataset.quiz];
    const order = {};
    for (const x of questions) {
      const ids = x.options().map(optionId);
      const kept = !fresh && saved && saved.order[x.id];
      if (x.el.dataset.type !== 'true-false') x.arrange(order[x.id] = kept && sameSet(kept, ids) ? kept : shuffled(ids));
    }
    d.quizzes[quiz.dataset.quiz] = { order };
  }

  function reset() {
    update(d => {
      questions.forEach(x => delete d.questions[x.id]);
      arrange(d, true);
    });
    questions.forEach(x => x.show([], false));
    refresh();
    say('Quiz reset.');
    $('input', quiz).focus();
  }

  function refresh() {
    const done = questions.filter(x => x.checked).length;
    const missed = questions.filter(x => !x.right);
    const n = questions.length;
    const list = make('ul');
    for (const x of missed) {
      const link = make('a', '', `Question ${questions.indexOf(x) + 1}`);
      link.href = '#' + x.el.id;
      list.appendChild(make('li')).append(link, ': ' + $('.quiz-stem', x.el).textContent.trim());
    }
    results.replaceChildren(...done < n ? [] : [make('p', 'quiz-score', missed.length ? 'Quiz complete. Questions to review:' : 'Quiz complete: every answer correct.'), list]);
    return (score.textContent = `Score: ${n - missed.length} / ${n} (${done} of ${n} answered)`);
  }
}

// case.js: an unfolding case, one stage at a time, with branches, saved path and a summary.
function setupCase(box) {
  const say = liveRegion(box);
  const stages = $$('.case-stage', box);
  const close = $('.case-close', box);
  const path = close.appendChild(make('div', 'case-path'));
  const sid = stage => stage.dataset.stage;
  const byId = id => stages.find(s => sid(s) === id);
  const isEnding = stage => stage.dataset.ending === 'true';
  const decisions = new Map();
  const continues = new Map();
  const fresh = () => ({ v: box.dataset.version, path: [sid(stages[0])], choices: {} });
  let state = fresh();
  for (const stage of stages) {
    const q = $('.quiz-question', stage);
    if (q) decisions.set(stage, setupQuestion(q, say, 'Choose again', (x, chosen, checked) => decide(stage, chosen, checked)));
    continues.set(stage, stage.appendChild(button('Continue', () => advance(stage), 'course-primary')));
    $('h3', stage).tabIndex = -1;
  }
  box.append(confirmButton('Restart case', restart, say));
  restore();
  render();

  function nextOf(stage) {
    const chosen = state.choices[sid(stage)] || [];
    const decision = decisions.get(stage);
    const option = decision && decision.options().find(o => chosen.includes(optionId(o)) && o.dataset.next);
    return byId(option ? option.dataset.next : stage.dataset.next);
  }

  function restore() {
    const saved = load().cases[box.dataset.case];
    if (!saved || saved.v !== state.v) return;
    for (let i = 0; i < stages.length; i++) {
      const stage = byId(state.path[i]);
      const chosen = saved.choices[sid(stage)];
      if (decisions.has(stage)) {
        if (!chosen || !chosen.length || !chosen.every(c => decisions.get(stage).options().some(o => optionId(o) === c))) break;
        state.choices[sid(stage)] = chosen;
      }
      const next = nextOf(stage);
      if (!next || saved.path[i + 1] !== sid(next)) break;
      state.path.push(sid(next));
    }
  }

  function render() {
    const shown = state.path.map(byId);
    const last = shown[shown.length - 1];
    for (const stage of stages) {
      const decision = decisions.get(stage);
      const chosen = state.choices[sid(stage)];
      stage.hidden = !shown.includes(stage);
      if (chosen) decision.show(chosen, true);
      else if (decision && decision.checked) decision.show([], false);
      continues.get(stage).hidden = stage !== last || (decision && !chosen) || isEnding(stage) || !nextOf(stage);
    }
    shown.forEach(stage => box.insertBefore(stage, close));
    close.hidden = !isEnding(last);
    path.replaceChildren(make('h3', '', 'Your path'), summary());
  }

  function store() {
    update(d => { d.cases[box.dataset.case] = state; });
    render();
  }

  function decide(stage, chosen, checked) {
    if (checked) {
      state.choices[sid(stage)] = chosen;
      store();
      say(decisions.get(stage).result.textContent);
    } else if (state.choices[sid(stage)]) {
      state.path.splice(state.path.indexOf(sid(stage)) + 1).forEach(id => delete state.choices[id]);
      delete state.choices[sid(stage)];
      store();
    }
  }

  function advance(stage) {
    const next = nextOf(stage);
    state.path.push(sid(next));
    store();
    $('h3', next).focus();
    say('New stage: ' + $('h3', next).textContent);
  }

  function restart() {
    state = fresh();
    update(d => { delete d.cases[box.dataset.case]; });
    render();
    $('h3', stages[0]).focus();
    say('Case restarted.');
  }

  function summary() {
    const list = make('ol');
    for (const id of state.path) {
      const decision = decisions.get(byId(id));
      const chosen = state.choices[id];
      const item = list.appendChild(make('li'));
      item.append(make('strong', '', $('h3', byId(id)).textContent));
      if (chosen) {
        const texts = decision.options().filter(o => chosen.includes(optionId(o))).map(o => `\u201c${$('label', o).textContent.slice(3)}\u201d`);
        item.append(`: you chose ${texts.join(' and ')} (${decision.right ? 'correct' : 'not the best choice'}).`);
      }
    }
    return list;
  }
}

// progress.js: the Progress page: status of every quiz and case, misses, export, import, clear.
function setupProgress(box) {
  const tools = $('.progress-tools', box);
  const say = liveRegion(tools, 'progress-message');
  const input = make('input');
  const label = make('label', '', 'Import progress from a file: ');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.id = label.htmlFor = 'progress-import';
  input.onchange = importFile;
  tools.prepend(button('Export progress', exportFile), label, input, confirmButton('Clear progress', clear, say));
  fill();

  function fill() {
    const d = load();
    const current = (record, item) => (record && record.v === item.dataset.version ? record : null);
    const saved = id => current(d.questions[id], $(`li[data-question="${id}"]`, box));
    for (const row of $$('tbody tr', box)) {
      const status = $('.progress-status', row);
      if (row.dataset.questions) {
        const n = row.dataset.questions.split(' ').length;
        const records = row.dataset.questions.split(' ').map(saved).filter(Boolean);
        const done = records.filter(r => r.checked);
        const right = done.filter(r => r.right).length;
        status.textContent = !records.length ? 'Not started' : done.length === n ? `Completed: score ${right} / ${n}`
          : `In progress: ${done.length} of ${n} answered, score ${right} / ${done.length}`;
      } else {
        const record = current(d.cases[row.dataset.case], row);
        status.textContent = !record ? 'Not started'
          : row.dataset.endings.split(' ').includes(record.path.slice(-1)[0]) ? 'Completed (ending reached)' : 'In progress';
      }
    }
    const misses = $$('.progress-misses li', box);
    for (const li of misses) {
      const record = saved(li.dataset.question);
      li.hidden = !(record && record.checked && record.right === false);
    }
    $('.progress-no-misses', box).hidden = misses.some(li => !li.hidden);
  }

  function exportFile() {
    const link = make('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(load(), null, 1)], { type: 'application/json' }));
    link.download = 'course-progress.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say('Progress exported to course-progress.json.');
  }

  async function importFile() {
    const file = input.files[0];
    try {
      const data = JSON.parse(await file.text());
      if (!Object.keys(VALID).some(k => isObj(data[k]))) throw Error();
      save(clean(data));
      fill();
      say(`Progress imported from ${file.name}.`);
    } catch (e) {
      say(`Nothing imported: ${file.name} is not a progress file from this course.`);
    }
    input.value = '';
  }

  function clear() {
    try { localStorage.removeItem(KEY); } catch (e) { /* unsaved */ }
    fill();
    say('Progress cleared.');
  }
}

// init.js: enhance every quiz, case and progress table on the page, once.
function init() {
  for (const [selector, setup] of [['.quiz', setupQuiz], ['.case', setupCase], ['.course-progress', setupProgress]]) {
    for (const node of document.querySelectorAll(selector + ':not([data-ready])')) {
      node.dataset.ready = 'true';
      try { setup(node); } catch (e) { setTimeout(() => { throw e; }); }
    }
  }
}

// Instant navigation re-runs this script, then emits document$ (never on file://).
if (document.readyState === 'loading') addEventListener('DOMContentLoaded', init);
else init();
if (window.document$ && !window.nmwCourse) {
  window.nmwCourse = true;
  window.document$.subscribe(init);
}
})();
