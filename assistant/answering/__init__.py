"""Grounded, cited answers: extractive by default, generative when a model is configured."""
from assistant.answering.answerer import NOT_FOUND_TEXT, Answer, Answerer, Citation
from assistant.answering.question import Turn

__all__ = ["Answer", "Answerer", "Citation", "NOT_FOUND_TEXT", "Turn"]
