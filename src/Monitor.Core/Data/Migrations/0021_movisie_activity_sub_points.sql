-- Movisie phase 1 advice (seed 003, domain.md §2.2) is one main point with two sub-points; it was stored as one
-- string, so adopting it made an activity whose title had to be cut. The main point stays the activity text,
-- the sub-points go in their own column, one per line.
ALTER TABLE movisie_phase_activities ADD COLUMN sub_points_nl TEXT NOT NULL DEFAULT '';
UPDATE movisie_phase_activities
SET text_nl = 'Maak een verspreidingsplan',
    sub_points_nl = 'Via diverse kanalen en communicatiemiddelen informatie verspreiden, benaderen sleutelfiguren en netwerken'
        || char(10) || 'Informatie afstemmen op gebruiker; wervende brochure, bijeenkomsten, persoonlijke benadering en uitleg'
WHERE phase_number = 1 AND position = 1;
