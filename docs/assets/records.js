/* The Progress page, the student's status on practice cards and indexes, continue reading on module pages. Needs course.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(({ $, $$, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, attempt, toReview, quizScore, scoreText, optionId, isRight, sameSet, shuffled, setupQuestion, parts }) => {
// cards.js: the student's status on each practice card of a module, and beside each quiz and case of the indexes.
// A card names its quiz (data-quiz) or case (data-case); an index item only links to it. A quiz's questions come
// from the card (data-questions) when the page gives them, else from the quiz's last visit.
// A case's status in words: not started, in progress, or the ending reached and whether it is the best one.
function caseStatus(r, endings = []) {
  if (!r) return 'Not started';
  const last = r.path[r.path.length - 1];
  const end = r.ending;
  const verdict = end && `${end.title} (${end.best ? 'the best ending' : 'not the best ending'})`;
  if (end && end.stage === last) return 'Ending reached: ' + verdict;
  if (endings.includes(last)) return 'Ending reached';
  return 'In progress' + (end ? '; last ending reached: ' + verdict : '');
}

function setupCards() {
  const d = load();
  const items = $$('.course-card, .md-content h2[id^="quizzes-"] + ul > li, .md-content h2[id^="cases-"] + ul > li', document);
  for (const item of items) {
    const link = $('a', item);
    const [, kind, id] = (link && link.href.match(/\/(quizzes|cases)\/([^/#?]+)\.html/)) || [];
    if (!kind) continue;
    let text, done;
    if (kind === 'cases') {
      const r = d.cases[item.dataset.case || id];
      const end = r && r.ending;
      text = caseStatus(r);
      done = end && end.stage === r.path[r.path.length - 1] && (end.best || 'review');
    } else {
      const quiz = item.dataset.quiz || id;
      const ids = item.dataset.questions ? item.dataset.questions.split(' ') : (d.quizzes[quiz] || {}).ids;
      const s = ids && quizScore(ids.map(q => d.questions[q]), ids.length);
      text = s && s.answered ? scoreText(s) : 'Not started';
      done = s && s.answered === s.n;
    }
    const status = $('.course-status', item) || item.appendChild(make('span', 'course-status'));
    status.textContent = text;
    item.dataset.status = done === 'review' ? 'review' : done ? 'done' : text === 'Not started' ? 'new' : 'started';
  }
}

// progress.js: the Progress page: status of every quiz and case, misses, export, import, clear.
function setupProgress(box) {
  const tools = $('.progress-tools', box);
  const say = liveRegion(tools, 'progress-message');
  const input = make('input');
  const label = make('label', '', 'Import progress from a file: ');
  const decisions = make('ul', 'progress-decisions');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.id = label.htmlFor = 'progress-import';
  input.onchange = importFile;
  $('table', box).before(make('p', 'progress-rule', 'A quiz\u2019s score counts each question\u2019s first try, as on the quiz page: Try again does not change it, Reset quiz starts a new round. A case shows the ending you reached; Review my misses lists every question and case decision you got wrong, until you get it right on a later day.'));
  $('.progress-misses', box).after(decisions);
  tools.prepend(button('Export progress', exportFile), label, input, confirmButton('Clear progress', clear, say));
  fill();

  function fill() {
    const d = load();
    const current = (record, item) => (record && record.v === item.dataset.version ? record : null);
    const saved = id => current(d.questions[id], $(`li[data-question="${id}"]`, box));
    const wrong = [];
    for (const row of $$('tbody tr', box)) {
      const status = $('.progress-status', row);
      if (row.dataset.questions) {
        const records = row.dataset.questions.split(' ').map(saved);
        const s = quizScore(records, records.length);
        status.textContent = !records.some(Boolean) ? 'Not started' : (s.answered === s.n ? 'Completed: ' : 'In progress: ') + scoreText(s);
      } else {
        const record = current(d.cases[row.dataset.case], row);
        const link = $('a', row);
        status.textContent = caseStatus(record, row.dataset.endings.split(' '));
        for (const [stage, r] of Object.entries(record ? record.decisions || {} : {})) {
          if (!toReview(r)) continue;
          const a = make('a', '', `${link.textContent}, ${r.title}`);
          a.href = link.href.split('#')[0] + '#stage-' + stage;
          wrong.push(make('li'));
          wrong[wrong.length - 1].append(a, `: you chose ${r.text || 'an answer'} (not the best choice).`);
        }
      }
    }
    const misses = $$('.progress-misses li[data-question]', box);
    for (const li of misses) li.hidden = !toReview(saved(li.dataset.question));
    decisions.replaceChildren(...wrong);
    const none = $('.progress-no-misses', box);
    none.textContent = 'No missed questions or case decisions saved in this browser.';
    none.hidden = wrong.length || misses.some(li => !li.hidden);
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
      save(parse(await file.text()));
      fill();
      say(`Progress imported from ${file.name}.`);
    } catch (e) {
      say(`Nothing imported: ${file.name} is not a progress file from this course.`);
    }
    input.value = '';
  }

  function clear() {
    try { [KEY, OLD_KEY].forEach(k => localStorage.removeItem(k)); } catch (e) { /* unsaved */ }
    fill();
    say('Progress cleared.');
  }
}

// reading.js: on a module's page, continue where the student left off, from what site.js saved (nmw-reading-v1).
const ROOT = new URL('..', document.currentScript.src);  // this part is assets/records.js

function setupReading() {
  const [, module] = location.pathname.match(/\/modules\/([^/.]+)\.html$/) || [];
  const box = $('.course-module', document);
  let saved;
  try { saved = JSON.parse(localStorage.getItem('nmw-reading-v1'))[module]; } catch (e) { /* nothing saved */ }
  const old = $('.course-continue', document);
  if (old) old.remove();
  if (!box || !saved || !saved.last || typeof saved.last.path !== 'string') return;
  const { last } = saved;
  const link = make('a', '', `${last.page}: ${last.heading}`);
  link.href = new URL(last.path, ROOT).href + '#' + encodeURIComponent(last.section);
  box.prepend(make('p', 'course-continue', 'Continue where you left off: '));
  box.firstChild.append(link);
  for (const item of $$('.course-module-pages li[data-page]', box)) {
    const heading = saved.pages && saved.pages[item.dataset.page.replace(/\.md$/, '.html')];
    const mark = $('.course-last-read', item) || item.appendChild(make('span', 'course-last-read'));
    mark.textContent = heading ? ` Last read: ${heading}` : '';
  }
}

// records.js: the Progress page, the status on cards and indexes, and continue reading on a module's page.
parts.records = () => {
  enhance('.course-progress', setupProgress);
  setupCards();
  setupReading();
};
parts.records();
})(window.nmwCourse);
