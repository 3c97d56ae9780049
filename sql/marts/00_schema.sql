-- Marts: views answering analysts' questions, rebuilt by assets/marts.py after every run.
CREATE SCHEMA IF NOT EXISTS marts;
