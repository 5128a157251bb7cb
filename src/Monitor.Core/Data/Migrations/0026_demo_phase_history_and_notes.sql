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

-- The demo descriptions carried internal notes on how the data were reconstructed and the phase of the day; reports
-- print the description, so those sentences go (the phase on a date comes from the decisions above).
UPDATE projects SET description = replace(description, ' Huidige fase 4 (doen): de training loopt en twee getrainde ontwikkelgroepleden trainen de overige re-integratieprofessionals.', '') WHERE is_demo = 1 AND slug = 'samen-beslissen-arnhem';
UPDATE projects SET description = replace(description, ' Data gereconstrueerd uit het procesverslag: de bron noemt geen projectperiode, dus september 2020 – december 2022 is gekozen op basis van de COVID-periode en de metingen in 2022.', '') WHERE is_demo = 1 AND slug = 'samen-beslissen-arnhem';
UPDATE projects SET description = replace(description, ' Huidige fase 1 (weten): het project eindigde met het implementatieplan, waarvan het communicatieplan de eerste activiteit is; de brede invoering (willen, gaan en blijven gebruiken) valt buiten het project.', '') WHERE is_demo = 1 AND slug = 'keuzehulp-werkzaak';
UPDATE projects SET description = replace(description, ' Vergaderdata deels gereconstrueerd uit het procesverslag; zie de notitie per bijeenkomst.', '') WHERE is_demo = 1 AND slug = 'keuzehulp-werkzaak';
UPDATE project_groups SET purpose = replace(purpose, ' (vervangingsdata gereconstrueerd)', '') WHERE project_id IN (SELECT id FROM projects WHERE is_demo = 1);
UPDATE project_groups SET purpose = replace(purpose, ' (datum gereconstrueerd)', '') WHERE project_id IN (SELECT id FROM projects WHERE is_demo = 1);

-- Word output: every snapshot made from now on also keeps its .docx (headings, tables, charts as PNG), byte for byte
-- as generated, like its Markdown and HTML. Snapshots made before have none (NULL).
ALTER TABLE report_snapshots ADD COLUMN docx BLOB;
