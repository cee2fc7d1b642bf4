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

