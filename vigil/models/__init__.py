"""Pydantic models: the checklist (content) and the assessment (a maker's answers)."""
