-- Seed data for the reference frameworks from shared/domain.md (§1.3 MIDI, §2.1–2.2 Movisie, §3.1–3.2 Bowen);
-- Movisie phase texts are verbatim from seed 003, the Dutch Bowen questions for the default areas from seed 000.

INSERT INTO reference_frameworks (code, title, version, citation, note) VALUES
    ('movisie', 'Toolkit Implementatie (Movisie)', '1', 'Van der Zwet, R., & De Groot, N. Toolkit Implementatie – Eerste hulp bij verspreiding en implementatie van sociale interventies. Movisie. https://www.movisie.nl/publicatie/toolkit-implementatie', 'Fasen, beschrijvingen en activiteiten van de ontwikkelaar zijn letterlijk overgenomen uit de tabel in de procesrapportage Keuzehulp Werkzaak Rivierenland (gebaseerd op Grol 2015; Kok 2012). De koppeling aan de fasen van Grol & Wensing en de indeling in ontwikkeling, verspreiden en invoeren zijn afgeleid en niet door de bron bevestigd.'),
    ('midi', 'Meetinstrument Determinanten van Innovaties (MIDI)', '1', 'Fleuren, M.A.H., Paulussen, T.G.W.M., Van Dommelen, P., & Van Buuren, S. (2014). Towards a measurement instrument for determinants of innovations. Int J Qual Health Care, 26(5), 501–510. doi:10.1093/intqhc/mzu060', 'Alleen het aantal determinanten, de groepsindeling en de formulering van determinanten 1 en 2 zijn gecontroleerd. De formulering van determinanten 3–29 (namen en vragen) moet nog worden gecontroleerd aan de hand van de MIDI-handleiding voordat deze als officiële MIDI-tekst wordt getoond.'),
    ('bowen', 'Principes van Bowen (haalbaarheidsonderzoek)', '1', 'Bowen, D.J., Kreuter, M., Spring, B., Cofta-Woerpel, L., Linnan, L., Weiner, D., Bakken, S., Kaplan, C.P., Squiers, L., Fabrizio, C., & Fernandez, M. (2009). How we design feasibility studies. Am J Prev Med, 36(5), 452–457. doi:10.1016/j.amepre.2009.02.002', 'De kernvragen van aanvaardbaarheid tot en met aanpassing zijn letterlijk bevestigd; die van integratie, uitbreiding en beperkte effectiviteitstoets en enkele uitkomstmaten zijn slechts gedeeltelijk bevestigd. De Nederlandse vragen van de vier standaardgebieden komen uit Samen Beslissen (gemeente Arnhem), met "Samen Beslissen" vervangen door "de innovatie"; de overige Nederlandse vragen zijn vertalingen.');

INSERT INTO movisie_phases (number, name_nl, name_en, description_nl, grol_stage_en, movisie_grouping) VALUES
    (0, 'Ontwikkelen', 'Develop', '', 'Development', 'ontwikkeling'),
    (1, 'Weten', 'Know', 'Op de hoogte zijn van de interventie, interesse hebben', 'Orientation', 'verspreiden'),
    (2, 'Begrijpen', 'Understand', 'Kennis en begrip, inzicht in huidige werkwijze', 'Insight', 'verspreiden'),
    (3, 'Willen', 'Want', 'Positieve houding, motivatie. Intentie, besluit om te veranderen', 'Acceptance', 'verspreiden'),
    (4, 'Doen', 'Do', 'In staat zijn om met interventie te werken, bevestiging van nut', 'Change', 'invoeren'),
    (5, 'Blijven doen', 'Keep doing', 'De interventie integreren in bestaande routines en verankeren in de organisatie', 'Maintenance', 'invoeren');

INSERT INTO movisie_phase_activities (phase_number, position, text_nl) VALUES
    (0, 1, 'Betrek de professionals bij de interventieontwikkeling'),
    (0, 2, 'Check de implementeerbaarheid van de interventie'),
    (1, 1, 'Maak een verspreidingsplan; Via diverse kanalen en communicatiemiddelen informatie verspreiden, benaderen sleutelfiguren en netwerken; Informatie afstemmen op gebruiker; wervende brochure, bijeenkomsten, persoonlijke benadering en uitleg'),
    (2, 1, 'Zorg voor een gebruiksvriendelijk handboek en andere materialen'),
    (2, 2, 'Biedt eenvoudige reflectiemethoden aan'),
    (3, 1, 'Verstrek per type doelgroep informatie over de voor- en nadelen en kosten en baten'),
    (3, 2, 'Zorg voor voldoende advies en ondersteuning bij het aanpassen van de interventies'),
    (4, 1, 'Biedt een training aan'),
    (4, 2, 'Ondersteuning en coaching op de werkvloer'),
    (5, 1, 'Ontwikkel een monitoring- en feedbacksysteem'),
    (5, 2, 'Werk samen met uitvoerende organisaties om de interventie waar nodig te verbeteren');

