-- Sessions in the database (issue 7): Spring Session JDBC keeps every log-in here instead of in
-- one node's memory, so that any node behind the load balancer serves any request and a restart
-- or a killed node logs nobody out. Spring Session's own schema (spring-session-jdbc 3.5,
-- schema-postgresql.sql); Spring Boot's initializer is off (spring.session.jdbc.initialize-schema:
-- never), Flyway owns the tables. bytea is PostgreSQL's binary type and an alias of H2's
-- VARBINARY. Expired rows are deleted by every node's cleanup job (a plain DELETE by expiry time,
-- harmless when two nodes run it at once). Runs on H2 and PostgreSQL.
create table spring_session (
    primary_id             char(36)      not null,
    session_id             char(36)      not null,
    creation_time          bigint        not null,
    last_access_time       bigint        not null,
    max_inactive_interval  int           not null,
    expiry_time            bigint        not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

-- one row per session attribute, Java-serialized (the security context, CSRF token, flash
-- attributes, the Camunda webapps' authentications)
create table spring_session_attributes (
    session_primary_id  char(36)      not null,
    attribute_name      varchar(200)  not null,
    attribute_bytes     bytea         not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
