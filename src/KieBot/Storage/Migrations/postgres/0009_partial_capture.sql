-- A capture of part of a reservation: p_capture hundredths are charged and the rest goes back to the available
-- balance, in the one capture row (amount = what was charged, available_delta = what came back). p_capture < 0 means
-- the whole reservation (a plain capture; a release ignores it). Replays, races and 'resolved' as the four-argument version of 0001.
CREATE FUNCTION ledger_resolve(p_reservation TEXT, p_key TEXT, p_kind TEXT, p_now BIGINT, p_capture BIGINT)
RETURNS TABLE (outcome TEXT, entry ledger)
LANGUAGE plpgsql AS $$
DECLARE
    r ledger;
    res ledger;
    charged BIGINT;
BEGIN
    SELECT l.* INTO res FROM ledger l WHERE l.idem_key = p_reservation AND l.kind = 'reserve' AND l.resolution IS NULL FOR UPDATE;
    IF FOUND AND p_kind = 'capture' AND p_capture > res.amount THEN
        RETURN QUERY SELECT 'rejected'::TEXT, res;
        RETURN;
    END IF;

    UPDATE ledger l SET resolution = p_kind
    WHERE l.idem_key = p_reservation AND l.kind = 'reserve' AND l.resolution IS NULL
    RETURNING l.* INTO res;
    IF NOT FOUND THEN
        SELECT l.* INTO r FROM ledger l WHERE l.idem_key = p_key;
        IF FOUND THEN
            RETURN QUERY SELECT 'replayed'::TEXT, r;
            RETURN;
        END IF;
        SELECT l.* INTO r FROM ledger l WHERE l.idem_key = p_reservation AND l.kind = 'reserve';
        IF FOUND THEN
            RETURN QUERY SELECT 'resolved'::TEXT, r;
        ELSE
            RETURN QUERY SELECT 'missing'::TEXT, NULL::ledger;
        END IF;
        RETURN;
    END IF;

    charged := CASE WHEN p_kind = 'release' THEN 0 WHEN p_capture < 0 THEN res.amount ELSE p_capture END;
    INSERT INTO ledger (idem_key, user_id, kind, amount, available_delta, reserved_delta, reservation_key, resolution, reason, note, dry_run, created_at)
    VALUES (p_key, res.user_id, p_kind, CASE WHEN p_kind = 'release' THEN res.amount ELSE charged END, res.amount - charged, -res.amount,
            p_reservation, NULL, NULL, NULL, res.dry_run, p_now)
    ON CONFLICT (idem_key) DO NOTHING
    RETURNING * INTO r;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ledger key % is already used by another operation', p_key USING ERRCODE = 'unique_violation';
    END IF;
    IF NOT res.dry_run THEN
        UPDATE balances b SET available = b.available + r.available_delta, reserved = b.reserved + r.reserved_delta, updated_at = p_now
        WHERE b.user_id = res.user_id;
    END IF;
    RETURN QUERY SELECT 'applied'::TEXT, r;
END;
$$;

-- The batch passes a resolve's capture in p_amounts (-1: the whole reservation).
CREATE OR REPLACE FUNCTION ledger_batch(p_ops TEXT[], p_keys TEXT[], p_users BIGINT[], p_kinds TEXT[], p_amounts BIGINT[],
                                        p_available BIGINT[], p_reserved BIGINT[], p_reasons TEXT[], p_notes TEXT[],
                                        p_dry BOOLEAN[], p_reservations TEXT[], p_now BIGINT)
RETURNS TABLE (ord INTEGER, outcome TEXT, entry ledger)
LANGUAGE plpgsql AS $$
BEGIN
    FOR i IN 1 .. COALESCE(array_length(p_ops, 1), 0) LOOP
        IF p_ops[i] = 'move' THEN
            RETURN QUERY SELECT i, f.outcome, f.entry
                FROM ledger_move(p_keys[i], p_users[i], p_kinds[i], p_amounts[i], p_available[i], p_reserved[i], p_reasons[i], p_notes[i], p_dry[i], p_now) f;
        ELSE
            RETURN QUERY SELECT i, f.outcome, f.entry FROM ledger_resolve(p_reservations[i], p_keys[i], p_kinds[i], p_now, p_amounts[i]) f;
        END IF;
    END LOOP;
END;
$$;

-- The four-argument ledger_resolve is no longer called (ledger_batch calls the one above; nothing else resolves).
DROP FUNCTION ledger_resolve(TEXT, TEXT, TEXT, BIGINT);