INSERT INTO midi_groups (code, position, name_nl, name_en) VALUES
    ('innovation', 1, 'Kenmerken van de innovatie', 'Characteristics of the innovation'),
    ('user', 2, 'Kenmerken van de gebruiker', 'Characteristics of the user'),
    ('organisation', 3, 'Kenmerken van de organisatie', 'Characteristics of the organisation'),
    ('context', 4, 'Sociaal-politieke context', 'Socio-political context');

INSERT INTO midi_determinants (number, group_code, name_nl, name_en, guiding_question_nl, answer_scale, reverse_scored, wording_verified) VALUES
    (1, 'innovation', 'Procedurele helderheid', 'Procedural clarity', '[innovatie] beschrijft precies welke activiteiten ik moet uitvoeren.', 'likert5', 0, 1),
    (2, 'innovation', 'Juistheid', 'Correctness', '[innovatie] is gebaseerd op feitelijk juiste kennis.', 'likert5', 0, 1),
    (3, 'innovation', 'Compleetheid', 'Completeness', '[innovatie] biedt alle informatie en materialen die ik nodig heb om ermee te werken.', 'likert5', 0, 0),
    (4, 'innovation', 'Complexiteit', 'Complexity', '[innovatie] is te ingewikkeld voor mij om mee te werken.', 'likert5', 1, 0),
    (5, 'innovation', 'Aansluiting bij huidige werkwijze', 'Compatibility', '[innovatie] sluit goed aan bij hoe ik gewend ben te werken.', 'likert5', 0, 0),
    (6, 'innovation', 'Zichtbaarheid van uitkomsten', 'Observability', 'De uitkomsten van het gebruik van [innovatie] zijn duidelijk zichtbaar.', 'likert5', 0, 0),
    (7, 'innovation', 'Relevantie voor de cliënt', 'Relevance for client', 'Ik vind [innovatie] relevant voor mijn cliënten.', 'likert5', 0, 0),
    (8, 'user', 'Persoonlijk voordeel / nadeel', 'Personal benefits / drawbacks', 'Het werken met [innovatie] levert mij persoonlijk meer voordelen dan nadelen op.', 'likert5', 0, 0),
    (9, 'user', 'Uitkomstverwachtingen', 'Outcome expectations', 'Als ik [innovatie] gebruik, dan bereik ik daarmee de beoogde resultaten.', 'likert5', 0, 0),
    (10, 'user', 'Professionele verplichting', 'Professional obligation', 'Ik vind het mijn verantwoordelijkheid als professional om [innovatie] te gebruiken.', 'likert5', 0, 0),
    (11, 'user', 'Tevredenheid cliënt', 'Client / patient satisfaction', 'Cliënten zullen over het algemeen tevreden zijn als ik [innovatie] toepas.', 'likert5', 0, 0),
    (12, 'user', 'Medewerking cliënt', 'Client / patient cooperation', 'Cliënten zullen over het algemeen meewerken als ik [innovatie] toepas.', 'likert5', 0, 0),
    (13, 'user', 'Sociale steun', 'Social support', 'Ik kan rekenen op ondersteuning van collega''s als ik die nodig heb bij het gebruik van [innovatie].', 'likert5', 0, 0),
    (14, 'user', 'Descriptieve norm', 'Descriptive norm', 'Hoeveel van uw collega''s gebruiken [innovatie]?', 'percentage', 0, 0),
    (15, 'user', 'Subjectieve norm', 'Subjective norm', 'Mensen die belangrijk zijn voor mijn werk (bv. leidinggevende, collega''s) vinden dat ik [innovatie] moet gebruiken.', 'likert5', 0, 0),
    (16, 'user', 'Eigen-effectiviteit', 'Self-efficacy', 'Ik ben in staat om de kernactiviteiten van [innovatie] uit te voeren.', 'likert5', 0, 0),
    (17, 'user', 'Kennis', 'Knowledge', 'Ik weet voldoende van (de inhoud van) [innovatie] om ermee te werken.', 'likert5', 0, 0),
    (18, 'user', 'Bekendheid met de inhoud van de innovatie', 'Awareness of content of innovation', 'Ik ben bekend met de inhoud van [innovatie].', 'likert5', 0, 0),
    (19, 'organisation', 'Formele bekrachtiging (ratificatie) door het management', 'Formal ratification by management', 'Zijn er formele afspraken / heeft het management formeel besloten dat [innovatie] gebruikt wordt (bv. in beleidsplan)?', 'yes_no_unknown', 0, 0),
    (20, 'organisation', 'Vervanging bij vertrek van personeel', 'Replacement when staff leave', 'Is er geregeld dat medewerkers die vertrekken vervangen worden (en ingewerkt in [innovatie])?', 'yes_no_unknown', 0, 0),
    (21, 'organisation', 'Personele bezetting', 'Staff capacity', 'Is er in de regel voldoende personeel om [innovatie] uit te voeren?', 'likert5', 0, 0),
    (22, 'organisation', 'Financiële middelen', 'Financial resources', 'Zijn er voldoende financiële middelen beschikbaar?', 'likert5', 0, 0),
    (23, 'organisation', 'Beschikbare tijd', 'Time available', 'Biedt de organisatie voldoende tijd om [innovatie] uit te voeren?', 'likert5', 0, 0),
    (24, 'organisation', 'Materiële middelen en voorzieningen', 'Material resources and facilities', 'Zijn er voldoende materialen / voorzieningen (ruimte, apparatuur) beschikbaar?', 'likert5', 0, 0),
    (25, 'organisation', 'Coördinator (aanspreekpunt)', 'Coordinator', 'Is er binnen de organisatie iemand verantwoordelijk voor het coördineren van de invoering van [innovatie]?', 'yes_no_unknown', 0, 0),
    (26, 'organisation', 'Onrust in de organisatie (bv. reorganisatie, verloop)', 'Unrest in the organisation', 'Is er momenteel sprake van onrust in de organisatie?', 'likert5', 1, 0),
    (27, 'organisation', 'Toegankelijkheid van informatie over (het gebruik van) de innovatie', 'Information accessible about use of the innovation', 'Is informatie over [innovatie] gemakkelijk toegankelijk?', 'likert5', 0, 0),
    (28, 'organisation', 'Terugkoppeling over de uitvoering', 'Performance feedback', 'Krijgt u terugkoppeling over hoe u [innovatie] uitvoert?', 'likert5', 0, 0),
    (29, 'context', 'Wet- en regelgeving', 'Legislation and regulations', '[innovatie] past binnen de geldende wet- en regelgeving.', 'likert5', 0, 0);

