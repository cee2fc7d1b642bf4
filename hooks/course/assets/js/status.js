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
