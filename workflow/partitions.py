"""Daily partitions: one per inbox day folder."""

import os

import dagster as dg

# Earliest day a partition can exist for; `dossier run` lowers it when an inbox holds older days.
START_DATE = os.environ.get("DOSSIER_START_DATE", "2020-01-01")

# end_offset=1 so today's folder is a partition the file sensor can run while files arrive.
daily = dg.DailyPartitionsDefinition(start_date=START_DATE, end_offset=1, timezone="UTC")
