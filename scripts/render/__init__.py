"""Renderers: records (already loaded and checked) to text. Nothing here reads files."""
