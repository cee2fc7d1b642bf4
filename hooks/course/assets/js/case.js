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

