#include "store/migrations.h"

namespace koop::store {

// Times are BIGINT milliseconds since the epoch (UTC); JSON documents are TEXT.
const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "workflow definitions, instances, event log, deadlines, outbox",
       {
           R"(CREATE TABLE workflow_definitions (
                workflow_id TEXT NOT NULL,
                version TEXT NOT NULL,
                hash TEXT NOT NULL,
                source TEXT NOT NULL,
                source_name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (workflow_id, version),
                UNIQUE (workflow_id, hash)))",
           R"(CREATE TABLE instances (
                instance_id TEXT PRIMARY KEY,
                workflow_id TEXT NOT NULL,
                workflow_version TEXT NOT NULL,
                municipality_id TEXT NOT NULL,
                municipality TEXT NOT NULL,
                status TEXT NOT NULL,
                last_seq BIGINT NOT NULL,
                snapshot TEXT NOT NULL,
                next_timer_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                FOREIGN KEY (workflow_id, workflow_version)
                  REFERENCES workflow_definitions (workflow_id, version)))",
           "CREATE INDEX instances_next_timer ON instances (next_timer_at)",
           R"(CREATE TABLE events (
                instance_id TEXT NOT NULL REFERENCES instances (instance_id),
                seq BIGINT NOT NULL,
                name TEXT NOT NULL,
                data TEXT NOT NULL,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                outcome TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                PRIMARY KEY (instance_id, seq)))",
           R"(CREATE TABLE deadlines (
                instance_id TEXT NOT NULL REFERENCES instances (instance_id),
                deadline_id TEXT NOT NULL,
                occurrence BIGINT NOT NULL,
                title TEXT NOT NULL,
                due_date TEXT NOT NULL,
                due_at BIGINT NOT NULL,
                state TEXT NOT NULL,
                owner_state TEXT NOT NULL,
                remind TEXT NOT NULL,
                recipients TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (instance_id, deadline_id, occurrence)))",
           "CREATE INDEX deadlines_next_due ON deadlines (state, due_at)",
           R"(CREATE TABLE outbox (
                message_id TEXT PRIMARY KEY,
                instance_id TEXT NOT NULL REFERENCES instances (instance_id),
                kind TEXT NOT NULL,
                channel TEXT NOT NULL,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                due_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                claimed_by TEXT,
                claimed_until BIGINT,
                sent_at BIGINT,
                attempts BIGINT NOT NULL DEFAULT 0,
                last_error TEXT))",
           "CREATE INDEX outbox_pending ON outbox (sent_at, due_at)",
       },
       {
           // The event log is append-only: the database refuses to change or delete a record.
           R"(CREATE TRIGGER events_no_update BEFORE UPDATE ON events
              BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END)",
           R"(CREATE TRIGGER events_no_delete BEFORE DELETE ON events
              BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END)",
       },
       {
           R"(CREATE FUNCTION koop_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
              'BEGIN RAISE EXCEPTION ''the event log is append-only''; END')",
           R"(CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
              FOR EACH ROW EXECUTE FUNCTION koop_events_append_only())",
       }},
      {2,
       "reminder scheduling: each deadline's next action, outbox rows linked to their deadline",
       {
           // next_action_at: when the scheduler must next look at the deadline (a reminder, the
           // due day, the end of the due day); NULL = not planned yet. actions_done counts the
           // deadline's actions already turned into outbox rows (engine/src/notify/).
           "ALTER TABLE deadlines ADD COLUMN next_action_at BIGINT",
           "ALTER TABLE deadlines ADD COLUMN actions_done BIGINT NOT NULL DEFAULT 0",
           "CREATE INDEX deadlines_next_action ON deadlines (state, next_action_at)",
           "ALTER TABLE outbox ADD COLUMN deadline_id TEXT",
           "ALTER TABLE outbox ADD COLUMN occurrence BIGINT",
       },
       {},
       {}},
      {3,
       "deadlines keep their escalation and, for recurring obligations, the series",
       {
           // escalate: ISO duration after the due date ("" = none); escalate_to: JSON array of
           // roles. recur_every/recur_anchor/recur_count: the period, anchor date and count of a
           // recurring obligation's series (time/recurrence.h); NULL for one-off deadlines.
           "ALTER TABLE deadlines ADD COLUMN escalate TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE deadlines ADD COLUMN escalate_to TEXT NOT NULL DEFAULT '[]'",
           "ALTER TABLE deadlines ADD COLUMN recur_every TEXT",
           "ALTER TABLE deadlines ADD COLUMN recur_anchor TEXT",
           "ALTER TABLE deadlines ADD COLUMN recur_count BIGINT",
       },
       {},
       {}},
      {4,
       "instances keep the time of their last event",
       {
           // last_event_at: `at` of the event numbered last_seq, written together with it, so an
           // event checks time order without reading the log.
           "ALTER TABLE instances ADD COLUMN last_event_at BIGINT NOT NULL DEFAULT 0",
           "UPDATE instances SET last_event_at = COALESCE((SELECT e.at FROM events e WHERE "
           "e.instance_id = instances.instance_id AND e.seq = instances.last_seq), 0)",
       },
       {},
       {}},
      {5,
       "events keep the error.execution messages of their macrostep",
       {
           // errors: JSON array of the messages (rule file and line first), "[]" when none.
           "ALTER TABLE events ADD COLUMN errors TEXT NOT NULL DEFAULT '[]'",
       },
       {},
       {}},
      {6,
       "accounts, sessions, sign-in failures and the access log of personal data",
       {
           // role: admin, coordinator, member, rops, auditor; municipality_id: the tenant (a
           // region id for rops); password_hash: libsodium's Argon2id string.
           R"(CREATE TABLE accounts (
                login TEXT PRIMARY KEY,
                role TEXT NOT NULL,
                municipality_id TEXT NOT NULL,
                institution_id TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                disabled BIGINT NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))",
           // token_hash: BLAKE2b-256 of the cookie's token (the token itself is never stored).
           R"(CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY,
                login TEXT NOT NULL REFERENCES accounts (login),
                csrf_token TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL))",
           "CREATE INDEX sessions_login ON sessions (login)",
           // One row per failed sign-in, keyed "login:NAME" and "address:IP"; counted in a window.
           R"(CREATE TABLE sign_in_failures (
                throttle_key TEXT NOT NULL,
                at BIGINT NOT NULL))",
           "CREATE INDEX sign_in_failures_key ON sign_in_failures (throttle_key, at)",
           // fields: JSON array of the personal field names the response carried.
           R"(CREATE TABLE access_log (
                login TEXT NOT NULL,
                at BIGINT NOT NULL,
                instance_id TEXT NOT NULL,
                fields TEXT NOT NULL,
                request_id TEXT NOT NULL,
                purpose TEXT NOT NULL))",
           "CREATE INDEX access_log_instance ON access_log (instance_id, at)",
           "CREATE INDEX access_log_login ON access_log (login, at)",
           // The ics feed tokens (hashed like session tokens), revocable per account.
           R"(CREATE TABLE feed_tokens (
                token_hash TEXT PRIMARY KEY,
                login TEXT NOT NULL REFERENCES accounts (login),
                created_at BIGINT NOT NULL))",
       },
       {
           R"(CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
              BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END)",
           R"(CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
              BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END)",
       },
       {
           R"(CREATE FUNCTION koop_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
              'BEGIN RAISE EXCEPTION ''the access log is append-only''; END')",
           R"(CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
              FOR EACH ROW EXECUTE FUNCTION koop_access_log_append_only())",
       }},
      {7,
       "outbox leases on the database's clock; deadline events recorded once",
       {
           // state: queued -> sending (the one row a worker is handing to a channel) -> sent.
           // lease_expires: when claimed_by's lease runs out, on the DATABASE's clock (never the
           // caller's --now). takeovers: how often a row was taken from a worker whose lease ran
           // out while it was 'sending' (each one a possible repeat, docs/reminders.md).
           "ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'",
           "UPDATE outbox SET state = 'sent' WHERE sent_at IS NOT NULL",
           "ALTER TABLE outbox ADD COLUMN lease_expires BIGINT",
           "ALTER TABLE outbox ADD COLUMN takeovers BIGINT NOT NULL DEFAULT 0",
           // once_key: an event that must be recorded at most once (a deadline event's outbox
           // id); the unique index refuses a second copy even from a racing transaction.
           "ALTER TABLE events ADD COLUMN once_key TEXT",
           "CREATE UNIQUE INDEX events_once_key ON events (instance_id, once_key)",
       },
       {},
       {}},
      {8,
       "indexes of the server's task list and instance listings",
       {
           // The task list reads open deadlines in (due_at, instance, deadline, occurrence)
           // order and stops at its LIMIT: with the whole order in the index no sort is needed,
           // so a page costs its own rows, not every open deadline before `until`; the listed
           // columns ride along (a covering index: no table lookup per row). Its prefix
           // (state, due_at) serves the old index's queries, which it replaces.
           R"(CREATE INDEX deadlines_open_order ON deadlines
                (state, due_at, instance_id, deadline_id, occurrence, title, due_date, owner_state))",
           "DROP INDEX deadlines_next_due",
           // An instance's open deadlines in date order (listings, show, fire): covering too,
           // so that SQLite, choosing between two covering indexes, never prefers scanning every
           // open deadline of deadlines_open_order to this probe by instance.
           R"(CREATE INDEX deadlines_instance_open ON deadlines
                (instance_id, state, due_at, deadline_id, occurrence, title, due_date))",
       },
       {},
       {}},
      {9,
       "deadlines keep the case number, the stage's title and the explanation of their date",
       {
           // case_number: the case's own number ("MOPS/2027/003"; for an instance without one its
           // workflow's and municipality's names); stage_title: the Polish title of owner_state;
           // explanation: JSON array of Polish lines (time/deadline_explain.h: start day,
           // counting rule, each day moved past). All three are what people read in reminders,
           // listings and `koop show` instead of internal ids; '' on rows written before.
           "ALTER TABLE deadlines ADD COLUMN case_number TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE deadlines ADD COLUMN stage_title TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE deadlines ADD COLUMN explanation TEXT NOT NULL DEFAULT ''",
       },
       {},
       {}},
      {10,
       "workflow definitions keep the files they include",
       {
           // One row per <script src>, <data src> or <invoke src> file of a definition, with the
           // text the loader read at registration: a stored definition is compiled from these,
           // never from the disk (definitions registered before keep reading their folder).
           R"(CREATE TABLE workflow_definition_files (
                workflow_id TEXT NOT NULL,
                version TEXT NOT NULL,
                name TEXT NOT NULL,
                content TEXT NOT NULL,
                PRIMARY KEY (workflow_id, version, name),
                FOREIGN KEY (workflow_id, version)
                  REFERENCES workflow_definitions (workflow_id, version)))",
       },
       {
           R"(CREATE TRIGGER definition_files_no_update BEFORE UPDATE ON workflow_definition_files
              BEGIN SELECT RAISE(ABORT, 'stored definitions do not change'); END)",
           R"(CREATE TRIGGER definition_files_no_delete BEFORE DELETE ON workflow_definition_files
              BEGIN SELECT RAISE(ABORT, 'stored definitions do not change'); END)",
       },
       {
           R"(CREATE FUNCTION koop_definition_files_frozen() RETURNS trigger LANGUAGE plpgsql AS
              'BEGIN RAISE EXCEPTION ''stored definitions do not change''; END')",
           R"(CREATE TRIGGER definition_files_frozen BEFORE UPDATE OR DELETE
              ON workflow_definition_files
              FOR EACH ROW EXECUTE FUNCTION koop_definition_files_frozen())",
       }},
      {11,
       "listing versions: a counter per municipality bumped by every change of a listing",
       {
           // version grows in the same transaction as every committed change of an instance or
           // a deadline of the municipality (the triggers below), whoever writes it: a server,
           // another server on the same database, the CLI, the reminder run. A cached task list
           // (server/listing_cache.h) is valid only at the versions it was read at.
           R"(CREATE TABLE listing_versions (
                municipality_id TEXT PRIMARY KEY,
                version BIGINT NOT NULL))",
           R"(INSERT INTO listing_versions (municipality_id, version)
                SELECT DISTINCT municipality_id, 1 FROM instances)",
       },
       {
           R"(CREATE TRIGGER instances_listing_insert AFTER INSERT ON instances BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  VALUES (NEW.municipality_id, 1)
                  ON CONFLICT (municipality_id) DO UPDATE SET version = version + 1;
              END)",
           R"(CREATE TRIGGER instances_listing_update AFTER UPDATE ON instances BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  SELECT municipality_id, 1 FROM (SELECT NEW.municipality_id AS municipality_id
                    UNION SELECT OLD.municipality_id) WHERE true
                  ON CONFLICT (municipality_id) DO UPDATE SET version = version + 1;
              END)",
           R"(CREATE TRIGGER instances_listing_delete AFTER DELETE ON instances BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  VALUES (OLD.municipality_id, 1)
                  ON CONFLICT (municipality_id) DO UPDATE SET version = version + 1;
              END)",
           R"(CREATE TRIGGER deadlines_listing_insert AFTER INSERT ON deadlines BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  SELECT municipality_id, 1 FROM instances WHERE instance_id = NEW.instance_id
                  ON CONFLICT (municipality_id) DO UPDATE SET version = version + 1;
              END)",
           // Only the columns a listing reads: the reminder run's bookkeeping changes nothing.
           R"(CREATE TRIGGER deadlines_listing_update AFTER UPDATE OF instance_id, deadline_id,
                occurrence, title, due_date, due_at, state, owner_state ON deadlines BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  SELECT municipality_id, 1 FROM instances
                    WHERE instance_id IN (NEW.instance_id, OLD.instance_id)
                  ON CONFLICT (municipality_id) DO UPDATE SET version = version + 1;
              END)",
           R"(CREATE TRIGGER deadlines_listing_delete AFTER DELETE ON deadlines BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  SELECT municipality_id, 1 FROM instances WHERE instance_id = OLD.instance_id
                  ON CONFLICT (municipality_id) DO UPDATE SET version = version + 1;
              END)",
       },
       {
           R"(CREATE FUNCTION koop_listing_bump(m TEXT) RETURNS void LANGUAGE sql AS
              'INSERT INTO listing_versions (municipality_id, version) VALUES (m, 1)
                 ON CONFLICT (municipality_id) DO UPDATE SET version = listing_versions.version + 1')",
           R"(CREATE FUNCTION koop_listing_instances() RETURNS trigger LANGUAGE plpgsql AS
              'BEGIN
                 IF TG_OP <> ''DELETE'' THEN PERFORM koop_listing_bump(NEW.municipality_id); END IF;
                 IF TG_OP = ''DELETE'' OR (TG_OP = ''UPDATE''
                     AND OLD.municipality_id <> NEW.municipality_id) THEN
                   PERFORM koop_listing_bump(OLD.municipality_id);
                 END IF;
                 RETURN NULL;
               END')",
           R"(CREATE TRIGGER instances_listing AFTER INSERT OR UPDATE OR DELETE ON instances
              FOR EACH ROW EXECUTE FUNCTION koop_listing_instances())",
           R"(CREATE FUNCTION koop_listing_deadlines() RETURNS trigger LANGUAGE plpgsql AS
              'DECLARE
                 m TEXT;
               BEGIN
                 IF TG_OP <> ''DELETE'' THEN
                   SELECT municipality_id INTO m FROM instances WHERE instance_id = NEW.instance_id;
                   IF m IS NOT NULL THEN PERFORM koop_listing_bump(m); END IF;
                 END IF;
                 IF TG_OP = ''DELETE'' OR (TG_OP = ''UPDATE''
                     AND OLD.instance_id <> NEW.instance_id) THEN
                   SELECT municipality_id INTO m FROM instances WHERE instance_id = OLD.instance_id;
                   IF m IS NOT NULL THEN PERFORM koop_listing_bump(m); END IF;
                 END IF;
                 RETURN NULL;
               END')",
           R"(CREATE TRIGGER deadlines_listing AFTER INSERT OR DELETE OR UPDATE OF instance_id,
                deadline_id, occurrence, title, due_date, due_at, state, owner_state ON deadlines
              FOR EACH ROW EXECUTE FUNCTION koop_listing_deadlines())",
       }},
      {12,
       "listing versions never repeat: a bump goes to at least the database's clock in ms",
       {
           // Counting up from 1, a database restored from a backup and written again passes
           // through the versions it had before (with other rows), and a server left running
           // across the restore could serve an answer cached at one of them. A bump now sets
           // max(version + 1, now in ms): still growing when the clock is set back, and after a
           // restore the next write lands past every version handed out before it.
       },
       {
           "DROP TRIGGER instances_listing_insert",
           "DROP TRIGGER instances_listing_update",
           "DROP TRIGGER instances_listing_delete",
           "DROP TRIGGER deadlines_listing_insert",
           "DROP TRIGGER deadlines_listing_update",
           "DROP TRIGGER deadlines_listing_delete",
           R"(CREATE TRIGGER instances_listing_insert AFTER INSERT ON instances BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  VALUES (NEW.municipality_id,
                          CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER))
                  ON CONFLICT (municipality_id) DO UPDATE
                    SET version = MAX(version + 1, excluded.version);
              END)",
           R"(CREATE TRIGGER instances_listing_update AFTER UPDATE ON instances BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  SELECT municipality_id,
                         CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)
                  FROM (SELECT NEW.municipality_id AS municipality_id
                        UNION SELECT OLD.municipality_id) WHERE true
                  ON CONFLICT (municipality_id) DO UPDATE
                    SET version = MAX(version + 1, excluded.version);
              END)",
           R"(CREATE TRIGGER instances_listing_delete AFTER DELETE ON instances BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  VALUES (OLD.municipality_id,
                          CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER))
                  ON CONFLICT (municipality_id) DO UPDATE
                    SET version = MAX(version + 1, excluded.version);
              END)",
           R"(CREATE TRIGGER deadlines_listing_insert AFTER INSERT ON deadlines BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  SELECT municipality_id,
                         CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)
                  FROM instances WHERE instance_id = NEW.instance_id
                  ON CONFLICT (municipality_id) DO UPDATE
                    SET version = MAX(version + 1, excluded.version);
              END)",
           R"(CREATE TRIGGER deadlines_listing_update AFTER UPDATE OF instance_id, deadline_id,
                occurrence, title, due_date, due_at, state, owner_state ON deadlines BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  SELECT municipality_id,
                         CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)
                  FROM instances WHERE instance_id IN (NEW.instance_id, OLD.instance_id)
                  ON CONFLICT (municipality_id) DO UPDATE
                    SET version = MAX(version + 1, excluded.version);
              END)",
           R"(CREATE TRIGGER deadlines_listing_delete AFTER DELETE ON deadlines BEGIN
                INSERT INTO listing_versions (municipality_id, version)
                  SELECT municipality_id,
                         CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)
                  FROM instances WHERE instance_id = OLD.instance_id
                  ON CONFLICT (municipality_id) DO UPDATE
                    SET version = MAX(version + 1, excluded.version);
              END)",
       },
       {
           R"(CREATE OR REPLACE FUNCTION koop_listing_bump(m TEXT) RETURNS void LANGUAGE sql AS
              'INSERT INTO listing_versions (municipality_id, version)
                 VALUES (m, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
                 ON CONFLICT (municipality_id) DO UPDATE
                   SET version = GREATEST(listing_versions.version + 1, excluded.version)')",
       }},
  };
  return kMigrations;
}

int LatestSchemaVersion() { return Migrations().back().version; }

}  // namespace koop::store
