-- Figures are compared as facts (measure family, scope, unit, period across independent sources) instead of by the
-- head word of their measure: marts.figure_facts replaces marts.figure_groups.
DROP VIEW IF EXISTS marts.figure_groups;
