/* The Progress page: the dashboard, misses by module, exams sat, export and import. Needs course.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(({ $, $$, t, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, today, attempt, toReview, quizScore, scoreText, caseFinished, quizFinished, optionId, isRight, sameSet, shuffled, setupQuestion, parts, DAYS, schedule, isDue, confidence, duration, moment, dayText, questionBank }) => {
// status.js: a case's status in words, as cards, indexes and the Progress page say it: not started, in progress,
// or the ending reached and whether it is the best one.
function caseStatus(r, endings = []) {
  if (!r) return t('not_started');
  const last = r.path[r.path.length - 1];
  const end = r.ending;
  const verdict = end && t('ending_verdict', { title: end.title, verdict: t(end.best ? 'best_ending' : 'not_best_ending') });
  if (end && end.stage === last) return t('ending_reached', { ending: verdict });
  if (endings.includes(last)) return t('ending_reached_plain');
  return t('in_progress') + (end ? t('last_ending', { ending: verdict }) : '');
}

// progress.js: the Progress page as a dashboard (hooks/course/progress.py writes what it fills in): the last
// activity, each module's questions answered, right at the first try and cases completed, with a bar each; every
// quiz and case; the misses grouped by module; the exams sat; export, import and clear.
function setupProgress(box) {
  const tools = $('.progress-tools', box);
  const say = liveRegion(tools, 'progress-message');
  const input = make('input');
  const label = make('label', '', t('import_label'));
  input.type = 'file';
  input.accept = '.json,application/json';
  input.id = label.htmlFor = 'progress-import';
  input.onchange = importFile;
  $('.progress-table', box).before(make('p', 'progress-rule', t('progress_rule')));
  tools.prepend(button(t('export'), exportFile), label, input, confirmButton(t('clear'), clear, say));
  fill();

  function fill() {
    const d = load();
    const words = s => (s ? s.split(' ') : []);
    const asked = {};  // question id -> its item in the misses list: version and "Quiz, question n"
    for (const li of $$('.progress-misses li[data-question]', box)) asked[li.dataset.question] = asked[li.dataset.question] || li;
    const saved = id => (d.questions[id] && asked[id] && d.questions[id].v === asked[id].dataset.version ? d.questions[id] : null);
    const caseRows = $$('.progress-table tr[data-case]', box);
    const caseOf = id => { const row = caseRows.find(r => r.dataset.case === id); const r = d.cases[id]; return r && row && r.v === row.dataset.version ? r : null; };
    const last = [];  // [when, what] of every dated record

    for (const row of $$('.progress-table tbody tr', box)) {
      const status = $('.progress-status', row);
      if (row.dataset.questions) {
        const records = words(row.dataset.questions).map(saved);
        const s = quizScore(records, records.length);
        status.textContent = !records.some(Boolean) ? t('not_started') : t(s.answered === s.n ? 'completed_score' : 'in_progress_score', { score: scoreText(s) });
      } else status.textContent = caseStatus(caseOf(row.dataset.case), words(row.dataset.endings));
    }

    for (const row of $$('.progress-modules tbody tr', box)) {
      const records = words(row.dataset.questions).map(saved);
      const cases = words(row.dataset.cases);
      bar($('.progress-answered', row), records.filter(r => r && r.first).length, records.length);
      bar($('.progress-right', row), records.filter(r => r && r.first && r.first.right === true).length, records.length);
      bar($('.progress-cases', row), cases.filter(id => caseFinished(caseOf(id))).length, cases.length);
    }

    let any = false;
    for (const section of $$('.progress-module-misses', box)) {
      const misses = $$('li[data-question]', section);
      for (const li of misses) {
        const r = saved(li.dataset.question);
        li.hidden = !toReview(r);
        if (r && (r.at || r.solved || r.missed)) last.push([r.at || r.solved || r.missed, $('a', li).textContent]);
      }
      const wrong = [];
      for (const row of caseRows.filter(r => r.dataset.module === section.dataset.module)) {
        const link = $('a', row);
        for (const [stage, r] of Object.entries((caseOf(row.dataset.case) || {}).decisions || {})) {
          if (r.at || r.solved || r.missed) last.push([r.at || r.solved || r.missed, t('activity_case', { case: link.textContent, stage: r.title })]);
          if (!toReview(r)) continue;
          const a = make('a', '', `${link.textContent}, ${r.title}`);
          a.href = link.href.split('#')[0] + '#stage-' + stage;
          const li = make('li');
          li.append(a, t('decision_wrong', { choice: r.text || t('an_answer') }));
          wrong.push(li);
        }
      }
      $('.progress-decisions', section).replaceChildren(...wrong);
      section.hidden = !wrong.length && !misses.some(li => !li.hidden);
      any = any || !section.hidden;
    }
    const none = $('.progress-no-misses', box);
    none.textContent = t('no_misses_at_all');
    none.hidden = any;

    const exams = Object.entries(d.exams).filter(([, e]) => e.done).sort((a, b) => (a[1].at < b[1].at ? 1 : -1));
    const table = $('.progress-exams', box);
    $('tbody', table).replaceChildren(...exams.map(([id, e]) => {
      const right = e.items.filter(i => i.right).length;
      const row = make('tr');
      const link = make('a', '', t('see_results'));
      link.href = box.dataset.exam + '#exam-' + id;
      row.append(make('th', '', moment(e.at)), make('td', '', String(e.items.length)),
        make('td', '', t('exam_row_score', { right, n: e.items.length, percent: Math.round((100 * right) / e.items.length) })),
        make('td', '', duration(e.ms || 0)), make('td'));
      row.firstChild.scope = 'row';
      row.lastChild.append(link);
      last.push([e.ended || e.at, t('activity_exam', { n: e.items.length })]);
      return row;
    }));
    table.hidden = !exams.length;
    $('.progress-no-exams', box).hidden = !!exams.length;

    const [when, what] = last.sort((a, b) => (a[0] < b[0] ? 1 : -1))[0] || [];
    $('.progress-last', box).textContent = when ? t('last_activity', { when: when.length > 10 ? moment(when) : dayText(when), what }) : $('.progress-last', box).textContent;
    if (window.nmwMarks) window.nmwMarks();
  }

  // A count, in words and as a bar (the bar repeats the words, so it is hidden from screen readers).
  function bar(cell, n, total) {
    if (!total) return cell.replaceChildren('\u2013');
    const track = make('span', 'progress-bar');
    const fill = track.appendChild(make('span'));
    track.setAttribute('aria-hidden', 'true');
    fill.style.width = (100 * n) / total + '%';
    cell.replaceChildren(make('span', 'progress-count', t('of', { n, total })), track);
  }

  function exportFile() {
    const link = make('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(load(), null, 1)], { type: 'application/json' }));
    link.download = 'course-progress.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say(t('exported'));
  }

  async function importFile() {
    const file = input.files[0];
    try {
      save(parse(await file.text()));
      fill();
      say(t('imported', { file: file.name }));
    } catch (e) {
      say(t('not_imported', { file: file.name }));
    }
    input.value = '';
  }

  function clear() {
    try { [KEY, OLD_KEY].forEach(k => localStorage.removeItem(k)); } catch (e) { /* unsaved */ }
    fill();
    say(t('cleared'));
  }
}

parts.progress = () => enhance('.course-progress', setupProgress);
parts.progress();
})(window.nmwCourse);
