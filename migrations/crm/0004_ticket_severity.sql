-- TMF621 makes `severity` mandatory on TroubleTicket_Create (the implication of the issue, e.g. Critical,
-- Major, Minor; distinct from priority, which says how fast). Free text as the specification has it; tickets
-- opened through /crm-api before it existed have none (and TMF omits it for them).
ALTER TABLE crm.ticket ADD COLUMN severity text;
