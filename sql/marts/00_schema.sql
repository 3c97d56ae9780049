-- Marts: views answering analysts' questions (created with the schema, validated by assets/marts.py every run).
CREATE SCHEMA IF NOT EXISTS marts;
