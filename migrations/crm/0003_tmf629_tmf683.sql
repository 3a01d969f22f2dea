-- TMF629 / TMF683 conformance (issue #9).
-- customer.engaged_party: the client's engagedParty reference kept as sent ({id, name?, href?, @referredType, …});
--   NULL when the client sent none and CRM minted the PTY- party (served from crm.party then).
-- customer.tmf_refs: TMF629 reference lists CRM stores but does not act on (relatedParty, account, agreement).
-- customer.valid_to: validFor.endDateTime as the client set it. customer.deleted_at: TMF DELETE tombstone —
--   the row stays so interactions, cases and tickets keep resolving the id; every lookup skips it.
ALTER TABLE crm.customer
  ADD COLUMN engaged_party jsonb,
  ADD COLUMN tmf_refs jsonb,
  ADD COLUMN valid_to timestamptz,
  ADD COLUMN deleted_at timestamptz;

-- TMF683 PartyInteraction: status, the client's interactionDate, and what CRM keeps verbatim (notes,
-- attachments, relationships, further channels / parties / items) in tmf_extra.
ALTER TABLE crm.interaction
  ADD COLUMN status text NOT NULL DEFAULT 'completed',
  ADD COLUMN interaction_start timestamptz,
  ADD COLUMN interaction_end timestamptz,
  ADD COLUMN tmf_extra jsonb;
