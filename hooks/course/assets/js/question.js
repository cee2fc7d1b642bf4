// question.js: a quiz question or case decision: options with their feedback, check, retry, and its history.
const optionId = o => o.dataset.option;
const isRight = o => o.dataset.correct === 'true';
const sameSet = (a, b) => a.length === b.length && a.every(x => b.includes(x));

// keep(change) changes the saved record and returns it; done(question) follows a check.
function setupQuestion(q, say, retryText, keep, done) {
  const fieldset = $('fieldset', q);
  const details = $('.quiz-answer', q);
  const explanation = $('.quiz-explanation', details);
  const options = () => $$('.quiz-option', fieldset);
  const chosenIn = list => list.filter(o => o.firstChild.checked).map(optionId);
  const correct = () => options().filter(isRight).map(optionId);
  const letters = ids => options().filter(o => ids.includes(optionId(o))).map(o => $('.quiz-letter', o).textContent[0]).join(', ');
  const result = make('p', 'quiz-result');
  const past = make('p', 'quiz-history');
  const check = button('Check answer', onCheck, 'course-primary');
  const retry = button(retryText, () => {
    show([], false, keep(r => Object.assign(r, { chosen: [], checked: false })));
    $('input', fieldset).focus();
  });
  const question = { id: q.dataset.question, el: q, result, options, show, arrange };
  for (const o of options()) {
    const item = $(`.quiz-feedback[data-option="${optionId(o)}"]`, details);
    const box = o.appendChild(make('div', 'quiz-option-feedback'));
    o.dataset.correct = item.dataset.correct;
    $$('.quiz-verdict, .case-route', item).forEach(n => n.remove());
    box.tabIndex = -1;
    box.append(make('strong', 'quiz-mark'), ...item.childNodes);
  }
  if (q.dataset.type === 'multiple') {
    $('legend', fieldset).after(make('p', 'quiz-rule', 'Scored all or nothing: right only when you choose every correct option and no other.'));
  }
  result.tabIndex = -1;
  details.replaceWith(past, result, explanation, check, retry);
  fieldset.onchange = () => {
    result.hidden = true;
    keep(r => { r.chosen = chosenIn(options()); });
  };
  show([], false);
  return question;

  function verdict(chosen) {
    const want = correct();
    const found = want.filter(id => chosen.includes(id)).length;
    let text = sameSet(chosen, want) ? 'Correct.' : `Incorrect. The answer is ${letters(want)}.`;
    if (q.dataset.type === 'multiple') {
      text += ` You chose ${found} of ${want.length} correct options (${want.length - found} missed) and ${chosen.length - found} incorrect.`;
    }
    return text;
  }

  function show(chosen, checked, r = question.record) {
    const right = checked && sameSet(chosen, correct());
    for (const o of options()) {
      const pick = chosen.includes(optionId(o));
      o.firstChild.checked = pick;
      o.firstChild.disabled = checked;
      o.classList.toggle('is-chosen', checked && pick);
      o.classList.toggle('is-right', checked && isRight(o));
      o.classList.toggle('is-wrong', checked && !isRight(o));
      o.lastChild.hidden = !checked;
      $('.quiz-mark', o).textContent = pick ? `Your choice: ${isRight(o) ? 'correct' : 'incorrect'}.` : isRight(o) ? 'Correct answer.' : 'Incorrect.';
    }
    Object.assign(question, { checked, right, record: r });
    result.hidden = explanation.hidden = retry.hidden = !checked;
    check.hidden = checked;
    result.className = 'quiz-result is-' + (right ? 'right' : 'wrong');
    result.textContent = verdict(chosen);
    const first = r && r.first;
    past.textContent = (first && !(checked && sameSet(first.chosen, chosen))
      ? `First try: ${first.right ? 'right' : 'wrong'} (${letters(first.chosen)})${checked ? `; later: ${right ? 'right' : 'wrong'}` : ''}. ` : '')
      + (toReview(r) ? 'In Review my misses until you answer it right on a later day.' : '');
    past.hidden = !past.textContent;
  }

  // Focus goes to the feedback on the student's own choice; done() announces the verdict.
  function onCheck() {
    const chosen = chosenIn(options());
    if (!chosen.length) {
      result.className = 'quiz-result';
      result.hidden = false;
      return say(result.textContent = 'Choose an answer first.');
    }
    const right = sameSet(chosen, correct());
    show(chosen, true, keep(r => attempt(Object.assign(r, { chosen, checked: true, right }), chosen, right)));
    done(question);
    const feedback = options().find(o => chosen.includes(optionId(o))).lastChild;
    feedback.focus({ preventScroll: true });
    feedback.scrollIntoView({ block: 'center' });
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
