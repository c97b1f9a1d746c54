-- Indexes for the first screen, the dashboard. Its "not seen recently" asks, for each active
-- client, when her last completed consult was. Without this index that reads every consult
-- row of every active client (with its notes) from the table; with it, one step into the
-- index each. On 10,000 clients and
-- 200,000 notes the first dashboard after opening reads far fewer pages (`make bench`), which
-- matters most when every page read is decrypted.
CREATE INDEX consults_completed_by_client ON consults (client_id, scheduled_at)
    WHERE status = 'completed';

-- Today's consults (any status but cancelled) by time: without it the dashboard visits every
-- client to find them.
CREATE INDEX consults_not_cancelled_by_time ON consults (scheduled_at)
    WHERE status != 'cancelled';

-- Leads without a consult booked, newest first: walked in that order, the dashboard stops at
-- the first 50 instead of visiting every lead.
CREATE INDEX clients_current_by_status_created ON clients (status, created_at DESC)
    WHERE archived_at IS NULL;
