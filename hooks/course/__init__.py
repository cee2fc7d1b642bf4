"""The course core: load YAML, validate it once, render HTML. It does not import MkDocs."""

from .errors import ContentError, CourseError
from .load import load_course
from .markers import check_pages
from .model import Case, Course, Question, Quiz, Stage
from .render import Renderer
from .urls import ROOT

__all__ = ["ContentError", "CourseError", "load_course", "check_pages", "Case", "Course", "Question", "Quiz", "Stage", "ROOT", "Renderer"]
