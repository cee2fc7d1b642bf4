// case.js: an unfolding case, one stage at a time: branches, saved path, decisions, the ending reached, a summary.
function setupCase(box) {
  const say = liveRegion(box);
  const stages = $$('.case-stage', box);
  const close = $('.case-close', box);
  const path = close.appendChild(make('div', 'case-path'));
  const sid = stage => stage.dataset.stage;
  const byId = id => stages.find(s => sid(s) === id);
  const title = stage => $('h3', stage).textContent;
  const isEnding = stage => stage.dataset.ending === 'true';
  const decisions = new Map();
  const continues = new Map();
  const fresh = kept => ({ v: box.dataset.version, path: [sid(stages[0])], choices: {}, decisions: kept.decisions || {}, ending: kept.ending });
  let state = fresh({});
  for (const stage of stages) {
    const q = $('.quiz-question', stage);
    if (q) decisions.set(stage, setupQuestion(q, say, t('choose_again'), change => keep(stage, change), () => decide(stage)));
    continues.set(stage, stage.appendChild(button(t('continue'), () => advance(stage), 'course-primary')));
    $('h3', stage).tabIndex = -1;
  }
  box.append(confirmButton(t('restart_case'), restart, say), button(t('print'), () => print()));
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
    state = fresh(saved);
    for (let i = 0; i < stages.length; i++) {
      const stage = byId(state.path[i]);
      const chosen = saved.choices[sid(stage)];
      const decision = decisions.get(stage);
      if (decision) {
        if (!chosen || !chosen.length || !chosen.every(c => decision.options().some(o => optionId(o) === c))) break;
        state.choices[sid(stage)] = chosen;
        if (!state.decisions[sid(stage)]) {  // saved before decisions were recorded
          const right = sameSet(chosen, decision.options().filter(isRight).map(optionId));
          keep(stage, r => attempt(Object.assign(r, { chosen, right }), chosen, right));
          decide(stage, true);
        }
      }
      const next = nextOf(stage);
      if (!next || saved.path[i + 1] !== sid(next)) break;
      state.path.push(sid(next));
    }
    update(d => { d.cases[box.dataset.case] = reached(); });
  }

  function keep(stage, change) {
    const r = state.decisions[sid(stage)] = { ...state.decisions[sid(stage)], title: title(stage) };
    change(r);
    if (r.checked === false && state.choices[sid(stage)]) {  // Choose again: the path ends here
      state.path.splice(state.path.indexOf(sid(stage)) + 1).forEach(id => delete state.choices[id]);
      delete state.choices[sid(stage)];
      store();
    }
    return r;
  }

  function decide(stage, quiet) {
    const r = state.decisions[sid(stage)];
    state.choices[sid(stage)] = r.chosen;
    if (!r.right) r.text = texts(decisions.get(stage), r.chosen);
    if (quiet) return;
    store();
    say(decisions.get(stage).result.textContent);
  }

  // The best ending is one reached with every decision on the way right.
  function reached() {
    const last = byId(state.path[state.path.length - 1]);
    const best = state.path.every(id => !state.decisions[id] || state.decisions[id].right);
    if (isEnding(last)) state.ending = { stage: sid(last), title: last.dataset.outcome || title(last), best };
    return state;
  }

  function render() {
    const shown = state.path.map(byId);
    const last = shown[shown.length - 1];
    for (const stage of stages) {
      const decision = decisions.get(stage);
      const chosen = state.choices[sid(stage)];
      const r = state.decisions[sid(stage)];
      stage.hidden = !shown.includes(stage);
      if (chosen) decision.show(chosen, true, r);
      else if (decision && (decision.checked || decision.record !== r)) decision.show([], false, r);
      continues.get(stage).hidden = stage !== last || (decision && !chosen) || isEnding(stage) || !nextOf(stage);
    }
    shown.forEach(stage => box.insertBefore(stage, close));
    close.hidden = !isEnding(last);
    path.replaceChildren(make('h3', '', t('your_path')), summary());
  }

  function store() {
    update(d => { d.cases[box.dataset.case] = reached(); });
    render();
  }

  function advance(stage) {
    const next = nextOf(stage);
    state.path.push(sid(next));
    store();
    $('h3', next).focus();
    say(t('new_stage', { title: title(next) }));
  }

  function restart() {
    for (const r of Object.values(state.decisions)) delete r.first;
    state = fresh(state);
    store();
    $('h3', stages[0]).focus();
    say(t('case_restarted'));
  }

  function texts(decision, chosen) {
    return decision.options().filter(o => chosen.includes(optionId(o))).map(o => t('quoted', { text: $('label', o).textContent.slice(3) })).join(t('and'));
  }

  function summary() {
    const list = make('ol');
    for (const id of state.path) {
      const decision = decisions.get(byId(id));
      const chosen = state.choices[id];
      const item = list.appendChild(make('li'));
      item.append(make('strong', '', title(byId(id))));
      if (chosen) item.append(t('you_chose', { choice: texts(decision, chosen), verdict: t(decision.right ? 'correct' : 'not_best_choice') }));
    }
    return list;
  }
}

parts.case = () => {
  enhance('.case', setupCase);
  skipLink();
};
parts.case();
