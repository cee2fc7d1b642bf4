"""Rules about the course as one bank: how much of it uses weak formats, whether multiple-select items
can be gamed by counting, and whether every declared objective is tested."""

from __future__ import annotations

from collections import Counter

from .items import Reporter, listing, share
from .registry import Example, rule

TRUE_FALSE_SHARE = 0.05
MULTIPLE_SHARE = 0.15
MIN_TESTS = 2  # objective-coverage: items and decisions per objective

TITLE = "The bank as a whole"


@rule("true-false-share", "More than 5% of the course's items are true/false.", target="course-bank", example=Example(
    bad="A course of 120 quiz questions and 40 case decisions with 12 true/false questions (7.5%).",
    good="The same course with 3 true/false questions (1.9%), the rest rewritten as single best answer.",
    kind="prose"))
def true_false_share(report: Reporter) -> None:
    """Counted over the whole course, quiz questions and case decisions together, because a student
    meets the formats across quizzes, not one quiz at a time (a quiz of ten items could not hold even
    one true/false item under a 5% limit). A true/false item is answered right half the time by a
    guess and tests recognising a statement, not applying it; licensing exams do not use them. At
    most **5%**, and none is better: rewrite each as a single-best-answer vignette whose options are
    the misconception and its rivals. An item silenced for this rule is left out of the count."""
    bank = report.view.course_bank
    found = report.counted(bank, [i for i in bank.items if i.type == "true-false"])
    total = len(bank.items)
    if total and len(found) / total > TRUE_FALSE_SHARE:
        allowed = int(TRUE_FALSE_SHARE * total)
        verb = "is" if len(found) == 1 else "are"
        report.bank(bank, f"{len(found)} of the course's {total} items ({share(len(found), total)}) {verb} true/false, "
                          f"above the {round(100 * TRUE_FALSE_SHARE)}% limit: rewrite at least {len(found) - allowed} "
                          f"as single best answer ({listing(found)})", found)


@rule("multiple-select-share", "More than 15% of the course's items are multiple select.", target="course-bank",
      example=Example(
    bad="A course of 160 items of which 33 (21%) are multiple select.",
    good="The same course with 20 multiple-select items (12.5%), each one where choosing several really is the task "
         "(for example, every finding that favours a cholinergic crisis).",
    kind="prose"))
def multiple_select_share(report: Reporter) -> None:
    """Counted over the whole course, like `true-false-share`. Multiple-select items are scored all
    or nothing, so one slip costs the whole item, and they drift into lists of loosely related true
    statements. Keep them for questions where choosing several really is the task; at most **15%** of
    the course, the rest single best answer."""
    bank = report.view.course_bank
    found = report.counted(bank, [i for i in bank.items if i.type == "multiple"])
    total = len(bank.items)
    if total and len(found) / total > MULTIPLE_SHARE:
        allowed = int(MULTIPLE_SHARE * total)
        verb = "is" if len(found) == 1 else "are"
        report.bank(bank, f"{len(found)} of the course's {total} items ({share(len(found), total)}) {verb} multiple "
                          f"select, above the {round(100 * MULTIPLE_SHARE)}% limit: rewrite at least "
                          f"{len(found) - allowed} as single best answer ({listing(found)})", found)


@rule("multiple-select-key-count", "Most multiple-select items have the same number of correct options.",
      target="course-bank", example=Example(
          bad="Eleven of thirteen multiple-select items have exactly three correct options out of five.",
          good="Thirteen multiple-select items with one, two, three or four correct options, no count in more than "
               "half of them.",
          kind="prose"))
def multiple_select_key_count(report: Reporter) -> None:
    """Counted over the whole course. When most multiple-select items have the same number of correct
    options (the item audit found 11 of 13 with three of five), a student who always picks that many
    is helped by the count instead of the content. Fails when **more than half** of the course's
    multiple-select items share one count; with a single multiple-select item there is nothing to
    vary. Let the content decide: one correct option is allowed, and so is all but one."""
    bank = report.view.course_bank
    found = report.counted(bank, [i for i in bank.items if i.type == "multiple"])
    if len(found) < 2:
        return
    counts = Counter(len(i.keys) for i in found)
    count, n = counts.most_common(1)[0]
    if n > len(found) / 2:
        same = [i for i in found if len(i.keys) == count]
        options = "option" if count == 1 else "options"
        report.bank(bank, f"{n} of the course's {len(found)} multiple-select items have exactly {count} correct "
                          f"{options}: a student who always picks {count} is helped by the count; vary it with the "
                          f"content ({listing(same)})", same)


@rule("objective-coverage", "A learning objective declared in a module's front matter is tested by fewer than two "
      "items and decisions.", target="objective", example=Example(
          bad="The ICU module declares the objective icu-diagnose-gbs, and only one quiz question names it.",
          good="Two quiz questions and one case decision name icu-diagnose-gbs, testing different steps "
               "(the diagnosis, the nerve studies, the Brighton level).",
          kind="prose"))
def objective_coverage(report: Reporter) -> None:
    """Every objective in a module's front matter (`objectives:` with ids) must be named by **at least
    two** quiz questions or case decisions, anywhere in the course. One item is a single shot: a
    student who gets it right by luck, or wrong by one slip, learns nothing reliable about that
    objective, and the item audit found whole parts of objectives no item tested. The finding points
    at the objective in the module page. It is a course-level rule, so it warns in a course of fewer
    than 10 items; an objective cannot be silenced: test it, or take it out of the module. A module
    that has no items yet (just made with `course new module`) gets a warning, "no items yet", for each
    objective instead, so a new module does not fail `make check` before its first quiz or case."""
    tested: dict[str, list] = {}
    for item in report.items:
        tested.setdefault(item.question.objective, []).append(item)
    small = report.view.course_bank.small
    for module in report.course.modules.values():
        new = not any(item.module == module.id for item in report.items)
        for index, objective in enumerate(module.objectives):
            n = len(tested.get(objective.id, ()))
            if n == 0 and new:
                report.at(module.source, objective.line, f"objectives[{index}]",
                          f"objective '{objective.id}' has no items yet: the module has no quiz questions or case "
                          f"decisions; write at least {MIN_TESTS} with 'objective: {objective.id}' (course new quiz "
                          f"NAME --module {module.id} starts a quiz that does)", small=True)
            elif n < MIN_TESTS:
                by = "by no item or decision" if n == 0 else f"only by {tested[objective.id][0].where}"
                message = (f"objective '{objective.id}' is tested {by}; at least {MIN_TESTS} items or decisions "
                           f"should test it: write them with 'objective: {objective.id}', or take the objective out")
                report.at(module.source, objective.line, f"objectives[{index}]", message, small=small)
