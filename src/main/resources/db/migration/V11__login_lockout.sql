-- Lock-out after repeated failed log-ins (issue 5 part 6): consecutive failures per user name, and
-- until when the name is locked. A success or an admin's unlock removes the row. Names that belong to
-- nobody are counted too, so that a lock-out tells nothing about who exists. H2 and PostgreSQL.
create table login_lockout (
    username        varchar(100) primary key,
    failed_count    integer      not null,
    last_failed_at  timestamp    not null,
    locked_until    timestamp
);
