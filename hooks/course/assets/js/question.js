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

