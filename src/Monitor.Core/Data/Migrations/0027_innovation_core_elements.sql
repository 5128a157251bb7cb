-- The innovation itself (issue #22): core elements (kernelementen) as reference data and per project, fidelity
-- checklists after a conversation (self-report or observation, logged in or through a personal link), and reach counts
-- per team and month (trained, users, clients reached, target group).

-- Reference frameworks of core elements, read-only for the app and versioned like MIDI.
CREATE TABLE core_element_frameworks (
    code       TEXT PRIMARY KEY CHECK (code IN ('samen-beslissen-arnhem', 'three-talk', 'methodisch-werken')),
    position   INTEGER NOT NULL,
    title_nl   TEXT NOT NULL,
    title_en   TEXT NOT NULL,
    version    TEXT NOT NULL,
    citation   TEXT NOT NULL,
    note       TEXT NOT NULL
) STRICT;

CREATE TABLE core_element_framework_items (
    framework_code  TEXT NOT NULL REFERENCES core_element_frameworks (code),
    number          INTEGER NOT NULL,
    -- a step of the method or a core point (kernpunt) that holds for every step
    kind            TEXT NOT NULL CHECK (kind IN ('stap', 'kernpunt')),
    name_nl         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_nl  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    PRIMARY KEY (framework_code, number)
) STRICT;

INSERT INTO core_element_frameworks (code, position, title_nl, title_en, version, citation, note) VALUES
    ('samen-beslissen-arnhem', 1, 'Samen Beslissen in 7 stappen (gemeente Arnhem)', 'Shared decision making in 7 steps (municipality of Arnhem)', '1',
     'Gemeente Arnhem & TNO. Samen Beslissen – Werkwijze voor Werk & Inkomen; handreiking (waaier) voor re-integratieprofessionals.',
     'Namen van de stappen en de kernpunten letterlijk uit het interview met de coördinator Verandering van de gemeente Arnhem; de toelichtingen zijn korte omschrijvingen. "Het opbouwen en onderhouden van een relatie met de betrokken cliënt is voor elke stap essentieel." De Engelse namen zijn vertalingen.'),
    ('three-talk', 2, 'Driegesprekkenmodel (Elwyn e.a. 2017)', 'Three-talk model (Elwyn et al. 2017)', '2017',
     'Elwyn, G., e.a. (2017). A three-talk model for shared decision making: multistage consultation process. BMJ, 359, j4891.',
     'De drie gesprekken met hun betekenis zoals TNO ze beschrijft; het midden van het model is actief luisteren en overwegen. De stappen zijn niet strikt na elkaar.'),
    ('methodisch-werken', 3, 'Vier stappen van methodisch werken', 'Four steps of methodical working', '1',
     'Hazelzet, A., & Otten, W. (2017), in: Otten, W., Vooijs, M., Van Kesteren, N., Boermans, S., & Hazelzet, A. (2019). Methodisch (samen)werken in het domein werk en inkomen. TNO R18050.',
     'Gebaseerd op de PDCA-cyclus (Boumans e.a. 2014; Taylor e.a. 2014). Stapnamen uit TNO-rapport R18050, kader 1.1, met de onderdelen uit de figuur van het Keuzehulp-rapport; de keuzehulp slaat de brug van stap 1 naar stap 2.');

INSERT INTO core_element_framework_items (framework_code, number, kind, name_nl, name_en, description_nl, description_en) VALUES
    ('samen-beslissen-arnhem', 1, 'stap', 'Voorbereiden & informeren', 'Prepare and inform', 'Het gesprek voorbereiden en de cliënt informeren over de werkwijze.', 'Prepare the conversation and inform the client about the approach.'),
    ('samen-beslissen-arnhem', 2, 'stap', 'Persoonlijke situatie & inventarisatie', 'Personal situation and inventory', 'De persoonlijke situatie van de cliënt in kaart brengen.', 'Map the client''s personal situation.'),
    ('samen-beslissen-arnhem', 3, 'stap', 'Drijfveren & beweegredenen', 'Motives and reasons', 'Bespreken wat de cliënt drijft en beweegt.', 'Discuss what drives and moves the client.'),
    ('samen-beslissen-arnhem', 4, 'stap', 'Doel bepalen', 'Set the goal', 'Samen het doel bepalen.', 'Set the goal together.'),
    ('samen-beslissen-arnhem', 5, 'stap', 'Keuzemogelijkheden', 'Options', 'De keuzemogelijkheden bespreken.', 'Discuss the options.'),
    ('samen-beslissen-arnhem', 6, 'stap', 'Samen beslissen', 'Decide together', 'Samen beslissen; afspraken vastleggen in het doel-actieplan.', 'Decide together; record the agreements in the goal-action plan.'),
    ('samen-beslissen-arnhem', 7, 'stap', 'Evaluatie', 'Evaluation', 'Evalueren; doorloop zo nodig weer stap 3 tot en met 7.', 'Evaluate; go through steps 3 to 7 again where needed.'),
    ('samen-beslissen-arnhem', 8, 'kernpunt', 'Vertel expliciet dat de cliënt meebeslist', 'Tell the client explicitly that they co-decide', 'Kernpunt: de professional zegt met zoveel woorden dat de cliënt meebeslist.', 'Core point: the professional says in so many words that the client co-decides.'),
    ('samen-beslissen-arnhem', 9, 'kernpunt', 'Bespreek keuzemogelijkheden met voor- en nadelen', 'Discuss the options with their pros and cons', 'Kernpunt: de keuzemogelijkheden worden met hun voor- en nadelen besproken.', 'Core point: the options are discussed with their pros and cons.'),
    ('samen-beslissen-arnhem', 10, 'kernpunt', 'Beslis samen over het meest passende traject', 'Decide together on the most suitable route', 'Kernpunt: het traject wordt samen gekozen.', 'Core point: the route is chosen together.'),
    ('three-talk', 1, 'stap', 'Teamgesprek (team talk)', 'Team talk', 'Samenwerken als team; de cliënt expliciet vertellen dat hij of zij mag meebeslissen.', 'Work as a team; tell the client explicitly that they may co-decide.'),
    ('three-talk', 2, 'stap', 'Optiegesprek (option talk)', 'Option talk', 'De opties met voor- en nadelen bespreken, met risicocommunicatie.', 'Discuss the options with pros and cons, including risk communication.'),
    ('three-talk', 3, 'stap', 'Beslissingsgesprek (decision talk)', 'Decision talk', 'Voorkeuren bespreken en samen beslissen.', 'Discuss preferences and decide together.'),
    ('three-talk', 4, 'kernpunt', 'Actief luisteren en overwegen', 'Active listening and deliberation', 'Het midden van het model: actief luisteren en overwegen in elk gesprek.', 'The centre of the model: active listening and deliberation in every talk.'),
    ('methodisch-werken', 1, 'stap', 'Intake en diagnose', 'Intake and diagnosis', 'Analyse van de situatie van de werkzoekende: screening, gegevensverzameling en beeldvorming, oordeelsvorming en interpretatie.', 'Analysis of the job seeker''s situation: screening, gathering information, forming and interpreting a picture.'),
    ('methodisch-werken', 2, 'stap', 'Opstellen plan van aanpak', 'Drawing up the plan', 'Keuzes voor interventie(s) en doelen stellen; besluitvorming over het trajectplan.', 'Choosing interventions and setting goals; deciding on the route plan.'),
    ('methodisch-werken', 3, 'stap', 'Uitvoeren, monitoren en bijsturen', 'Carrying out, monitoring and adjusting', 'Begeleiding met informatie over de voortgang, monitoring en bijsturing.', 'Guidance with information on progress, monitoring and adjustment.'),
    ('methodisch-werken', 4, 'stap', 'Terugblik op eigen werkwijze', 'Looking back on one''s own approach', 'Evaluatie van de doelen; reflectie op wat heeft gewerkt en wat niet, en waarom.', 'Evaluating the goals; reflecting on what worked and what did not, and why.');

-- The project's own innovation described as core elements, with what counts as delivered.
CREATE TABLE project_core_elements (
    id                INTEGER PRIMARY KEY,
    project_id        INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    delivered_when    TEXT NOT NULL DEFAULT '' CHECK (length(delivered_when) <= 1000),
    framework_code    TEXT,
    framework_number  INTEGER,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    FOREIGN KEY (framework_code, framework_number) REFERENCES core_element_framework_items (framework_code, number),
    UNIQUE (project_id, name)
) STRICT;
CREATE INDEX ix_project_core_elements_project ON project_core_elements (project_id, position);

-- Personal links with which one professional fills in checklists without an account (token stored as SHA-256).
CREATE TABLE fidelity_links (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    label       TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    team        TEXT NOT NULL CHECK (length(team) BETWEEN 1 AND 100),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    revoked_at  TEXT
) STRICT;
CREATE INDEX ix_fidelity_links_project ON fidelity_links (project_id);

-- A checklist ticked after one conversation: which core elements happened.
CREATE TABLE fidelity_checklists (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    team             TEXT NOT NULL CHECK (length(team) BETWEEN 1 AND 100),
    conversation_on  TEXT NOT NULL CHECK (conversation_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind             TEXT NOT NULL CHECK (kind IN ('zelfrapportage', 'observatie')),
    user_id          INTEGER REFERENCES users (id) ON DELETE SET NULL,
    link_id          INTEGER REFERENCES fidelity_links (id) ON DELETE SET NULL,
    note             TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX ix_fidelity_checklists_project ON fidelity_checklists (project_id, conversation_on);

CREATE TABLE fidelity_checklist_items (
    checklist_id  INTEGER NOT NULL REFERENCES fidelity_checklists (id) ON DELETE CASCADE,
    element_id    INTEGER NOT NULL REFERENCES project_core_elements (id) ON DELETE CASCADE,
    delivered     INTEGER NOT NULL CHECK (delivered IN (0, 1)),
    PRIMARY KEY (checklist_id, element_id)
) STRICT;

-- Counts a projectleider enters (or imports) per team and month.
CREATE TABLE reach_counts (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    team             TEXT NOT NULL CHECK (length(team) BETWEEN 1 AND 100),
    month            TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    professionals    INTEGER NOT NULL CHECK (professionals BETWEEN 0 AND 100000),
    trained          INTEGER NOT NULL CHECK (trained BETWEEN 0 AND 100000),
    users            INTEGER NOT NULL CHECK (users BETWEEN 0 AND 100000),
    target_clients   INTEGER NOT NULL CHECK (target_clients BETWEEN 0 AND 10000000),
    clients_reached  INTEGER NOT NULL CHECK (clients_reached BETWEEN 0 AND 10000000),
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    UNIQUE (project_id, team, month)
) STRICT;
