-- A child's CP-IS status and NHS number history are as visible as the child.
ALTER TABLE person_cpis_status ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_cpis_status_visible ON person_cpis_status FOR SELECT USING (person_is_visible(person_id));
CREATE POLICY person_cpis_status_exchange ON person_cpis_status FOR ALL TO cpis_exchange USING (true) WITH CHECK (true);

ALTER TABLE nhs_number_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY nhs_number_change_visible ON nhs_number_change FOR SELECT USING (person_is_visible(person_id));
