-- The lists and note templates, with the wording of the local procedure
-- (shared/seeds/cpis-notifications-procedure.txt). Administrators can change them later.
INSERT INTO list_item (list, label, position) VALUES
    ('step_type',          'CPIS Follow Up', 1),
    ('request_type',       'CS Notification to Allocated Worker - CPIS Follow Up', 1),
    ('next_action',        'CS No Further Action', 1),
    ('next_action_reason', 'Notification passed to allocated worker', 1),
    ('next_action_reason', 'Information only: child known to allocated worker', 2),
    ('next_action_reason', 'Duplicate notification', 3),
    ('next_action_reason', 'Case closed to children''s social care', 4),
    ('case_note_type',     'CP-IS Follow Up', 1),
    ('case_note_type',     'Case Note', 2),
    ('cancel_reason',      'Duplicate notification', 1),
    ('cancel_reason',      'Created in error', 2),
    ('cancel_reason',      'Child not known to this authority', 3);

INSERT INTO note_template (source, label, body, case_note_expected) VALUES
    ('dhu_111', 'DHU Notifications (111 calls)',
     'A CP-IS notification of service access request has been triggered by DHU who provide a 111 '
     'telephone service. Please acknowledge notification of this request. No further action required '
     'unless you have concerns. If so please use a ''CP-IS Follow Up'' case note to record action taken',
     'on_concern'),
    ('ae', 'A&E Notifications',
     'Please acknowledge notification of service access request. Information has been received today '
     'that a health professional has accessed CP-IS. Please create a CP-IS case note re action taken.',
     'required');

-- The virtual worker that receives every CPIS Follow Up step.
INSERT INTO worker (name, is_virtual) VALUES ('CP-IS Worker', true);
