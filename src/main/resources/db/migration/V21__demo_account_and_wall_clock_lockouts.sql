-- People the demo hospital seeded (password duban123 or DUBAN_DEMO_PASSWORD): when the application
-- starts with the demo off, these accounts are closed (DemoAccounts), so that a database that was
-- once a demo holds no account anyone can log in to with the published password.
alter table person add column demo_account boolean default false not null;

-- Lock-outs now run on the wall clock (LoginLockouts). A lock written while the demo clock ran days
-- ahead would hold for those days of real time: such locks (more than a day ahead) are lifted once.
delete from login_lockout where locked_until > current_timestamp + interval '1' day;
