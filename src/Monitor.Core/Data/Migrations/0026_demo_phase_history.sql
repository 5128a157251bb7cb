-- Reports you can send (issue #14): the phase on a date comes from the recorded phase decisions. The two demo projects
-- were loaded with only their current phase, so every coding and report fell in that phase. This gives demo projects
-- that have no decisions yet the history their seed reports tell (Demo/demo-plans.json holds the same rows for a new
-- load): Keuzehulp was in phase 0 (ontwikkelen) until the implementation plan of March 2021; Samen Beslissen developed
-- its products in 2020-21 (phase 0) and reached phase 4 (doen) with the training of March 2022.

INSERT INTO phase_transitions (project_id, from_phase, to_phase, decided_on, note, decided_by)
SELECT p.id, d.from_phase, d.to_phase, d.decided_on, d.note, 'Systeem'
FROM projects p
JOIN (
    SELECT 'keuzehulp-werkzaak' AS slug, 0 AS from_phase, 1 AS to_phase, '2021-03-01' AS decided_on,
           'Keuzehulp, handleiding en implementatieplan zijn klaar; de invoering begint met het communicatieplan (weten).' AS note
    UNION ALL SELECT 'samen-beslissen-arnhem', 0, 1, '2021-09-01',
           'Waaier, ansichtkaart en animatiefilmpje zijn ontwikkeld; de verspreiding onder professionals en cliënten begint.'
    UNION ALL SELECT 'samen-beslissen-arnhem', 1, 2, '2021-11-01',
           'Professionals kennen de producten; reflectie met kletspot en serious game moet begrip geven.'
    UNION ALL SELECT 'samen-beslissen-arnhem', 2, 3, '2022-01-03',
           'Het management wordt meegenomen om het willen te versterken (heisessies).'
    UNION ALL SELECT 'samen-beslissen-arnhem', 3, 4, '2022-03-01',
           'De training Samen Beslissen voor re-integratieprofessionals start.'
) d ON d.slug = p.slug
WHERE p.is_demo = 1
  AND NOT EXISTS (SELECT 1 FROM phase_transitions t WHERE t.project_id = p.id);
