"""Rules about what surrounds an item: feedback that teaches, and the objective, tags and difficulty
that let the course show what each item is for."""

from __future__ import annotations

import difflib
from collections import Counter

from .items import Item, Reporter
from .registry import RULES, Example, rule
from .text import count_words

MIN_FEEDBACK_WORDS = 8

TITLE = "Feedback, objectives, tags and difficulty"


@rule("feedback-short", "An option's feedback has fewer than 8 words.",
      example=Example(
          bad="""\
options:
  - {text: Forced vital capacity, correct: true, feedback: Right.}
  - {text: Oxygen saturation, correct: false, feedback: A late sign.}
""",
          good="""\
options:
  - text: Forced vital capacity
    correct: true
    feedback: Right. It falls before gas exchange fails and can be repeated at the bedside.
  - text: Oxygen saturation
    correct: false
    feedback: It stays normal until late, especially with oxygen on, so it falsely reassures.
"""))
def feedback_short(report: Reporter) -> None:
    """Every option's feedback needs **at least 8 words**. Students read the feedback of every option,
    and a bare "Right." or "Wrong." tells them nothing they did not know; eight words are about the
    shortest sentence that says why ("It stays normal until late in ventilatory failure"). The item
    audit found 15 of 491 feedbacks under 10 words; the threshold leaves room for a terse but
    reasoned line."""
    for item in report.items:
        for option in item.question.options:
            n = count_words(option.feedback)
            if n < MIN_FEEDBACK_WORDS:
                report.item(item, f"the feedback of option {option.id} has {n} word{'s' * (n != 1)} (at least "
                                  f"{MIN_FEEDBACK_WORDS}): say why this option is right or wrong for this patient",
                            field=item.option_field(option) + ".feedback", line=option.line)


def _objective_hint(report: Reporter, item: Item) -> str:
    module = report.course.modules.get(item.module)
    if module and module.objectives:
        return f"name one of {module.source}'s objectives ({', '.join(o.id for o in module.objectives)})"
    return "name the learning objective it tests"


@rule("missing-objective", "A question or decision names no learning objective.",
      example=Example(
          bad="""\
difficulty: medium
tags: [gbs, respiratory-monitoring]
""",
          good="""\
difficulty: medium
tags: [gbs, respiratory-monitoring]
objective: icu-breathing
"""))
def missing_objective(report: Reporter) -> None:
    """Every quiz question and case decision names the objective it tests (`objective:`, an id
    declared in its module page's front matter). Without it `objective-coverage` cannot tell which
    objectives go untested, and a student reviewing a miss cannot be sent back to what it
    teaches."""
    for item in report.items:
        if not item.question.objective:
            report.item(item, f"no objective: add 'objective:' and {_objective_hint(report, item)}",
                        field=item.field + ".objective")


@rule("missing-tags", "A question or decision has no tags.",
      example=Example(
          bad="""\
difficulty: medium
objective: icu-breathing
""",
          good="""\
difficulty: medium
objective: icu-breathing
tags: [gbs, respiratory-monitoring]
"""))
def missing_tags(report: Reporter) -> None:
    """Every quiz question and case decision carries at least one tag from tags.yml: its topic
    (disease or level) and, where it helps, its task. Tags are how instructors find every item on a
    topic, and how a reviewer sees that a teaching point is tested ten times and another never."""
    for item in report.items:
        if not item.question.tags:
            report.item(item, f"no tags: add 'tags:' {_tag_hint(report, item)}", field=item.field + ".tags")


def _tag_hint(report: Reporter, item: Item) -> str:
    """An example that would pass: the tags the item's module uses most, or the vocabulary's first ones; never
    a tag that tags.yml lacks, which the build would then reject."""
    vocabulary = report.course.tags
    used = Counter(t for other in report.items if other.module == item.module for t in other.question.tags
                   if not vocabulary or t in vocabulary)
    examples = [t for t, _ in used.most_common(2)] or list(vocabulary)[:2] or [item.module]
    return f"with its topic{' from tags.yml' if vocabulary else ''} (for example [{', '.join(examples)}])"


@rule("missing-difficulty", "A question or decision has no difficulty.",
      example=Example(
          bad="""\
objective: icu-breathing
tags: [gbs, respiratory-monitoring]
""",
          good="""\
objective: icu-breathing
tags: [gbs, respiratory-monitoring]
difficulty: hard
"""))
def missing_difficulty(report: Reporter) -> None:
    """Every quiz question and case decision says how hard it is (`difficulty:` easy, medium or hard),
    so a quiz can be balanced and an instructor can see when a module tests only the easy parts. No
    rule can tell whether the label is right; a reviewer judges that, and the label tells the reviewer
    what the author meant the item to be."""
    for item in report.items:
        if not item.question.difficulty:
            report.item(item, "no difficulty: add 'difficulty:' easy, medium or hard", field=item.field + ".difficulty")


def _unknown(ids, known) -> list[str]:
    out = []
    for rule_id in ids:
        if rule_id not in known:
            hint = difflib.get_close_matches(rule_id, known, n=1)
            out.append(f"'{rule_id}'" + (f" (did you mean '{hint[0]}'?)" if hint else ""))
    return out


@rule("unknown-ignore", "A lint ignore names a rule that does not exist.",
      example=Example(
          bad="""\
lint: {ignore: [key-longst], why: The key names a drug and its dose; anything shorter would be vague.}
""",
          good="""\
lint: {ignore: [key-longest], why: The key names a drug and its dose; anything shorter would be vague.}
"""))
def unknown_ignore(report: Reporter) -> None:
    """Every rule named in `lint: {ignore: [...]}` must exist (`course lint --rules` lists them). A
    misspelt id silences nothing, so the author believes a finding is explained while it is still
    reported, or, worse, a later rule of that name is silenced without anyone deciding it."""
    known = list(RULES)
    for item in report.items:
        if unknown := _unknown(item.question.lint, known):
            report.item(item, f"lint ignores unknown rule {', '.join(unknown)}: use an id from `course lint --rules`",
                        field=item.field + ".lint.ignore")
    for quiz in report.course.quizzes.values():
        if unknown := _unknown(quiz.lint, known):
            report.at(quiz.source, quiz.line, "lint.ignore",
                      f"lint ignores unknown rule {', '.join(unknown)}: use an id from `course lint --rules`")
    for case in report.course.cases.values():
        if unknown := _unknown(case.lint, known):
            report.case(case, f"lint ignores unknown rule {', '.join(unknown)}: use an id from `course lint --rules`",
                        field="lint.ignore")
