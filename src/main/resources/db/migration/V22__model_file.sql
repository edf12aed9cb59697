-- The model files admins uploaded (or imported from a node's folders), kept in the database so that
-- every node deploys them: at start each node deploys its starting set (the configured folders, or
-- the models packaged in the jar) with these files in place of its own. No shared file system is
-- needed, and a node starting with older files never deploys them over a newer upload.
-- bytea is PostgreSQL's binary type and an alias of H2's VARBINARY.
create table model_file (
    resource    varchar(200)  primary key,  -- the name it is deployed under: processes/x.bpmn, forms/y.form
    content     bytea         not null,
    origin      varchar(10)   not null,     -- upload | folder
    stored_by   varchar(100)  not null,
    stored_at   timestamp     not null
);
