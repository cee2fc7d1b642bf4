// schedule.js: the spaced review's schedule (review.py), for the parts where questions are answered and for marks.js.
// Leitner boxes 1 to 4 come back after 1, 3, 7 and 21 days. A miss or a guess goes to box 1; right and sure when
// due, up a box (past box 4 it leaves the queue); unsure, the same box again; right before it is due changes nothing. `prior` is the box before this check, so a rating given after the feedback
// (again = true) decides from the same place.
const DAYS = [1, 3, 7, 21];
function schedule(r, right, sure, again) {
  if (!again) {
    r.prior = { box: r.box || 0, due: r.due || '' };
    delete r.sure;
  }
  const { box, due } = r.prior || { box: 0, due: '' };
  let next = box;
  if (!right || sure === 'guessed') next = 1;
  else if (!box) next = sure === 'unsure' ? 1 : 0;
  else if (due <= today()) next = box + (sure === 'unsure' ? 0 : 1);
  if (sure) r.sure = sure;
  if (next < 1 || next > DAYS.length) {
    delete r.box;
    delete r.due;
  } else Object.assign(r, { box: next, due: next === box && due > today() && right ? due : today(DAYS[next - 1]) });
  return r;
}
const isDue = (r, day = today()) => !!(r && r.box && r.due <= day);
