-- Department heads and deputies (科室负责人、副职), issue 5 part 6. Until now a department's heads were
-- its members with the DEPT_HEAD role; the first of them (by id) becomes the named head and any
-- others its deputies, so that who leads each department stays as it was. Runs on H2 and PostgreSQL.
alter table department add column head_person_id bigint;
alter table department add constraint fk_department_head foreign key (head_person_id) references person (id);

create table department_deputy (
    department_id  bigint not null references department (id),
    person_id      bigint not null references person (id),
    primary key (department_id, person_id)
);

update department set head_person_id = (
    select min(p.id) from person p join person_role r on r.person_id = p.id
    where r.role = 'DEPT_HEAD' and p.active = true and p.department_id = department.id);

insert into department_deputy (department_id, person_id)
select p.department_id, p.id from person p join person_role r on r.person_id = p.id
where r.role = 'DEPT_HEAD' and p.active = true and p.department_id is not null
  and p.id <> (select d.head_person_id from department d where d.id = p.department_id);
