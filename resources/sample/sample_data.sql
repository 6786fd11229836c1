-- Sample data for CP-IS Workview: workers, children, plans, key workers, CP-IS follow-up
-- steps, requests, a case note and alerts. Every person, NHS number (999 test range only),
-- postcode and event is invented; hospital names and ODS codes are there only so that the
-- notifications read as they do in practice.
--
-- Loaded by the database owner after the migrations, inside the caller's transaction.
-- Running it again changes nothing: it stops at once when sam.admin exists. Dates are
-- relative to the day it is loaded, so the inbox always looks current.

DO $sample$
DECLARE
    admin   integer;        -- sam.admin: works the inbox and finished the older steps
    admin2  integer;        -- aisha.rahman: has one step in progress
    jane    integer;        -- jane.okafor: key worker with requests waiting
    wd      date[];         -- working days, most recent first (today first when it is one)
    slots   timestamptz[];  -- the exchange's runs (exchange.times) in the last 3 working days
    r       record;
    rec_at  timestamptz;    -- when the notification was received
    acc     timestamptz;    -- when the health professional accessed CP-IS
    began   timestamptz;
    ack_day date;
    step    bigint;
    req     bigint;
    tpl     note_template;
    -- A database made by a program before the DfE legal-status codes (migration 0024) still
    -- has s31, s38 and s20 (the upgrade test loads this sample into one): E1 reads as s31 there.
    old_kinds boolean := EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'plan_kind_check'
                                 AND pg_get_constraintdef(oid) LIKE '%s31%');
