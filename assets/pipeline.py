"""The asset graph, stage by stage, built with one policy for every asset."""

from __future__ import annotations

import dagster as dg

from assets import clean, copies, entities, extract, ingest, marts, publish
from assets.partitions import Policy

STAGES = (ingest, clean, copies, extract, entities, marts, publish)


def build_assets(policy: Policy) -> list[dg.AssetsDefinition]:
    """ingest -> clean -> extract (per day); copies, entities, marts and publish once per run."""
    return [stage.build_asset(policy) for stage in STAGES]
