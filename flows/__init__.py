"""Prefect flows. Importing this package sets quiet, offline, project-local Prefect defaults."""

from tasks.settings import apply_prefect_defaults

apply_prefect_defaults()