BEGIN
    IF EXISTS (SELECT 1 FROM worker WHERE login = 'sam.admin') THEN
        RAISE NOTICE 'Sample data is already loaded: nothing to do.';
        RETURN;
    END IF;

    -- ------------------------------------------------------------ users (and their teams)
    admin  := add_user('sam.admin',        'safeguarding-admin', 'Samantha Whitfield', 'Safeguarding Admin', NULL);
    admin2 := add_user('aisha.rahman',     'safeguarding-admin', 'Aisha Rahman',       'Safeguarding Admin', NULL);
    jane   := add_user('jane.okafor',      'key-worker',   'Jane Okafor',        'Child Protection Team North', NULL);
    PERFORM add_user('tom.fletcher',       'key-worker',   'Tom Fletcher',       'Child Protection Team North', NULL);
    PERFORM add_user('daniel.mensah',      'key-worker',   'Daniel Mensah',      'Child Protection Team South', NULL);
    PERFORM add_user('megan.hughes',       'key-worker',   'Megan Hughes',       'Child Protection Team South', NULL);
    PERFORM add_user('kasia.nowak',        'key-worker',   'Katarzyna Nowak',    'Children in Care Team', NULL);
    PERFORM add_user('ravi.sandhu',        'key-worker',   'Ravinder Sandhu',    'Children in Care Team', NULL);
    PERFORM add_user('fiona.mcallister',   'team-manager', 'Fiona McAllister',   'Child Protection Team North', NULL);
    PERFORM add_user('marcus.bennett',     'team-manager', 'Marcus Bennett',     'Child Protection Team South', NULL);
    PERFORM add_user('sys.admin',          'sysadmin',     'Gareth Lloyd',       'Systems', NULL);
    -- The exchange's login as cpisctl setup makes it (add_user refuses that role since
    -- migration 0040; a database from before it, as the upgrade test makes, has no other way).
    IF to_regprocedure('_add_exchange_login(text,text)') IS NOT NULL THEN
        PERFORM _add_exchange_login('cpis.exchange', NULL);
    ELSE
        PERFORM add_user('cpis.exchange', 'exchange', 'CP-IS Exchange', 'Systems', NULL);
    END IF;
    -- The records officer who keeps children's records (issue 19), where this database has
    -- them (the upgrade test loads this sample into a database made before; the group role is
    -- cluster-wide, so it is no sign).
    IF to_regprocedure('search_people(text)') IS NOT NULL THEN
        PERFORM add_user('rita.records', 'records-officer', 'Rita Oduya', 'Business Support', NULL);
    END IF;

    -- ------------------------------------------------------------ children
    -- One row per child: current plan (started plan_ago days ago) and current key worker.
    CREATE TEMP TABLE sample_child (
        id bigint PRIMARY KEY, forenames text, surname text, gender text, dob date, nhs text,
        plan text, plan_ago integer, key_worker name
    ) ON COMMIT DROP;
    INSERT INTO sample_child VALUES
        -- Child Protection Team North
        (3549728, 'Thomas',     'Turner',     'Male',   '2016-11-28', '9999836909', 'CPP', 220, 'jane.okafor'),
        (3549729, 'Ruby',       'Turner',     'Female', '2019-03-14', '9990602670', 'CPP', 220, 'jane.okafor'),
        (3541187, 'Aaliyah',    'Begum',      'Female', '2012-07-02', '9997354680', 'CPP',  95, 'jane.okafor'),
        (3546032, 'Kacper',     'Wiśniewski', 'Male',   '2014-01-19', '9994874527', 'CPP', 410, 'jane.okafor'),
        (3552410, 'Leo',        'Marshall',   'Male',   '2021-05-30', '9993849375', 'CPP',  60, 'jane.okafor'),
        (3552411, 'Isla',       'Marshall',   'Female', '2023-02-11', '9993964018', 'CPP',  60, 'jane.okafor'),
        (3547765, 'Chloe',      'Hardy',      'Female', '2010-09-23', '9997572289', 'CPP', 300, 'jane.okafor'),
        (3547902, 'Ibrahim',    'Sesay',      'Male',   '2015-02-17', '9994642898', 'CPP',  75, 'jane.okafor'),
        (3543318, 'Jayden',     'Clarke',     'Male',   '2011-04-08', '9992693711', 'CPP', 150, 'tom.fletcher'),
        (3548902, 'Amelia',     'Kowalczyk',  'Female', '2015-12-01', '9999556272', 'CPP', 510, 'tom.fletcher'),
        (3550674, 'Musa',       'Jallow',     'Male',   '2017-08-17', '9999955606', 'CPP',  45, 'tom.fletcher'),
        (3550675, 'Fatou',      'Jallow',     'Female', '2020-06-09', '9996362248', 'CPP',  45, 'tom.fletcher'),
        (3544021, 'Ellie-Mae',  'Robinson',   'Female', '2013-10-27', '9996141624', 'CPP', 700, 'tom.fletcher'),
        (3553106, 'Harvey',     'Doyle',      'Male',   '2022-01-15', '9997437322', 'CPP',  30, 'tom.fletcher'),
        (3544780, 'Skye',       'Matthews',   'Female', '2014-08-03', '9996222977', 'CPP', 420, 'tom.fletcher'),
        -- Child Protection Team South
        (3545590, 'Zainab',     'Hussain',    'Female', '2012-02-29', '9995119641', 'CPP', 260, 'daniel.mensah'),
        (3545591, 'Yusuf',      'Hussain',    'Male',   '2015-05-05', '9991341161', 'CPP', 260, 'daniel.mensah'),
        (3551204, 'Leah',       'Harrington', 'Female', '2009-12-12', '9993397350', 'CPP', 180, 'daniel.mensah'),
        (3547032, 'Oliver',     'Bradshaw',   'Male',   '2018-07-21', '9999296033', 'CPP', 130, 'daniel.mensah'),
        (3553377, 'Nevaeh',     'Campbell',   'Female', '2024-03-03', NULL,         'CPP',  70, 'daniel.mensah'),
        (3542256, 'Kyle',       'Simpson',    'Male',   '2010-11-05', '9997519663', 'CPP', 620, 'daniel.mensah'),
        (3552061, 'Hassan',     'Ali',        'Male',   '2020-09-26', '9994073532', 'CPP', 125, 'daniel.mensah'),
        (3546611, 'Sophie',     'Walsh',      'Female', '2013-06-16', '9996989291', 'CPP', 200, 'megan.hughes'),
        (3546612, 'Riley',      'Walsh',      'Male',   '2016-02-22', '9990040060', 'CPP', 200, 'megan.hughes'),
        (3549015, 'Tiago',      'Ferreira',   'Male',   '2014-09-09', NULL,         'CPP', 340, 'megan.hughes'),
        (3552988, 'Amara',      'Okonkwo',    'Female', '2021-11-30', '9991034056', 'CPP',  20, 'megan.hughes'),
        (3540877, 'Declan',     'Murphy',     'Male',   '2011-01-25', '9994773038', 'CPP', 880, 'megan.hughes'),
        (3548120, 'Maisie',     'Pearson',    'Female', '2019-10-04', '9998795079', 'CPP', 160, 'megan.hughes'),
        (3543390, 'Lacey',      'Green',      'Female', '2012-11-14', '9996680576', 'CPP', 280, 'megan.hughes'),
        -- Children in Care Team
        (3538842, 'Liam',       'Brennan',    'Male',   '2009-02-14', '9994720732', 'C2', 1000, 'kasia.nowak'),
        (3539910, 'Courtney',   'Ward',       'Female', '2010-04-30', '9997883691', 'C2', 950, 'kasia.nowak'),
        (3543701, 'Mohammed',   'Iqbal',      'Male',   '2012-12-19', '9990753105', 'V2', 240, 'kasia.nowak'),
        (3545118, 'Poppy',      'Fisher',     'Female', '2017-03-26', '9993145572', 'C1', 110, 'kasia.nowak'),
        (3545119, 'Alfie',      'Fisher',     'Male',   '2019-08-08', '9994459651', 'C1', 110, 'kasia.nowak'),
        (3547440, 'Grace',      'Adebayo',    'Female', '2014-05-13', '9999847153', 'C2', 600, 'kasia.nowak'),
        (3550092, 'Bethany',    'Cole',       'Female', '2008-12-20', '9991056335', 'V2', 400, 'kasia.nowak'),
        (3551567, 'Dylan',      'Price',      'Male',   '2020-02-02', '9998189195', 'C1',  85, 'kasia.nowak'),
        (3544599, 'Precious',   'Moyo',       'Female', '2015-07-07', '9992863838', 'C2', 720, 'kasia.nowak'),
        (3552735, 'Noah',       'Lewis',      'Male',   '2023-09-18', '9997840178', 'C1',  40, 'kasia.nowak'),
        (3548777, 'Roman',      'Popescu',    'Male',   '2016-04-04', NULL,         'V2', 190, 'kasia.nowak'),
        (3540233, 'Jordan',     'Reid',       'Male',   '2011-08-28', '9990011133', 'C2', 850, 'ravi.sandhu'),
        (3541650, 'Taylor-Jade', 'Evans',     'Female', '2013-03-09', '9995033593', 'C2', 830, 'ravi.sandhu'),
        (3542904, 'Arjun',      'Mistry',     'Male',   '2016-06-24', '9992306157', 'V2', 300, 'ravi.sandhu'),
        (3546287, 'Lily',       'Parsons',    'Female', '2018-01-31', '9997083067', 'C1', 150, 'ravi.sandhu'),
        (3548555, 'Kai',        'Thompson',   'Male',   '2010-10-10', '9992288884', 'V2',  90, 'ravi.sandhu'),
        (3549361, 'Maya',       'Kaur',       'Female', '2012-04-15', '9998694647', 'C2', 540, 'ravi.sandhu'),
        (3550810, 'Ethan',      'Shaw',       'Male',   '2017-11-11', '9990702314', 'C2', 480, 'ravi.sandhu'),
        (3553020, 'Aria',       'Novak',      'Female', '2022-06-06', '9997759486', 'C1',  55, 'ravi.sandhu'),
        (3539501, 'Callum',     'Stewart',    'Male',   '2009-06-01', '9992937734', 'V2', 700, 'ravi.sandhu'),
        (3551999, 'Evie',       'Dunn',       'Female', '2024-01-22', '9990850453', 'E1', 200, 'ravi.sandhu');

    INSERT INTO person (id, legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
    SELECT id, forenames, surname, gender, dob, nhs, CASE WHEN nhs IS NULL THEN 'unknown' ELSE 'recorded' END
    FROM sample_child;

    -- Courtney Ward's number was reported inactive by the Spine (see the alerts below).
    UPDATE person SET nhs_number_status = 'inactive' WHERE id = 3539910;

    -- Leah Harrington's record is restricted: only her key worker may see it.
    UPDATE person SET restricted = true WHERE id = 3551204;
    INSERT INTO person_access (person_id, worker_id)
    SELECT 3551204, id FROM worker WHERE login = 'daniel.mensah';

    INSERT INTO person_other_name (person_id, kind, forenames, surname, valid_from, valid_to) VALUES
        (3549728, 'Known as',             'Tommy',     'Turner',     NULL, NULL),
        (3546032, 'Alternative spelling', 'Kacper',    'Wisniewski', NULL, NULL),
        (3544021, 'Previous name',        'Ellie-Mae', 'Dawson',     '2013-10-27', '2019-06-30'),
        (3541650, 'Known as',             'TJ',        'Evans',      NULL, NULL),
        (3543701, 'Known as',             'Mo',        'Iqbal',      NULL, NULL),
        (3548777, 'Alternative spelling', 'Roman',     'Popesku',    NULL, NULL);

    -- ------------------------------------------------------------ mothers and unborn children
    INSERT INTO person (id, legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status) VALUES
        (3553501, 'Shabana', 'Khan',  'Female', '1996-05-18', '9998442222', 'recorded'),
        (3553510, 'Kirsty',  'Pearce', 'Female', '2004-01-09', '9993236748', 'recorded'),
        (3553520, 'Natalia', 'Rusu',  'Female', '1989-08-27', '9998478847', 'recorded');
    -- Unborn Rusu is past the expected date of delivery, for the data-quality view.
    INSERT INTO person (id, legal_forenames, legal_surname, gender, expected_delivery, mother_id) VALUES
        (3553502, 'Unborn', 'Khan',   'Not known', current_date + 40, 3553501),
        (3553511, 'Unborn', 'Pearce', 'Not known', current_date + 95, 3553510),
        (3553521, 'Unborn', 'Rusu',   'Not known', current_date - 9,  3553520);
    INSERT INTO sample_child (id, plan, plan_ago, key_worker) VALUES
        (3553502, 'UCPP',  30, 'jane.okafor'),
        (3553511, 'UCPP',  15, 'megan.hughes'),
        (3553521, 'UCPP', 150, 'daniel.mensah');

    -- New people created in the client are numbered after these.
    PERFORM setval('person_id_seq', greatest((SELECT max(id) FROM person), (SELECT last_value FROM person_id_seq)));

    -- ------------------------------------------------------------ plans
    IF old_kinds THEN
        UPDATE sample_child SET plan = CASE plan WHEN 'C1' THEN 's38' WHEN 'V2' THEN 's20' ELSE 's31' END
        WHERE plan IN ('C1', 'C2', 'E1', 'V2');
    END IF;
    INSERT INTO plan (person_id, kind, start_date, created_at)
    SELECT id, plan, greatest(dob, current_date - plan_ago), (current_date - plan_ago) + time '11:00'
    FROM sample_child;
    -- History: plans that ended when the current one began (or earlier).
    INSERT INTO plan (person_id, kind, start_date, end_date, created_at)
    SELECT p, CASE WHEN old_kinds AND k = 'C1' THEN 's38' ELSE k END, current_date - s, current_date - e,
           (current_date - s) + time '11:00'
    FROM (VALUES (3544599, 'CPP', 1000, 720),   -- Precious Moyo: CPP, then a care order
                 (3540233, 'C1',  1080, 850),   -- Jordan Reid: interim, then full care order
                 (3545118, 'CPP',  400, 110),   -- Poppy and Alfie Fisher: CPP, then interim care order
                 (3545119, 'CPP',  400, 110),
                 (3542256, 'CPP', 1080, 900),   -- Kyle Simpson: a second child protection plan
                 (3543701, 'CPP',  600, 240))   -- Mohammed Iqbal: CPP, then accommodated (V2, s20)
         AS v(p, k, s, e);

    -- ------------------------------------------------------------ the sending authority
    -- Shown to clinicians beside every flag; the numbers are in Ofcom's range for drama.
    UPDATE config SET value = v.value
    FROM (VALUES ('cpis.authority_ods', 'LA999'), ('cpis.authority_name', 'Northshire County Council'),
                 ('cpis.phone_office_hours', '01632 960000'), ('cpis.phone_out_of_hours', '01632 960999'))
         AS v(key, value)
    WHERE config.key = v.key AND config.value = '';

    -- ------------------------------------------------------------ key worker involvements
    -- Earlier key workers first, so the current one starts when the earlier one ended.
    INSERT INTO involvement (person_id, worker_id, role, started_on, ended_on)
    SELECT v.p, w.id, 'Key Worker', current_date - v.s, current_date - v.e
    FROM (VALUES (3549728, 'tom.fletcher',   220,  90),
                 (3544599, 'megan.hughes',  1000, 720),
                 (3545118, 'daniel.mensah',  400, 110),
                 (3545119, 'daniel.mensah',  400, 110),
                 (3540877, 'daniel.mensah',  880, 300)) AS v(p, login, s, e)
    JOIN worker w ON w.login = v.login;

    INSERT INTO involvement (person_id, worker_id, role, started_on)
    SELECT c.id, w.id, 'Key Worker',
           coalesce((SELECT max(i.ended_on) FROM involvement i WHERE i.person_id = c.id),
                    greatest(c.dob, current_date - c.plan_ago))
    FROM sample_child c JOIN worker w ON w.login = c.key_worker;

    -- ------------------------------------------------------------ when things happened
    wd := ARRAY(SELECT d::date FROM generate_series(current_date - 20, current_date, interval '1 day') AS d
                WHERE extract(isodow FROM d) < 6 ORDER BY d DESC);
    -- Notifications arrive when the exchange runs (exchange.times, UK time), and the exchange
    -- gives each step its due time by the office-hours rule (_due_after), so the sample's
    -- times read as real ones do.
    slots := ARRAY(SELECT (d + tm) AT TIME ZONE 'Europe/London'
                   FROM unnest(wd[1:3]) AS d,
                        (SELECT btrim(x)::time AS tm
                         FROM unnest(string_to_array(config_value('exchange.times'), ',')) AS x) AS t
                   WHERE (d + tm) AT TIME ZONE 'Europe/London' <= now()
                   ORDER BY 1 DESC);

    -- ------------------------------------------------------------ open CPIS Follow Up steps
    FOR r IN SELECT * FROM (VALUES
        (1, 3549728, 'ae',      'Dr Priya Raman',    'Emergency Department Doctor',
            'Royal Derby Hospital Emergency Department', 'RTG', NULL, NULL),
        (2, 3545590, 'dhu_111', NULL, NULL, NULL, NULL, 'DE23 6TJ', 'Karen Holt (Safeguarding Lead Nurse)'),
        (3, 3543318, 'ae',      'Hannah Oduya',      'Emergency Department Staff Nurse',
            'Chesterfield Royal Hospital Emergency Department', 'RFS', NULL, NULL),
        (4, 3546287, 'dhu_111', NULL, NULL, NULL, NULL, 'S41 7QB', 'Martin Greaves (Named Nurse for Safeguarding)'),
        (5, 3546611, 'ae',      'Dr Owen Griffiths', 'Emergency Medicine Registrar',
            'Queen''s Hospital Burton Emergency Department', 'RTG', NULL, NULL),
        (6, 3553502, 'ae',      'Joanne Price',      'Registered Midwife',
            'Royal Derby Hospital Maternity Assessment Unit', 'RTG', NULL, NULL),
        (7, 3542904, 'dhu_111', NULL, NULL, NULL, NULL, 'DE56 1BA', 'Karen Holt (Safeguarding Lead Nurse)'),
        (8, 3552988, 'ae',      'Ben Castillo',      'Emergency Nurse Practitioner',
            'Ripley Hospital Minor Injuries Unit', 'RY8', NULL, NULL)
        ) AS v(n, person, source, who, job, org, ods, postcode, lead)
    LOOP
        -- Spread over the exchange runs, newest first, never in the future.
        rec_at := least(slots[1 + (r.n - 1) * cardinality(slots) / 8] + make_interval(secs => 20 + r.n * 13), now());
        acc := rec_at - make_interval(mins => 25 + (r.n * 53) % 180);
        step := create_follow_up_step(r.person, CASE r.source
            WHEN 'ae' THEN format('CP-IS notification: record accessed by %s (%s), %s (ODS %s), on %s at %s.',
                                  r.who, r.job, r.org, r.ods, to_char(acc, 'DD/MM/YYYY'), to_char(acc, 'HH24:MI'))
            ELSE format('CP-IS notification: record accessed by the 111 service of DHU Health Care (ODS NQT) '
                        'on %s at %s. Patient location: %s. Nominated safeguarding lead: %s.',
                        to_char(acc, 'DD/MM/YYYY'), to_char(acc, 'HH24:MI'), r.postcode, r.lead) END,
            r.source, rec_at);
        IF r.n = 8 THEN  -- the oldest: Aisha Rahman started it and has not finished it yet
            began := greatest(rec_at, least(rec_at + interval '4 hours 7 minutes', now() - interval '5 minutes'));
            UPDATE work_step SET state = 'in_progress', started_by = admin2, started_at = began,
                                 row_version = row_version + 1, updated_by = admin2, updated_at = began
            WHERE id = step;
        END IF;
    END LOOP;

    -- ------------------------------------------------------------ finished steps (Jane Okafor's children)
    -- Sam Whitfield sent each request to the key worker, added the next action and finished
    -- the step; Jane acknowledged the oldest and wrote the CP-IS case note.
    FOR r IN SELECT * FROM (VALUES
        (3547765, 'ae', 'Dr Sian Morgan', 'Emergency Department Doctor',
            'Chesterfield Royal Hospital Emergency Department', 'RFS', NULL, NULL, 7, true,
            'Notification passed to allocated worker'),
        (3541187, 'ae', 'Dr Tomasz Zielinski', 'Consultant in Paediatric Emergency Medicine',
            'Royal Derby Hospital Children''s Emergency Department', 'RTG', NULL, NULL, 5, false,
            'Notification passed to allocated worker'),
        (3552410, 'dhu_111', NULL, NULL, NULL, NULL, 'DE22 3NE', 'Karen Holt (Safeguarding Lead Nurse)', 4, false,
            'Information only: child known to allocated worker')
        ) AS v(person, source, who, job, org, ods, postcode, lead, day, acked, reason)
    LOOP
        rec_at := (wd[r.day] + CASE r.source WHEN 'ae' THEN time '11:00:41' ELSE time '08:00:18' END)
                  AT TIME ZONE 'Europe/London';
        acc := rec_at - interval '1 hour 35 minutes';
        began := (wd[r.day] + time '11:35') AT TIME ZONE 'Europe/London';
        step := create_follow_up_step(r.person, CASE r.source
            WHEN 'ae' THEN format('CP-IS notification: record accessed by %s (%s), %s (ODS %s), on %s at %s.',
                                  r.who, r.job, r.org, r.ods, to_char(acc, 'DD/MM/YYYY'), to_char(acc, 'HH24:MI'))
            ELSE format('CP-IS notification: record accessed by the 111 service of DHU Health Care (ODS NQT) '
                        'on %s at %s. Patient location: %s. Nominated safeguarding lead: %s.',
                        to_char(acc, 'DD/MM/YYYY'), to_char(acc, 'HH24:MI'), r.postcode, r.lead) END,
            r.source, rec_at);
        UPDATE work_step SET state = 'finished', started_by = admin, started_at = began,
                             finished_by = admin, finished_at = began + interval '8 minutes',
                             row_version = 5, updated_by = admin, updated_at = began + interval '8 minutes'
        WHERE id = step;

        SELECT * INTO tpl FROM note_template WHERE source = r.source;
        INSERT INTO request (step_id, request_type, recipient_id, note, source, case_note_expected,
                             state, created_by, created_at, sent_at)
        VALUES (step, 'CS Notification to Allocated Worker - CPIS Follow Up', jane, tpl.body, r.source,
                tpl.case_note_expected, 'sent', admin, began + interval '4 minutes', began + interval '7 minutes')
        RETURNING id INTO req;
        INSERT INTO next_action (step_id, action, reason, priority, created_by, created_at)
        VALUES (step, 'CS No Further Action', r.reason, 'Normal', admin, began + interval '6 minutes');

        IF r.acked THEN
            ack_day := wd[r.day - 1];
            UPDATE request SET state = 'acknowledged', acknowledged_by = jane, acknowledged_at = ack_day + time '09:14'
            WHERE id = req;
            INSERT INTO case_note (person_id, note_type, author_id, contact_date, body, state, request_id,
                                   created_at, finalised_at)
            VALUES (r.person, 'CP-IS Follow Up', jane, ack_day, format(
                'CP-IS notification: Chloe attended Chesterfield Royal Hospital Emergency Department on %s. '
                'Spoke to Chloe''s mother by telephone: Chloe hurt her left wrist falling during netball at '
                'school; the school confirmed the accident and that first aid was given there. The discharge '
                'letter records a soft-tissue injury, no fracture, and an account consistent with the injury. '
                'The Emergency Department raised no safeguarding concerns. Discussed with Fiona McAllister '
                '(team manager): no further action. I will see Chloe at the planned home visit this week and '
                'the attendance will be shared at the next core group meeting.', to_char(acc, 'DD/MM/YYYY')),
                'final', req, ack_day + time '11:20', ack_day + time '11:41');
        END IF;
    END LOOP;

    -- ------------------------------------------------------------ alerts
    PERFORM raise_alert('CP-IS NHS number inactive', 3539910, NULL, NULL, 'cpis_sysadmin',
        'The NHS Spine reports NHS number 999 788 3691, recorded for Courtney Ward (3539910), as inactive. '
        'Find her current NHS number and record it: until then CP-IS cannot flag her to health staff.');
    PERFORM raise_alert('CP-IS upload rejected', 3544021, (SELECT id FROM worker WHERE login = 'tom.fletcher'), NULL, NULL,
        'CP-IS rejected the upload for Ellie-Mae Robinson (3544021): CPR03, the name does not match the NHS '
        'number. The NHS may still hold her previous surname (Dawson). Check her legal name against the birth '
        'certificate, and ask her carer to update her GP record if it is out of date.');
    PERFORM raise_alert('Unborn child past expected delivery', 3553521, NULL,
        (SELECT id FROM team WHERE name = 'Child Protection Team South'), NULL,
        format('The expected date of delivery for Unborn Rusu (3553521) was %s. Record the baby''s name, date '
               'of birth and NHS number so that the plan stays on CP-IS.', to_char(current_date - 9, 'DD/MM/YYYY')));
END
$sample$;