INSERT INTO bowen_areas (number, name_en, name_nl, key_question_en, key_question_nl, outcomes_en, is_default) VALUES
    (1, 'Acceptability', 'Aanvaardbaarheid', 'To what extent is a new idea, program, process or measure judged suitable, satisfying, or attractive to program deliverers and recipients?', 'Hoe reageren de cliënten en de professionals op de innovatie?', 'Satisfaction; intent to continue use; perceived appropriateness; fit within organizational culture; perceived positive/negative effects on organization', 1),
    (2, 'Demand', 'Vraag', 'To what extent is it likely to be used (how much demand is likely to exist)?', 'In hoeverre is het waarschijnlijk dat het gebruikt zal worden (hoeveel vraag zal er naar verwachting zijn)?', 'Actual use; expressed interest or intention to use; perceived demand', 0),
    (3, 'Implementation', 'Implementatie', 'To what extent can it be successfully delivered to intended participants in some defined, but not fully controlled, context?', 'Op welke manier en in welke mate is en wordt de innovatie toegepast in de praktijk?', 'Degree of execution; success or failure of execution; amount/type of resources needed; factors affecting implementation ease or difficulty; efficiency, speed or quality of implementation', 1),
    (4, 'Practicality', 'Uitvoerbaarheid', 'To what extent can it be carried out with intended participants using existing means, resources and circumstances, without outside intervention?', 'Wat belemmert of bevordert de toepassing van de innovatie?', 'Positive/negative effects on target participants; ability of participants to carry out intervention activities; cost analysis', 1),
    (5, 'Adaptation', 'Aanpassing', 'To what extent does an existing program perform when changes are made for a new format or with a different population?', 'In hoeverre presteert een bestaand programma wanneer het wordt aangepast aan een nieuwe vorm of wordt toegepast bij een andere doelgroep?', 'Degree to which similar outcomes are obtained in the new format; process-outcome comparison between two populations', 0),
    (6, 'Integration', 'Integratie', 'To what extent can it be integrated within an existing system?', 'Welke veranderingen in de huidige werkwijze zijn nodig voor de toepassing van de innovatie?', 'Perceived fit with infrastructure; perceived sustainability; costs to organization / policy bodies', 1),
    (7, 'Expansion', 'Uitbreiding', 'To what extent can a previously tested program be expanded to provide a new program or service?', 'In hoeverre kan een eerder getest programma worden uitgebreid tot een nieuw programma of een nieuwe dienst?', 'Fit with organizational goals and culture; positive/negative effects on organization; disruption due to the expansion component', 0),
    (8, 'Limited-efficacy testing', 'Beperkte effectiviteitstoets', 'Does it show promise of being successful with the intended population, even in a highly controlled setting?', 'Is het veelbelovend dat het succesvol zal zijn bij de beoogde doelgroep, zelfs in een sterk gecontroleerde setting?', 'Intended effects on key intermediate variables; maintenance of changes from initial change; effect-size estimation', 0);
