"""Loaded once per change: the course is read once however many pages ask for it, a one-file edit re-reads
only that file, and a quiz's texts are converted in one pass and not again."""

from __future__ import annotations

import os

import markdown
import pytest

import course.fragments as fragments
import course.load as load
import course.loaded as loaded
from course import CourseError
from course.markdown_ext import CourseExtension
from helpers import copy_course, edit

QUIZ = "quizzes/crisis-sample.yml"


@pytest.fixture
def course(tmp_path):
    return copy_course(tmp_path)


def _bump(path):
    """Save the file again with a later modification time, as an editor does."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_many_pages_load_the_course_once(course, monkeypatch):
    calls = []
    real = loaded.load_course
    monkeypatch.setattr(loaded, "load_course", lambda *a: calls.append(a) or real(*a))
    for _ in range(5):  # a fresh Markdown instance and extension per page, as both engines make
        markdown.markdown("[quiz: crisis-sample]\n", extensions=[CourseExtension(root=str(course))])
    assert len(calls) == 1
    first = loaded.course_at(course)
    edit(course / QUIZ, "title: Sample quiz", "title: Sample quiz, edited")
    _bump(course / QUIZ)
    second = loaded.course_at(course)
    assert len(calls) == 2 and second is not first and second.quizzes["crisis-sample"].title == "Sample quiz, edited"
    assert loaded.course_at(course) is second


def test_a_one_file_edit_reads_only_that_file_again(course, monkeypatch):
    loaded.course_at(course)
    read = []
    real = load.read_yaml
    monkeypatch.setattr(load, "read_yaml", lambda path, display, raw=None: read.append(display) or real(path, display, raw))
    edit(course / QUIZ, "title: Sample quiz", f"title: Sample quiz, edited in {course}")  # bytes not read before
    _bump(course / QUIZ)
    loaded.course_at(course)
    assert read == [QUIZ]


def test_a_broken_course_is_reported_to_every_page_without_reading_it_again(course, monkeypatch):
    edit(course / QUIZ, "title: Sample quiz", "titel: Sample quiz")
    _bump(course / QUIZ)
    with pytest.raises(CourseError) as first:
        loaded.course_at(course)
    monkeypatch.setattr(loaded, "load_course", lambda *a: pytest.fail("loaded again"))
    with pytest.raises(CourseError) as again:
        loaded.course_at(course)
    assert again.value is first.value


def test_a_quiz_is_converted_in_one_pass_and_only_its_changed_texts_after_an_edit(course):
    calls = []
    converter = fragments.Converter(lambda text: calls.append(text) or markdown.markdown(text), key=("test", id(calls)))
    texts = ["One *a*", "Two", "- three\n- four", "Five"]
    converter.prefetch(texts)
    assert len(calls) == 1
    assert [converter.html(t) for t in texts] == [markdown.markdown(t) for t in texts]
    converter.prefetch(texts + ["Six"])
    assert calls[-1] == "Six" and len(calls) == 2


def test_a_text_that_could_swallow_the_separator_is_converted_on_its_own(course):
    calls = []
    converter = fragments.Converter(lambda text: calls.append(text) or markdown.markdown(text), key=("test-html", id(calls)))
    texts = ["<div>\nan unclosed block", "After it", "And *this*", "```\nfence"]
    converter.prefetch(texts)
    assert [converter.html(t) for t in texts] == [markdown.markdown(t) for t in texts]
    assert sorted(calls, key=len) == sorted(["<div>\nan unclosed block", "```\nfence",
                                             "After it\n\n<!--course-fragment-->\n\nAnd *this*"], key=len)
