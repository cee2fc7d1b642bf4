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
