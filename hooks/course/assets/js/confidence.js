// confidence.js: "How sure were you?" after an answer: sure, unsure or guessed, which the schedule reads.
// pick(value) is called with the student's choice; set(value) shows a saved one.
function confidence(pick) {
  const box = make('p', 'quiz-confidence', t('how_sure') + ' ');
  const buttons = ['sure', 'unsure', 'guessed'].map(value => {
    const b = button(t(value), () => { set(value); pick(value); });
    b.value = value;
    return b;
  });
  const set = value => buttons.forEach(b => b.setAttribute('aria-pressed', b.value === value));
  box.append(...buttons);
  set();
  return { box, set };
}
