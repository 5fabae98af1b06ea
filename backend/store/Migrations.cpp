#include "Migrations.h"

using namespace Qt::StringLiterals;

namespace tc::backend {

QStringList Migration::statements(DatabaseDriver driver) const
{
    const bool postgres = driver == DatabaseDriver::PostgreSql;
    QStringList result;
    for (QString statement : statementTemplates) {
        // A statement of one engine only (triggers are written differently on each).
        static const QString sqliteOnly = u"{sqlite-only} "_s;
        static const QString postgresOnly = u"{postgresql-only} "_s;
        if (statement.startsWith(sqliteOnly) || statement.startsWith(postgresOnly)) {
            if (statement.startsWith(postgresOnly) != postgres)
                continue;
            statement.remove(0, statement.indexOf(u' ') + 1);
        }
        statement.replace(u"{id}"_s,
                          postgres ? u"BIGSERIAL PRIMARY KEY"_s
                                   : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
        statement.replace(u"{blob}"_s, postgres ? u"BYTEA"_s : u"BLOB"_s);
        // A key the application assigns: on SQLite the rowid itself (INTEGER PRIMARY KEY), so
        // that a walk in key order reads the table alone instead of an index plus the table.
        statement.replace(u"{ownkey}"_s,
                          postgres ? u"BIGINT PRIMARY KEY"_s : u"INTEGER PRIMARY KEY"_s);
        // Byte-order text, so that a prefix search is an index range on both engines whatever
        // the PostgreSQL database's collation.
        statement.replace(u"{bytetext}"_s, postgres ? u"TEXT COLLATE \"C\""_s : u"TEXT"_s);
        result << statement;
    }
    return result;
}

// Times are milliseconds since the epoch, UTC (BIGINT): one representation on both engines,
// compared and indexed as numbers. Tokyo days are stored as text, 'YYYY-MM-DD'.
const QList<Migration> &migrations()
{
    static const QList<Migration> all {
        {1,
         u"institutions, branches, customers, accounts, apps, flows, attempts, locks, "
         "linkages, tokens, telephony, outbox"_s,
         {
             u"CREATE TABLE institutions ("
             " id TEXT PRIMARY KEY,"
             " name TEXT NOT NULL,"
             " identity_lock_threshold INTEGER NOT NULL DEFAULT 5"
             "   CHECK (identity_lock_threshold BETWEEN 1 AND 100),"
             " pin_lock_threshold INTEGER NOT NULL DEFAULT 3"
             "   CHECK (pin_lock_threshold BETWEEN 1 AND 100),"
             " early_release_needs_approval SMALLINT NOT NULL DEFAULT 0,"
             " totp_required SMALLINT NOT NULL DEFAULT 0,"
             " support_desk TEXT NOT NULL DEFAULT '')"_s,
             u"CREATE TABLE auth_numbers ("
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " number TEXT NOT NULL,"
             " PRIMARY KEY (institution_id, number))"_s,
             u"CREATE TABLE announced_maintenance ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,"
             " note TEXT NOT NULL DEFAULT '',"
             " CHECK (ends_at > starts_at))"_s,
             u"CREATE TABLE branches ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " code TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',"
             " UNIQUE (institution_id, code))"_s,
             u"CREATE TABLE customers ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " name_kana TEXT NOT NULL,"
             " birth_date TEXT NOT NULL,"
             " phone TEXT NOT NULL)"_s,
             u"CREATE INDEX customers_phone ON customers (institution_id, phone)"_s,
             u"CREATE INDEX customers_name ON customers (institution_id, name_kana)"_s,
             u"CREATE TABLE accounts ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " customer_id BIGINT NOT NULL REFERENCES customers(id),"
             " branch_id BIGINT NOT NULL REFERENCES branches(id),"
             " account_type TEXT NOT NULL CHECK (account_type IN ('ordinary', 'savings')),"
             " account_number TEXT NOT NULL,"
             " cash_card_issued SMALLINT NOT NULL,"
             " status TEXT NOT NULL DEFAULT 'active'"
             "   CHECK (status IN ('active', 'closed', 'moved')),"
             " moved_to_account_id BIGINT REFERENCES accounts(id),"
             " pin_hmac {blob},"
             " balance BIGINT NOT NULL DEFAULT 0,"
             " UNIQUE (branch_id, account_type, account_number))"_s,
             u"CREATE INDEX accounts_customer ON accounts (customer_id)"_s,
             u"CREATE TABLE account_transactions ("
             " id {id},"
             " account_id BIGINT NOT NULL REFERENCES accounts(id),"
             " booked_at BIGINT NOT NULL,"
             " amount BIGINT NOT NULL,"
             " balance_after BIGINT NOT NULL,"
             " description TEXT NOT NULL)"_s,
             u"CREATE INDEX account_transactions_account"
             " ON account_transactions (account_id, booked_at)"_s,
             u"CREATE TABLE client_apps ("
             " id {id},"
             " client_id TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " provider TEXT NOT NULL,"
             " secret_hash {blob} NOT NULL,"
             " redirect_uris TEXT NOT NULL)"_s,
             u"CREATE TABLE client_app_institutions ("
             " client_app_id BIGINT NOT NULL REFERENCES client_apps(id),"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " suspended_at BIGINT, suspended_by TEXT, suspend_reason TEXT,"
             " PRIMARY KEY (client_app_id, institution_id))"_s,
             u"CREATE TABLE flows ("
             " id TEXT PRIMARY KEY,"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " client_app_id BIGINT NOT NULL REFERENCES client_apps(id),"
             " redirect_uri TEXT NOT NULL, state TEXT NOT NULL,"
             " code_challenge TEXT NOT NULL, scope TEXT NOT NULL,"
             " step TEXT NOT NULL,"
             " account_id BIGINT REFERENCES accounts(id),"
             " email TEXT,"
             " source_address TEXT NOT NULL DEFAULT '',"
             " destination_number TEXT,"
             " call_deadline BIGINT,"
             " call_verified_at BIGINT,"
             " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
             " expires_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX flows_call ON flows (destination_number, call_deadline)"_s,
             u"CREATE TABLE attempts ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " account_id BIGINT REFERENCES accounts(id),"
             " flow_id TEXT,"
             " client_app_id BIGINT REFERENCES client_apps(id),"
             " at BIGINT NOT NULL,"
             " step TEXT NOT NULL,"
             " outcome TEXT NOT NULL,"
             " code TEXT,"
             " source_address TEXT NOT NULL DEFAULT '',"
             " name_kana TEXT)"_s,
             u"CREATE INDEX attempts_account ON attempts (account_id, at, id)"_s,
             u"CREATE INDEX attempts_institution ON attempts (institution_id, at)"_s,
             u"CREATE TABLE lock_counters ("
             " account_id BIGINT NOT NULL REFERENCES accounts(id),"
             " kind TEXT NOT NULL CHECK (kind IN ('identity', 'pin')),"
             " day TEXT NOT NULL,"
             " failures INTEGER NOT NULL,"
             " locked_at BIGINT,"
             " PRIMARY KEY (account_id, kind, day))"_s,
             u"CREATE TABLE linkages ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " account_id BIGINT NOT NULL REFERENCES accounts(id),"
             " client_app_id BIGINT NOT NULL REFERENCES client_apps(id),"
             " scope TEXT NOT NULL,"
             " granted_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
             " revoked_at BIGINT, revoked_by TEXT, revoke_reason TEXT,"
             " last_used_at BIGINT)"_s,
             u"CREATE INDEX linkages_account ON linkages (account_id)"_s,
             u"CREATE TABLE authorization_codes ("
             " code_hash {blob} PRIMARY KEY,"
             " linkage_id BIGINT NOT NULL REFERENCES linkages(id),"
             " redirect_uri TEXT NOT NULL,"
             " code_challenge TEXT NOT NULL,"
             " expires_at BIGINT NOT NULL,"
             " used_at BIGINT)"_s,
             u"CREATE TABLE tokens ("
             " token_hash {blob} PRIMARY KEY,"
             " linkage_id BIGINT NOT NULL REFERENCES linkages(id),"
             " kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),"
             " issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
             " revoked_at BIGINT,"
             " rotated_at BIGINT)"_s,
             u"CREATE INDEX tokens_linkage ON tokens (linkage_id)"_s,
             u"CREATE TABLE telephony_calls ("
             " id {id},"
             " caller TEXT NOT NULL, dialed TEXT NOT NULL,"
             " called_at BIGINT NOT NULL, received_at BIGINT NOT NULL)"_s,
             u"CREATE TABLE webhook_nonces ("
             " nonce TEXT PRIMARY KEY, seen_at BIGINT NOT NULL)"_s,
             u"CREATE TABLE outbox ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " attempts INTEGER NOT NULL DEFAULT 0,"
             " next_attempt_at BIGINT NOT NULL,"
             " sent_at BIGINT, last_error TEXT)"_s,
             u"CREATE INDEX outbox_pending ON outbox (sent_at, next_attempt_at)"_s,
         }},
        {2,
         u"rate counters per source address and per app"_s,
         {
             u"CREATE TABLE rate_counters ("
             " counter_key TEXT NOT NULL,"
             " window_start BIGINT NOT NULL,"
             " calls INTEGER NOT NULL,"
             " PRIMARY KEY (counter_key, window_start))"_s,
         }},
        {3,
         u"staff accounts and sessions, lock history and early release, audit chain, events"_s,
         {
             // Staff: a teller belongs to one branch; support and supervisors see the whole
             // institution. password_hash is an Argon2id PHC string; totp_secret is sealed
             // under the server's staff key (never in clear in the database).
             u"CREATE TABLE staff_users ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " username TEXT NOT NULL UNIQUE,"
             " display_name TEXT NOT NULL,"
             " role TEXT NOT NULL CHECK (role IN ('teller', 'support', 'supervisor')),"
             " branch_id BIGINT REFERENCES branches(id),"
             " password_hash TEXT NOT NULL,"
             " totp_secret {blob},"
             " totp_last_step BIGINT,"
             " failed_logins INTEGER NOT NULL DEFAULT 0,"
             " locked_until BIGINT,"
             " disabled_at BIGINT,"
             " created_at BIGINT NOT NULL,"
             " password_changed_at BIGINT NOT NULL,"
             " CHECK (role <> 'teller' OR branch_id IS NOT NULL))"_s,
             u"CREATE TABLE staff_sessions ("
             " id {id},"
             " staff_id BIGINT NOT NULL REFERENCES staff_users(id),"
             " created_at BIGINT NOT NULL,"
             " last_used_at BIGINT NOT NULL,"
             " absolute_expires_at BIGINT NOT NULL,"
             " ended_at BIGINT, end_reason TEXT,"
             " source_address TEXT NOT NULL DEFAULT '')"_s,
             u"CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id)"_s,
             u"CREATE TABLE staff_tokens ("
             " token_hash {blob} PRIMARY KEY,"
             " session_id BIGINT NOT NULL REFERENCES staff_sessions(id),"
             " kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),"
             " issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
             " rotated_at BIGINT)"_s,
             u"CREATE INDEX staff_tokens_session ON staff_tokens (session_id)"_s,
             // An early release resets the day's counter (the customer gets fresh tries) and
             // keeps who released it and why; lock_events keeps every lock and its end.
             u"ALTER TABLE lock_counters ADD COLUMN released_at BIGINT"_s,
             u"ALTER TABLE lock_counters ADD COLUMN released_by BIGINT"_s,
             u"ALTER TABLE lock_counters ADD COLUMN release_reason TEXT"_s,
             u"CREATE TABLE lock_events ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " account_id BIGINT NOT NULL REFERENCES accounts(id),"
             " kind TEXT NOT NULL CHECK (kind IN ('identity', 'pin')),"
             " day TEXT NOT NULL,"
             " event TEXT NOT NULL"
             "   CHECK (event IN ('locked', 'released_by_staff', 'released_at_midnight')),"
             " at BIGINT NOT NULL,"
             " staff_id BIGINT REFERENCES staff_users(id),"
             " reason TEXT,"
             " UNIQUE (account_id, kind, event, at))"_s,
             u"CREATE INDEX lock_events_institution ON lock_events (institution_id, at)"_s,
             // Two-person control: a teller's request waits for a supervisor's decision.
             u"CREATE TABLE lock_release_requests ("
             " id {id},"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " account_id BIGINT NOT NULL REFERENCES accounts(id),"
             " kind TEXT NOT NULL CHECK (kind IN ('identity', 'pin')),"
             " day TEXT NOT NULL,"
             " reason TEXT NOT NULL,"
             " requested_by BIGINT NOT NULL REFERENCES staff_users(id),"
             " requested_at BIGINT NOT NULL,"
             " status TEXT NOT NULL DEFAULT 'pending'"
             "   CHECK (status IN ('pending', 'approved', 'rejected', 'lapsed')),"
             " decided_by BIGINT REFERENCES staff_users(id),"
             " decided_at BIGINT,"
             " decision_note TEXT,"
             " CHECK (decided_by IS NULL OR decided_by <> requested_by))"_s,
             u"CREATE INDEX lock_release_requests_status"
             " ON lock_release_requests (institution_id, status, requested_at)"_s,
             u"CREATE UNIQUE INDEX lock_release_requests_one_pending"
             " ON lock_release_requests (account_id, kind, day) WHERE status = 'pending'"_s,
             u"CREATE INDEX linkages_app ON linkages (client_app_id, institution_id)"_s,
             // The audit chain: seq is the chain's order (assigned by the appender, not by the
             // engine), hash = SHA-256 over the previous hash and the row's canonical form.
             // audit_head holds the chain's end, locked by each append.
             u"CREATE TABLE audit_log ("
             " seq {ownkey},"
             " at BIGINT NOT NULL,"
             " institution_id TEXT NOT NULL,"
             " staff_id BIGINT,"
             " username TEXT NOT NULL,"
             " role TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " target TEXT NOT NULL DEFAULT '',"
             " reason TEXT NOT NULL DEFAULT '',"
             " source_address TEXT NOT NULL DEFAULT '',"
             " details TEXT NOT NULL DEFAULT '{}',"
             " prev_hash {blob} NOT NULL,"
             " hash {blob} NOT NULL)"_s,
             u"CREATE INDEX audit_log_institution ON audit_log (institution_id, seq)"_s,
             u"CREATE TABLE audit_head ("
             " id INTEGER PRIMARY KEY CHECK (id = 1),"
             " seq BIGINT NOT NULL,"
             " hash {blob} NOT NULL,"
             " checkpoint_seq BIGINT NOT NULL DEFAULT 0,"
             " checkpoint_at BIGINT NOT NULL DEFAULT 0)"_s,
             u"CREATE TABLE audit_checkpoints ("
             " id {id},"
             " seq BIGINT NOT NULL,"
             " hash {blob} NOT NULL,"
             " at BIGINT NOT NULL,"
             " kind TEXT NOT NULL CHECK (kind IN ('periodic', 'purge')),"
             " signature {blob} NOT NULL)"_s,
             // Live events for the staff stream, written in the transaction of what they
             // report; PostgreSQL also NOTIFYs the other instances.
             u"CREATE TABLE events ("
             " id {id},"
             " at BIGINT NOT NULL,"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " branch_id BIGINT,"
             " customer_id BIGINT,"
             " account_id BIGINT,"
             " client_app_id BIGINT,"
             " kind TEXT NOT NULL,"
             " payload TEXT NOT NULL)"_s,
             u"CREATE INDEX events_institution ON events (institution_id, id)"_s,
             // The midnight release job looks for locks of recent days not yet ended.
             u"CREATE INDEX lock_counters_locked ON lock_counters (day)"
             " WHERE locked_at IS NOT NULL"_s,
             // Staff search the name in one form (full-width katakana, no spaces) whatever
             // the customer or the staff member typed.
             u"ALTER TABLE customers ADD COLUMN name_key {bytetext} NOT NULL DEFAULT ''"_s,
             u"CREATE INDEX customers_name_key ON customers (institution_id, name_key)"_s,
             // Staff search by branch and account number gives no account type.
             u"CREATE INDEX accounts_branch_number ON accounts (branch_id, account_number)"_s,
         }},
        {4,
         u"customer name search in index order, without a sort; a teller's branch check from "
         "the accounts index alone"_s,
         {
             // The search answers the first matches ORDER BY name_key, id. SQLite's index
             // ends with the rowid anyway; PostgreSQL's did not, so a common family name had
             // all its matches fetched and sorted before the first row (bench/RESULTS.md).
             u"DROP INDEX customers_name_key"_s,
             u"CREATE INDEX customers_name_key ON customers (institution_id, name_key, id)"_s,
             // A teller's search asks, per candidate customer, whether one of its accounts is
             // in the teller's branch: answered from the index, without reading the account.
             u"DROP INDEX accounts_customer"_s,
             u"CREATE INDEX accounts_customer ON accounts (customer_id, branch_id)"_s,
         }},
        {5,
         u"a teller's name search from one index: each account carries its customer's name "
         "key"_s,
         {
             // A teller searches a name within one branch, but the name is the customer's and
             // the branch the account's: the search walked a common family name's customers
             // across all branches to find the first ones with an account in the teller's
             // (bench/RESULTS.md). The account keeps a copy of its customer's name key, kept
             // right by triggers whoever writes, so (branch, name) is one index range.
             u"ALTER TABLE accounts ADD COLUMN name_key {bytetext} NOT NULL DEFAULT ''"_s,
             u"UPDATE accounts SET name_key = (SELECT c.name_key FROM customers c "
             "WHERE c.id = accounts.customer_id)"_s,
             u"CREATE INDEX accounts_branch_name ON accounts (branch_id, name_key, customer_id)"_s,
             u"{sqlite-only} CREATE TRIGGER accounts_name_key_on_insert AFTER INSERT ON accounts "
             "BEGIN UPDATE accounts SET name_key = (SELECT c.name_key FROM customers c "
             "WHERE c.id = NEW.customer_id) WHERE id = NEW.id; END"_s,
             u"{sqlite-only} CREATE TRIGGER accounts_name_key_on_customer AFTER UPDATE OF "
             "customer_id ON accounts BEGIN UPDATE accounts SET name_key = (SELECT "
             "c.name_key FROM customers c WHERE c.id = NEW.customer_id) WHERE id = NEW.id; END"_s,
             u"{sqlite-only} CREATE TRIGGER customers_name_key_to_accounts AFTER UPDATE OF "
             "name_key ON customers BEGIN UPDATE accounts SET name_key = NEW.name_key "
             "WHERE customer_id = NEW.id; END"_s,
             u"{postgresql-only} CREATE FUNCTION accounts_take_name_key() RETURNS trigger "
             "LANGUAGE plpgsql AS $$ BEGIN NEW.name_key := (SELECT c.name_key FROM customers c "
             "WHERE c.id = NEW.customer_id); RETURN NEW; END $$"_s,
             u"{postgresql-only} CREATE TRIGGER accounts_name_key BEFORE INSERT OR UPDATE OF "
             "customer_id ON accounts FOR EACH ROW "
             "EXECUTE FUNCTION accounts_take_name_key()"_s,
             u"{postgresql-only} CREATE FUNCTION customers_pass_name_key() RETURNS trigger "
             "LANGUAGE plpgsql AS $$ BEGIN UPDATE accounts SET name_key = NEW.name_key "
             "WHERE customer_id = NEW.id; RETURN NULL; END $$"_s,
             u"{postgresql-only} CREATE TRIGGER customers_name_key AFTER UPDATE OF name_key ON "
             "customers FOR EACH ROW EXECUTE FUNCTION customers_pass_name_key()"_s,
         }},
        {6,
         u"the audit head keeps the hash it replaced: an append on PostgreSQL is one statement"_s,
         {
             // An UPDATE's RETURNING gives the row's new values only; the appended row needs the
             // old hash as its prev_hash, so the update copies it here (a working column: only
             // that statement reads it, in its own RETURNING).
             u"ALTER TABLE audit_head ADD COLUMN prev_hash {blob}"_s,
         }},
        {7,
         u"a branch's attempts newest first from one index: each attempt carries its account's "
         "branch"_s,
         {
             // The console's branch activity view pages through a branch's attempts of a
             // period, newest first by (at, id). The branch is the account's: without a copy
             // on the attempt, a page walked the institution's attempts (all branches) and
             // joined each to its account to find the branch's. The copy is taken when the row
             // is written, by triggers whoever writes (an account never changes branch: a move
             // opens a new account).
             u"ALTER TABLE attempts ADD COLUMN branch_id BIGINT"_s,
             u"UPDATE attempts SET branch_id = (SELECT a.branch_id FROM accounts a "
             "WHERE a.id = attempts.account_id) WHERE account_id IS NOT NULL"_s,
             u"CREATE INDEX attempts_branch ON attempts (branch_id, at, id)"_s,
             u"{sqlite-only} CREATE TRIGGER attempts_branch_on_insert AFTER INSERT ON attempts "
             "WHEN NEW.account_id IS NOT NULL BEGIN UPDATE attempts SET branch_id = (SELECT "
             "a.branch_id FROM accounts a WHERE a.id = NEW.account_id) WHERE id = NEW.id; END"_s,
             u"{sqlite-only} CREATE TRIGGER attempts_branch_on_account AFTER UPDATE OF "
             "account_id ON attempts BEGIN UPDATE attempts SET branch_id = (SELECT a.branch_id "
             "FROM accounts a WHERE a.id = NEW.account_id) WHERE id = NEW.id; END"_s,
             u"{postgresql-only} CREATE FUNCTION attempts_take_branch() RETURNS trigger "
             "LANGUAGE plpgsql AS $$ BEGIN NEW.branch_id := (SELECT a.branch_id FROM accounts a "
             "WHERE a.id = NEW.account_id); RETURN NEW; END $$"_s,
             u"{postgresql-only} CREATE TRIGGER attempts_branch BEFORE INSERT OR UPDATE OF "
             "account_id ON attempts FOR EACH ROW EXECUTE FUNCTION attempts_take_branch()"_s,
         }},
        {8,
         u"the audit log filtered by staff user, customer, action and period, newest first: "
         "each row carries the customer its target concerns"_s,
         {
             // Supervisors look for what was done to one customer. The rows name targets
             // ("customer:1", "account:5/lock:identity", "linkage:3", "release-request:9"); the
             // customer behind an account, linkage or request is looked up once, when the row
             // is written (AuditLog), and kept here, outside the chain's hash (it is derived
             // from the hashed target and the accounts). Existing rows are filled in below.
             u"ALTER TABLE audit_log ADD COLUMN customer_id BIGINT"_s,
             u"{sqlite-only} UPDATE audit_log SET customer_id = "
             "NULLIF(CAST(substr(target, 10) AS INTEGER), 0) WHERE target LIKE 'customer:%'"_s,
             u"{postgresql-only} UPDATE audit_log SET customer_id = "
             "substring(target from '^customer:([0-9]{1,18})$')::bigint "
             "WHERE target LIKE 'customer:%'"_s,
             u"{sqlite-only} UPDATE audit_log SET customer_id = (SELECT a.customer_id FROM "
             "accounts a WHERE a.id = CAST(substr(audit_log.target, 9) AS INTEGER) AND "
             "a.institution_id = audit_log.institution_id) WHERE target LIKE 'account:%'"_s,
             u"{postgresql-only} UPDATE audit_log SET customer_id = (SELECT a.customer_id FROM "
             "accounts a WHERE a.id = substring(audit_log.target from '^account:([0-9]{1,18})')"
             "::bigint AND a.institution_id = audit_log.institution_id) "
             "WHERE target LIKE 'account:%'"_s,
             u"{sqlite-only} UPDATE audit_log SET customer_id = (SELECT a.customer_id FROM "
             "linkages l JOIN accounts a ON a.id = l.account_id WHERE l.id = "
             "CAST(substr(audit_log.target, 9) AS INTEGER) AND "
             "l.institution_id = audit_log.institution_id) WHERE target LIKE 'linkage:%'"_s,
             u"{postgresql-only} UPDATE audit_log SET customer_id = (SELECT a.customer_id FROM "
             "linkages l JOIN accounts a ON a.id = l.account_id WHERE l.id = "
             "substring(audit_log.target from '^linkage:([0-9]{1,18})$')::bigint AND "
             "l.institution_id = audit_log.institution_id) WHERE target LIKE 'linkage:%'"_s,
             u"{sqlite-only} UPDATE audit_log SET customer_id = (SELECT a.customer_id FROM "
             "lock_release_requests r JOIN accounts a ON a.id = r.account_id WHERE r.id = "
             "CAST(substr(audit_log.target, 17) AS INTEGER) AND "
             "r.institution_id = audit_log.institution_id) "
             "WHERE target LIKE 'release-request:%'"_s,
             u"{postgresql-only} UPDATE audit_log SET customer_id = (SELECT a.customer_id FROM "
             "lock_release_requests r JOIN accounts a ON a.id = r.account_id WHERE r.id = "
             "substring(audit_log.target from '^release-request:([0-9]{1,18})$')::bigint AND "
             "r.institution_id = audit_log.institution_id) "
             "WHERE target LIKE 'release-request:%'"_s,
             // Newest first by (at, seq) within the institution, and within each filter: every
             // page of every filter is one index range, however deep (docs/decisions.md).
             u"DROP INDEX audit_log_institution"_s,
             u"CREATE INDEX audit_log_institution ON audit_log (institution_id, at, seq)"_s,
             u"CREATE INDEX audit_log_staff ON audit_log (institution_id, username, at, seq)"_s,
             u"CREATE INDEX audit_log_action ON audit_log (institution_id, action, at, seq)"_s,
             u"CREATE INDEX audit_log_customer ON audit_log (institution_id, customer_id, at, "
             "seq) WHERE customer_id IS NOT NULL"_s,
         }},
        {9,
         u"caller checks: phone support compares what a caller says with the stored data"_s,
         {
             // A check keeps who made it, of whom, whether it passed and until when its id
             // stands for the caller's identity; never what the caller said. The id is random
             // and usable only by the staff user who made the check. The counts of recent
             // checks per customer and per staff user are the checks' rate limits.
             u"CREATE TABLE caller_checks ("
             " id {id},"
             " check_id TEXT NOT NULL UNIQUE,"
             " institution_id TEXT NOT NULL REFERENCES institutions(id),"
             " staff_id BIGINT NOT NULL REFERENCES staff_users(id),"
             " customer_id BIGINT NOT NULL REFERENCES customers(id),"
             " checked_at BIGINT NOT NULL,"
             " expires_at BIGINT NOT NULL,"
             " passed SMALLINT NOT NULL)"_s,
             u"CREATE INDEX caller_checks_customer ON caller_checks (customer_id, checked_at)"_s,
             u"CREATE INDEX caller_checks_staff ON caller_checks (staff_id, checked_at)"_s,
         }},
        {10,
         u"an early-release request keeps how the requester confirmed the customer's identity"_s,
         {
             // The deciding supervisor sees it beside the reason (a document at the counter,
             // a caller check on the phone); NULL for requests made before.
             u"ALTER TABLE lock_release_requests ADD COLUMN reason_kind TEXT"_s,
             u"ALTER TABLE lock_release_requests ADD COLUMN identity_document TEXT"_s,
         }},
    };
    return all;
}

} // namespace tc::backend
