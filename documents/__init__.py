"""Reading documents: Vietnamese text helpers, loaders (PDF, Word, text, OCR, conversion),
the administrative-document parser and the structure-aware chunker.

The bottom layer: it imports nothing else of the project.
"""
