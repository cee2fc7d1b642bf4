/* Exam mode: build and sit a mixed exam drawn from the question bank. Needs course.js and study.js.
   Generated from hooks/course/assets/js/ by `make js`: edit those files, not this one. */
(({ $, $$, t, make, button, confirmButton, liveRegion, enhance, skipLink, KEY, OLD_KEY, load, save, update, parse, today, attempt, toReview, quizScore, scoreText, caseFinished, quizFinished, optionId, isRight, sameSet, shuffled, setupQuestion, parts, DAYS, schedule, isDue, confidence, duration, moment, dayText, questionBank }) => {
// exam.js: exam mode (hooks/course/exam.py writes the form). A set drawn across the quizzes from the question bank
// (bank.js), shuffled from a seed kept with the exam; answers saved as chosen and locked without feedback; flags, a
// navigator, an optional pausable timer that records the time on each question; then the results, every question
// with its full feedback. The exam lives in the saved progress (exams.<id>), so a reload resumes it and the
// Progress page lists it; its answers count as checked answers and enter the review's schedule.
function setupExam(box) {
  const form = $('.course-exam-build', box);
  const say = liveRegion(box);
  const view = box.appendChild(make('div', 'exam-view'));
  let bank, exam, id, timer;

  questionBank(box.dataset.bank).then(found => {
    bank = found;
    const wanted = location.hash.match(/^#exam-(.+)$/);
    const saved = load().exams;
    if (wanted && saved[wanted[1]] && saved[wanted[1]].done) return results(wanted[1], saved[wanted[1]]);
    const open = Object.keys(saved).find(k => !saved[k].done);
    if (open) offerResume(open, saved[open]);
    form.hidden = false;
    form.oninput = matching;
    form.onsubmit = event => { event.preventDefault(); start(); };
    matching();
  });

  const byId = qid => bank.find(qid);
  const current = (d, q) => (d.questions[q.id] && d.questions[q.id].v === q.v ? d.questions[q.id] : null);
  const values = name => $$(`input[name="${name}"]:checked`, form).map(i => i.value);

  function settings() {
    return { modules: values('module'), tags: values('tag'), difficulty: values('difficulty'), pool: values('pool')[0],
      count: +form.count.value, timed: form.timed.checked, seconds: +form.seconds.value };
  }

  function pool(s) {
    const d = load();
    return bank.questions.filter(q => s.modules.includes(q.module) && (!s.tags.length || q.tags.some(g => s.tags.includes(g)))
      && (!$('input[name="difficulty"]', form) || s.difficulty.includes(q.difficulty))
      && (s.pool === 'missed' ? toReview(current(d, q)) : s.pool !== 'unseen' || !(current(d, q) || {}).first));
  }

  function matching() {
    const n = pool(settings()).length;
    $('.course-exam-matching', form).textContent = n ? t('matching', { n }) : t('none_matching');
    $('button[type="submit"]', form).disabled = !n;
    form.count.disabled = settings().pool === 'missed';  // all of them
  }

  // The same seed always gives the same order.
  function shuffle(list, seed) {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = Math.floor((seed / 2147483648) * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  function start() {
    const s = settings();
    const seed = Date.now() % 2147483648;
    const drawn = shuffle(pool(s), seed).slice(0, s.pool === 'missed' ? undefined : Math.max(1, s.count));
    id = 'e' + seed.toString(36);
    exam = { at: new Date().toISOString(), done: false, seed, settings: s, ms: 0, now: 0,
      limit: s.timed ? s.seconds * 1000 * drawn.length : 0,
      items: drawn.map(q => ({ id: q.id, v: q.v, chosen: [], locked: false, flag: false, ms: 0, sure: '' })) };
    keep();
    run();
  }

  function keep() {
    update(d => { d.exams[id] = exam; });
  }

  function offerResume(open, saved) {
    const note = make('div', 'exam-resume');
    const answered = saved.items.filter(i => i.chosen.length).length;
    note.append(make('p', '', t('resume_exam', { when: moment(saved.at), answered, n: saved.items.length })),
      button(t('resume_button'), () => { note.remove(); id = open; exam = saved; run(); }, 'course-primary'),
      confirmButton(t('discard_exam'), () => { update(d => { delete d.exams[open]; }); note.remove(); matching(); }, say));
    form.before(note);
  }

  // -- the exam itself ------------------------------------------------------------------------------------

  function run() {
    form.hidden = true;
    $$('.exam-resume, .course-exam-intro', box).forEach(n => { n.hidden = true; });
    const clock = make('p', 'exam-timer');
    const pause = button(t('pause'), togglePause);
    const nav = make('nav', 'exam-nav');
    const list = nav.appendChild(make('ol'));
    const title = make('h2', 'exam-title');
    const holder = make('div', 'exam-question');
    const locked = make('p', 'exam-locked', t('locked'));
    const flag = button(t('flag'), () => { item().flag = !item().flag; keep(); draw(); });
    const lock = button(t('lock'), () => { item().locked = true; keep(); draw(); say(t('locked')); }, 'course-primary');
    const sure = confidence(value => { item().sure = value; keep(); });
    const prev = button(t('previous_question'), () => go(exam.now - 1));
    const next = button(t('next_question'), () => go(exam.now + 1));
    const end = confirmButton(t('end_exam'), finish, say);
    clock.setAttribute('role', 'timer');
    nav.setAttribute('aria-label', t('navigator'));
    title.tabIndex = -1;
    exam.items.forEach((_, n) => list.appendChild(make('li')).appendChild(button(String(n + 1), () => go(n))));
    view.replaceChildren(make('div', 'exam-bar'), nav, title, holder, locked, sure.box,
      make('p', 'exam-actions'));
    view.firstChild.append(clock, pause);
    view.lastChild.append(flag, lock, prev, next, end);
    let paused = false, last = Date.now();
    // announced once each, when the exam is longer: half the time gone, 5 minutes left, 1 minute left
    const milestones = [[exam.limit / 2, 'half'], [300000, 5], [60000, 1]].filter(([at]) => at < exam.limit);
    draw();
    title.focus();
    timer = setInterval(tick, 1000);
    addEventListener('pagehide', keep);

    function item() { return exam.items[exam.now]; }

    function go(n) {
      if (n < 0 || n >= exam.items.length || paused) return;
      exam.now = n;
      keep();
      draw();
      title.focus();
    }

    function draw() {
      const it = item();
      const q = byId(it.id);
      const total = exam.items.length;
      const content = bank.render(q, t('question_n', { n: exam.now + 1 }));
      $('.quiz-answer', content).remove();
      holder.replaceChildren(content);
      for (const input of $$('input', holder)) {
        input.checked = it.chosen.includes(input.value);
        input.disabled = it.locked || paused;
        input.onchange = () => { it.chosen = $$('input:checked', holder).map(i => i.value); keep(); mark(); };
      }
      title.textContent = t('exam_label', { n: exam.now + 1, total });
      locked.hidden = sure.box.hidden = !it.locked;
      lock.hidden = it.locked;
      sure.set(it.sure);
      flag.setAttribute('aria-pressed', it.flag);
      prev.disabled = exam.now === 0;
      next.disabled = exam.now === total - 1;
      holder.hidden = paused;
      mark();
      show();
    }

    function unanswered() { return exam.items.filter(i => !i.chosen.length).length; }

    // The navigator says, for each question, whether it is answered, flagged and the one shown.
    function mark() {
      if (!end.dataset.confirm) end.textContent = unanswered() ? t('end_unanswered', { n: unanswered() }) : t('end_exam');
      $$('button', list).forEach((b, n) => {
        const it = exam.items[n];
        const state = [it.chosen.length ? t('nav_answered') : t('nav_unanswered'), it.flag && t('nav_flagged')].filter(Boolean);
        b.setAttribute('aria-label', t('labelled', { label: t('nav_item', { n: n + 1 }), text: state.join(', ') }));
        b.className = 'course-button exam-nav-item' + (it.chosen.length ? ' is-answered' : '') + (it.flag ? ' is-flagged' : '');
        if (n === exam.now) b.setAttribute('aria-current', 'step');
        else b.removeAttribute('aria-current');
        b.disabled = paused;
      });
    }

    function togglePause() {
      paused = !paused;
      last = Date.now();
      pause.textContent = t(paused ? 'resume' : 'pause');
      pause.setAttribute('aria-pressed', paused);
      draw();
      say(t(paused ? 'paused' : 'resumed'));
      keep();
    }

    // Time runs only while the question can be seen; it is announced at half time, 5 minutes and 1 minute left.
    function tick() {
      const now = Date.now();
      if (!paused) {
        exam.ms += now - last;
        item().ms += now - last;
      }
      last = now;
      if (exam.limit && exam.ms >= exam.limit) {
        item().ms -= exam.ms - exam.limit;
        exam.ms = exam.limit;
        say(t('time_up'));
        return finish();
      }
      show();
      if (Math.round(exam.ms / 1000) % 5 === 0) keep();
    }

    function show() {
      const left = exam.limit ? Math.max(0, exam.limit - exam.ms) : exam.ms;
      const s = Math.ceil(left / 1000);
      const time = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      clock.textContent = t(exam.limit ? 'time_left' : 'time_spent', { time });
      const passed = milestones.filter(([at]) => left <= at);
      if (!passed.length) return;
      const [, what] = passed[passed.length - 1];
      milestones.splice(0, milestones.indexOf(passed[passed.length - 1]) + 1);
      say(what === 'half' ? t('time_half', { time: duration(left) }) : t('time_minutes', { n: what }));
    }
  }

  function results(key, done) {
    form.hidden = true;
    const shown = () => parts.examResults({ view, bank, say, key, exam: done });
    if (parts.examResults) return shown();
    document.head.append(Object.assign(document.createElement('script'), { src: RESULTS, onload: shown }));
  }

  function finish() {
    clearInterval(timer);
    const d = load();
    for (const it of exam.items) {
      const q = byId(it.id);
      it.right = it.chosen.length > 0 && sameSet(it.chosen, bank.correct(q));
      if (!it.chosen.length) continue;
      const r = current(d, q) || (d.questions[q.id] = { v: q.v, chosen: [], checked: false });
      attempt(Object.assign(r, { chosen: it.chosen, checked: true, right: it.right }), it.chosen, it.right);
      schedule(r, it.right, it.sure || undefined);
    }
    Object.assign(exam, { done: true, ended: new Date().toISOString() });
    d.exams[id] = exam;
    save(d);
    history.replaceState(null, '', '#exam-' + id);
    results(id, exam);
  }
}

// The results come in their own file (exam-results.js), loaded when an exam ends or its results are asked for.
const RESULTS = new URL('exam-results.js', document.currentScript.src).href;

parts.exam = () => enhance('.course-exam', setupExam);
parts.exam();
})(window.nmwCourse);
