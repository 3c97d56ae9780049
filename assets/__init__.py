"""Dossier's pipeline stages: one module per stage (ingest, clean, extract, marts) with its checks.

Text logic lives in `assets.text` as plain functions with no Dagster import.
"""
